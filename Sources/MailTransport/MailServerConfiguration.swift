/// How to reach one mailbox or SMTP server. The secret arrives resolved (the config loader reads
/// files and environment variables); it is redacted from every description.
public struct MailServerConfiguration: Sendable, CustomStringConvertible {
    public enum Secret: Sendable, CustomStringConvertible {
        case password(String)
        /// An OAuth 2 access token (Microsoft 365 style XOAUTH2). Refreshing it is the caller's job.
        case oauth2Token(String)
        /// Tokens from a client-credentials grant, fetched and refreshed as connections need them.
        case oauth2(OAuthTokenClient)

        public var description: String {
            switch self {
            case .password: return "password([redacted])"
            case .oauth2Token: return "oauth2Token([redacted])"
            case .oauth2(let client): return "oauth2(\(client.settings))"
            }
        }
    }

    /// SASL mechanism forced through `CURLOPT_LOGIN_OPTIONS`. Forcing one matters: with a bearer
    /// token and no option libcurl may fall back to PLAIN with an empty password.
    public enum AuthMechanism: String, Sendable {
        case plain = "PLAIN", login = "LOGIN", xoauth2 = "XOAUTH2", oauthBearer = "OAUTHBEARER"
    }

    public var url: MailServerURL
    public var login: String?
    public var secret: Secret?
    /// nil: PLAIN for a password, XOAUTH2 for a token.
    public var mechanism: AuthMechanism?
    /// PEM bundle of trusted CAs (`CURLOPT_CAINFO`); nil uses the system store. Verification is
    /// always on.
    public var caFile: String?
    public var connectTimeout: Duration = .seconds(15)
    /// Longest wait for any single server response (`CURLOPT_SERVER_RESPONSE_TIMEOUT`).
    public var responseTimeout: Duration = .seconds(60)
    /// A transfer slower than `lowSpeedBytesPerSecond` for `lowSpeedTime` is aborted (1 byte/s
    /// let a trickling server stall the whole cycle: issue 7 item 7).
    public var lowSpeedBytesPerSecond = 1024
    public var lowSpeedTime: Duration = .seconds(60)
    /// Total time per transfer, growing with its size, and the stop flag (SIGTERM).
    public var limits = TransferLimits()
    /// Messages above this are refused by `fetch` (the daemon records the request as too large).
    public var maxMessageBytes = 50 * 1024 * 1024
    /// Drafts go to the folder the server marks `\Drafts` (RFC 6154 SPECIAL-USE, e.g. Exchange's
    /// "Borradores"), whatever folder name the caller passes; that name is used only when the
    /// server names none. The daemon sets this when `drafts_folder` is not configured.
    public var draftsFromSpecialUse = false
    /// Waits between tries of a command the server refused for now (`[THROTTLED]`, `[UNAVAILABLE]`,
    /// `* BYE` busy): Exchange's limits are met by waiting, not by failing the poll.
    public var throttleBackoff = ThrottleBackoff()
    /// Redacted protocol lines for debugging (see `ProtocolTraceRedactor`); nil in production.
    public var trace: (@Sendable (String) -> Void)?

    public init(url: MailServerURL, login: String? = nil, secret: Secret? = nil, caFile: String? = nil) {
        self.url = url
        self.login = login
        self.secret = secret
        self.caFile = caFile
    }

    public var description: String {
        var text = "\(url)"
        if let login { text += " login \(login)" }
        if let secret { text += " \(secret)" }
        return text
    }
}
