import CCurl

/// The token a handle logs in with, and where new ones come from.
final class OAuthBearerState {
    let client: OAuthTokenClient
    /// The token last handed to libcurl. libcurl 7.83+ reuses a connection only for the same
    /// bearer (CVE-2022-22576 fix), so a new token means a new connection and login.
    var inUse: String?
    /// IMAP or SMTP, for the refusal message (which Exchange permission to check).
    let service: OAuthLoginRefusal.Service
    /// For the hand-made login after a refusal (see `OAuthLoginProbe`).
    let probe: OAuthLoginProbe
    let login: String

    init(client: OAuthTokenClient, probe: OAuthLoginProbe, login: String) {
        self.client = client
        self.probe = probe
        self.login = login
        service = probe.server.scheme.hasPrefix("smtp") ? .smtp : .imap
    }
}

extension CurlEasy {
    /// XOAUTH2 (Exchange, Gmail) or OAUTHBEARER (RFC 7628) with tokens from `client`. Both
    /// mechanisms are allowed unless OAUTHBEARER is configured, so a server offering only
    /// OAUTHBEARER works too (libcurl prefers OAUTHBEARER when offered both); never PLAIN
    /// (libcurl would send an empty password, libcurl note §2.9).
    func useOAuth(_ client: OAuthTokenClient, configuration: MailServerConfiguration, server: MailServerURL.Server) throws(CurlError) {
        let mechanism = configuration.mechanism
        switch mechanism {
        case .oauthBearer?: try set(CURLOPT_LOGIN_OPTIONS, "AUTH=OAUTHBEARER")
        default: try set(CURLOPT_LOGIN_OPTIONS, "AUTH=XOAUTH2;AUTH=OAUTHBEARER")
        }
        try set(CURLOPT_SASL_IR, 1)
        oauth = OAuthBearerState(client: client, probe: OAuthLoginProbe(configuration: configuration, server: server),
                                 login: configuration.login ?? "")
    }

    /// One transfer with a current token: a token near its expiry is replaced before the
    /// transfer (new connection, no failed login). A login the server refuses is tried once
    /// more with a newly issued token, by hand (`OAuthLoginProbe`, which finishes the SASL error
    /// exchange libcurl abandons); when that works the transfer runs again, else the server's
    /// answer is reported as an `OAuthLoginRefusal`. A refused login sends nothing else, so
    /// repeating the transfer is safe even for APPEND and SMTP.
    func performWithBearer(_ state: OAuthBearerState, upload: [UInt8]?) throws(CurlError) -> Result {
        let first = try currentBearer(state)
        do {
            return try performTransfer(upload: upload)
        } catch where OAuthLoginRefusal.isLoginRefusal(error) {
            state.client.reject(first)
            let refused = OAuthLoginRefusal.Attempt(error: error, lines: lastFailureLines)
            let second = try currentBearer(state)
            switch try state.probe.run(login: state.login, token: second) {
            case .loggedIn:
                return try performTransfer(upload: upload)
            case .refused(let challenge, let finalLine):
                state.client.reject(second)
                let retry = OAuthLoginRefusal.Attempt(error: CurlError(code: error.code, message: error.message, serverResponse: finalLine),
                                                      lines: challenge.map { [$0] } ?? [])
                let refusal = OAuthLoginRefusal(service: state.service, attempts: [refused, retry])
                throw CurlError(code: error.code, message: refusal.description, serverResponse: finalLine)
            }
        }
    }

    /// The client's token, handed to libcurl when it changed.
    private func currentBearer(_ state: OAuthBearerState) throws(CurlError) -> String {
        let token: String
        do { token = try state.client.bearer() } catch {
            throw CurlError(code: error.isTransient ? Int(CURLE_AGAIN.rawValue) : Int(CURLE_LOGIN_DENIED.rawValue),
                            message: error.description)
        }
        if token != state.inUse {
            try set(CURLOPT_XOAUTH2_BEARER, token)
            state.inUse = token
        }
        return token
    }
}
