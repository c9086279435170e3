import CCurl
import Foundation

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
    /// An upload whose last byte libcurl had taken when the transfer failed: for SMTP the final
    /// dot may have gone out, so the message may have been delivered (outcome unknown).
    public var uploadFinished = false

    public init(code: Int, message: String, serverResponse: String? = nil) {
        self.code = code
        self.message = message
        self.serverResponse = serverResponse
    }

    public var disposition: Disposition {
        switch CURLcode(UInt32(code)) {
        case CURLE_OPERATION_TIMEDOUT, CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_AGAIN:
            return .transient
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_PEER_FAILED_VERIFICATION,
             CURLE_SSL_CACERT_BADFILE, CURLE_USE_SSL_FAILED, CURLE_FILESIZE_EXCEEDED, CURLE_WRITE_ERROR:
            return .permanent
        default:
            break
        }
        // The server said why: SMTP 4xx/5xx, IMAP tagged NO/BAD with its response code.
        if let reply = serverReply { return reply }
        switch CURLcode(UInt32(code)) {
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_WEIRD_SERVER_REPLY,
             CURLE_PARTIAL_FILE, CURLE_SSL_CONNECT_ERROR:
            return .connectionUnusable
        case CURLE_LOGIN_DENIED, CURLE_REMOTE_ACCESS_DENIED, CURLE_QUOTE_ERROR, CURLE_REMOTE_FILE_NOT_FOUND:
            return .permanent
        default:
            return .transient
        }
    }

    /// What the failure line says about retrying, when it says anything.
    private var serverReply: Disposition? {
        guard let reply = serverResponse else { return nil }
        let bytes = Array(reply.utf8)
        // SMTP: "550 5.1.1 ..." or "451-4.3.0 ...".
        if bytes.count >= 3, bytes[0] >= UInt8(ascii: "4"), bytes[0] <= UInt8(ascii: "5"),
           bytes[1...2].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
           bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-") {
            return bytes[0] == UInt8(ascii: "4") ? .transient : .permanent
        }
        // IMAP (RFC 5530 response codes): the server is busy or broken for now → retry later.
        let words = reply.split(separator: " ")
        guard words.count >= 2, ["NO", "BAD", "BYE"].contains(words[1].uppercased()) else { return nil }
        let temporary = ["[THROTTLED]", "[UNAVAILABLE]", "[INUSE]", "[LIMIT]", "[SERVERBUG]", "[OVERQUOTA]", "[CONTACTADMIN]"]
        if words.count >= 3, temporary.contains(where: { words[2].uppercased().hasPrefix($0.dropLast()) }) {
            return .transient
        }
        return words[1].uppercased() == "BYE" ? .connectionUnusable : .permanent
    }

    /// The server line that explains a failure: the last SMTP 4xx/5xx reply or IMAP NO/BAD/BYE,
    /// else the last line seen (a QUIT/LOGOUT after the failure must not hide the reason).
    static func failureLine(in lines: [String]) -> String? {
        let trimmed = lines.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        func status(_ line: String) -> String? {
            let words = line.split(separator: " ", maxSplits: 2)
            return words.count >= 2 ? words[1].uppercased() : nil
        }
        let refusal = trimmed.last { line in
            if let first = line.utf8.first, first == UInt8(ascii: "4") || first == UInt8(ascii: "5"),
               line.count >= 3, Int(line.prefix(3)) != nil {
                return true
            }
            return status(line) == "NO" || status(line) == "BAD"
        }
        // "* BYE" only when nothing better: a LOGOUT after a refusal also ends with one.
        return refusal ?? trimmed.last { status($0) == "BYE" } ?? trimmed.last
    }

    public var description: String {
        var text = "curl error \(code): \(message)"
        if let serverResponse, !serverResponse.isEmpty { text += " (server: \(serverResponse))" }
        return text
    }
}
