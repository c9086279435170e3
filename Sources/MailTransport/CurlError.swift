import CCurl

/// A failed libcurl transfer, sorted by what the caller must do next (Postfix/MailKit style):
/// retry later, give up, or drop the connection and reconnect. Keeps curl's code and the
/// server's last response line so an admin sees what really happened.
public struct CurlError: Error, Sendable, CustomStringConvertible {
    public enum Disposition: String, Sendable {
        /// Try again later with backoff (timeouts, 4xx, server busy).
        case transient
        /// Retrying will not help (authentication refused, 5xx, bad URL, TLS verification failed).
        case permanent
        /// The connection is in an unknown state: discard the handle and reconnect.
        case connectionUnusable
    }

    /// curl's numeric code (CURLcode).
    public var code: Int
    /// curl's error buffer text (more specific than curl_easy_strerror).
    public var message: String
    /// The server's last response line, when one was seen (never contains credentials).
    public var serverResponse: String?

    public init(code: Int, message: String, serverResponse: String? = nil) {
        self.code = code
        self.message = message
        self.serverResponse = serverResponse
    }

    public var disposition: Disposition {
        switch CURLcode(UInt32(code)) {
        case CURLE_OPERATION_TIMEDOUT, CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST,
             CURLE_AGAIN:
            return .transient
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_WEIRD_SERVER_REPLY,
             CURLE_PARTIAL_FILE, CURLE_SSL_CONNECT_ERROR:
            return .connectionUnusable
        case CURLE_LOGIN_DENIED, CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL,
             CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_USE_SSL_FAILED,
             CURLE_REMOTE_ACCESS_DENIED, CURLE_FILESIZE_EXCEEDED, CURLE_WRITE_ERROR:
            return .permanent
        default:
            // Protocol-level refusals (CURLE_QUOTE_ERROR for a custom IMAP command, SMTP
            // CURLE_SEND_ERROR/RECV_ERROR) are judged by the server's reply code when present.
            if let reply = serverResponse, let first = reply.split(separator: " ").first(where: { Int($0) != nil }),
               let status = Int(first) {
                return status >= 500 ? .permanent : .transient
            }
            return .transient
        }
    }

    public var description: String {
        var text = "curl error \(code): \(message)"
        if let serverResponse, !serverResponse.isEmpty { text += " (server: \(serverResponse))" }
        return text
    }
}
