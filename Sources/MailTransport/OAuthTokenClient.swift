import CCurl
import Foundation
import OAuthWire

/// Gets and keeps the access token of one app registration (client-credentials grant, an HTTPS
/// POST through libcurl with TLS verified). Shared by every mailbox and SMTP connection that use
/// the same settings, so the endpoint is asked once per token lifetime, not once per connection.
/// Thread-safe: connections run on their own queues; a lock makes concurrent askers wait for
/// one request instead of each sending their own.
public final class OAuthTokenClient: @unchecked Sendable {
    /// What happened so far, for `status`, `check-config --connect` and the tests.
    public struct Figures: Sendable, Equatable {
        /// POSTs sent to the token endpoint (successful or not).
        public var requests = 0
        /// Tokens obtained because an earlier one reached its refresh time.
        public var refreshes = 0
        /// Tokens thrown away because a server rejected them.
        public var rejections = 0
        /// Token requests that failed.
        public var failures = 0

        public init(requests: Int = 0, refreshes: Int = 0, rejections: Int = 0, failures: Int = 0) {
            self.requests = requests
            self.refreshes = refreshes
            self.rejections = rejections
            self.failures = failures
        }
    }

    public let settings: OAuthSettings
    /// Redacted protocol trace of the token requests (the POST body and the answer are reduced
    /// to byte counts by `ProtocolTraceRedactor`).
    public let trace: (@Sendable (String) -> Void)?
    private let clock: @Sendable () -> Date
    private let lock = NSLock()
    private var token: OAuthToken?
    private var figures = Figures()
    private var lastError: OAuthError?

    public init(settings: OAuthSettings, trace: (@Sendable (String) -> Void)? = nil, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.settings = settings
        self.trace = trace
        self.clock = clock
    }

    public var counts: Figures { lock.withLock { figures } }

    /// When the kept token expires (nil without one).
    public var expiry: Date? { lock.withLock { token?.expiresAt } }

    /// The last failed token request, cleared by the next success.
    public var lastFailure: OAuthError? { lock.withLock { lastError } }

    /// A token that stays valid for at least its refresh margin; asks the endpoint only when the
    /// kept one reached its refresh time or was rejected.
    public func bearer() throws(OAuthError) -> String {
        lock.lock()
        defer { lock.unlock() }
        let now = clock()
        if let token, token.isUsable(at: now) { return token.value }
        let replacing = token != nil
        figures.requests += 1
        do {
            let fresh = try request(now: now)
            token = fresh
            lastError = nil
            if replacing { figures.refreshes += 1 }
            return fresh.value
        } catch {
            token = nil
            lastError = error
            figures.failures += 1
            throw error
        }
    }

    /// A server refused `value`: forget it so the next `bearer()` asks for a new one. A token
    /// already replaced by another connection is left alone.
    public func reject(_ value: String) {
        lock.withLock {
            guard token?.value == value else { return }
            token = nil
            figures.rejections += 1
        }
    }

    // MARK: - The request

    private func request(now: Date) throws(OAuthError) -> OAuthToken {
        let body = try form()
        let result: CurlEasy.Result
        do {
            let easy = try CurlEasy(maxBodyBytes: 256 * 1024)
            try easy.set(CURLOPT_URL, settings.tokenURL)
            try easy.set(CURLOPT_PROTOCOLS_STR, "https")
            try easy.set(CURLOPT_SSL_VERIFYPEER, 1)
            try easy.set(CURLOPT_SSL_VERIFYHOST, 2)
            try easy.set(CURLOPT_SSLVERSION, Int(CURL_SSLVERSION_TLSv1_2))
            if let caFile = settings.caFile { try easy.set(CURLOPT_CAINFO, caFile) }
            try easy.set(CURLOPT_CONNECTTIMEOUT, 15)
            try easy.set(CURLOPT_TIMEOUT, 60)
            // The form goes as an upload renamed POST: CurlEasy.perform sets CURLOPT_UPLOAD, which
            // would turn a CURLOPT_POSTFIELDS request back into a GET.
            try easy.set(CURLOPT_CUSTOMREQUEST, "POST")
            try easy.set(CURLOPT_HTTPHEADER, list: ["Content-Type: application/x-www-form-urlencoded",
                                                    "Accept: application/json", "Expect:"])
            if let trace { try easy.setTrace(trace) }
            result = try easy.perform(upload: Array(body.utf8))
        } catch {
            throw failure(.transfer(error))
        }
        return try parse(result, now: now)
    }

    private func form() throws(OAuthError) -> String {
        var fields = [("grant_type", "client_credentials"), ("client_id", settings.clientID), ("scope", settings.scope)]
        switch settings.credential {
        case .secret(let secret):
            fields.append(("client_secret", secret))
        case .certificate(let certificate):
            do {
                let assertion = try certificate.assertion(clientID: settings.clientID, audience: settings.tokenURL, now: clock())
                fields.append(("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))
                fields.append(("client_assertion", assertion))
            } catch {
                throw failure(.assertion(error.problem))
            }
        }
        return fields.map { "\($0.0)=\(Self.formEncoded($0.1))" }.joined(separator: "&")
    }

    /// The answer is read by `OAuthTokenResponse` (pure, fuzzed: Fuzz/oauth.swift).
    private func parse(_ result: CurlEasy.Result, now: Date) throws(OAuthError) -> OAuthToken {
        switch OAuthTokenResponse.read(httpStatus: result.responseCode, body: result.body) {
        case .token(let value, let seconds):
            return OAuthToken(value: value, issuedAt: now, expiresAt: now.addingTimeInterval(seconds))
        case .refused(let status, let error, let description):
            throw failure(.refused(httpStatus: status, error: error, description: description))
        case .unreadable(let what):
            throw failure(.unreadableResponse(what))
        }
    }

    private func failure(_ reason: OAuthError.Reason) -> OAuthError {
        OAuthError(tokenURL: settings.tokenURL, clientID: settings.clientID, reason: reason)
    }

    /// application/x-www-form-urlencoded: unreserved characters as is, everything else %XX.
    static func formEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
