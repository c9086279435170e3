/// Why no access token could be had from the token endpoint. Never carries the secret, the
/// assertion or a token: only what the endpoint said (`AADSTS…` codes included) and curl's code.
public struct OAuthError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable {
        /// The endpoint could not be reached or TLS failed (curl's code and message).
        case transfer(CurlError)
        /// HTTP error with the OAuth `error` / `error_description` fields when there were any.
        case refused(httpStatus: Int, error: String?, description: String?)
        /// A 200 answer without a usable `access_token` / `expires_in`.
        case unreadableResponse(String)
        /// The certificate or key could not be used to sign a client assertion.
        case assertion(String)
    }

    public var tokenURL: String
    public var clientID: String
    public var reason: Reason

    public init(tokenURL: String, clientID: String, reason: Reason) {
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.reason = reason
    }

    /// Retrying later may help (network, 5xx, 429); a refusal of the client itself will not.
    public var isTransient: Bool {
        switch reason {
        case .transfer(let error): return error.disposition != .permanent
        case .refused(let status, _, _): return status >= 500 || status == 429
        case .unreadableResponse, .assertion: return false
        }
    }

    public var description: String {
        let why: String
        switch reason {
        case .transfer(let error): why = "token endpoint unreachable: \(error)"
        case .refused(let status, let error, let text):
            why = "token endpoint answered HTTP \(status)" + (error.map { " \($0)" } ?? "")
                + (text.map { ": \(Self.firstLine($0))" } ?? "")
                + "; check tenant, client_id and the client secret or certificate registered for the app"
        case .unreadableResponse(let what): why = "unreadable token response: \(what)"
        case .assertion(let what): why = "cannot sign the client assertion: \(what)"
        }
        return "OAuth token request for client \(clientID) at \(tokenURL) failed: \(why)"
    }

    /// Microsoft's descriptions run over several lines (trace and correlation ids after the first).
    static func firstLine(_ text: String) -> String {
        String(text.split(whereSeparator: \.isNewline).first ?? "").prefix(300).description
    }
}
