/// One app registration's client-credentials grant: where to ask, who asks, how it proves it,
/// and for what. Values arrive resolved (files read by the config loader); descriptions redact.
public struct OAuthSettings: Sendable, Hashable, CustomStringConvertible {
    public enum Credential: Sendable, Hashable, CustomStringConvertible {
        /// `client_secret` (from a secret file or `LoadCredential=`).
        case secret(String)
        /// A client assertion signed with the app's certificate key (Microsoft's recommendation).
        case certificate(OAuthCertificate)

        public var description: String {
            switch self {
            case .secret: return "secret([redacted])"
            case .certificate(let certificate): return "certificate(\(certificate))"
            }
        }
    }

    public static let microsoftScope = "https://outlook.office365.com/.default"

    /// Microsoft identity platform v2.0 token endpoint of a tenant (id or domain).
    public static func microsoftTokenURL(tenant: String) -> String {
        "https://login.microsoftonline.com/\(tenant)/oauth2/v2.0/token"
    }

    public var tokenURL: String
    public var clientID: String
    public var credential: Credential
    public var scope: String
    /// PEM CA bundle for the token endpoint's TLS; nil uses the system store. Always verified.
    public var caFile: String?

    public init(tokenURL: String, clientID: String, credential: Credential, scope: String = Self.microsoftScope, caFile: String? = nil) {
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.credential = credential
        self.scope = scope
        self.caFile = caFile
    }

    public var description: String { "OAuth client \(clientID) at \(tokenURL) scope \(scope) \(credential)" }
}
