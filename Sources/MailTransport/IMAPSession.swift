import CCurl

/// One authenticated IMAP connection (one libcurl easy handle, reused across calls so a poll is
/// one command, not a TLS handshake and a login). Not thread-safe: owned by one `IMAPMailbox`
/// actor. Every transfer resets the sticky options it does not use.
final class IMAPSession {
    private let easy: CurlEasy
    let server: MailServerURL.Server
    /// Transfers performed (each is one IMAP command plus a SELECT when libcurl needs one).
    private(set) var transfers = 0
    /// Connections opened (login included); stays flat while the connection is reused.
    private(set) var connections = 0

    init(configuration: MailServerConfiguration, server: MailServerURL.Server) throws(CurlError) {
        easy = try CurlEasy(maxBodyBytes: configuration.maxMessageBytes)
        self.server = server
        try easy.configure(for: configuration, server: server)
    }

    /// `imaps://host:port/` or `imaps://host:port/<mailbox>`, the name percent-encoded: libcurl
    /// decodes it and quotes it in SELECT/APPEND itself.
    func url(_ mailbox: String?) -> String {
        guard let mailbox else { return server.base + "/" }
        var encoded = ""
        for byte in mailbox.utf8 {
            let scalar = Unicode.Scalar(byte)
            if (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || "-._~/".unicodeScalars.contains(scalar) {
                encoded.unicodeScalars.append(scalar)
            } else {
                encoded += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return server.base + "/" + encoded
    }

    /// A custom request. With a mailbox in the URL libcurl SELECTs it first (unless it already
    /// has); without, the command runs on the connection as is (STATUS).
    func command(_ text: String, mailbox: String?) throws(CurlError) -> CurlEasy.Result {
        try retryingStaleConnection { () throws(CurlError) in
            try easy.set(CURLOPT_URL, url(mailbox))
            try easy.set(CURLOPT_CUSTOMREQUEST, text)
            return try perform(upload: nil)
        }
    }

    /// A whole message by URL (`UID FETCH n BODY[]`), refused by libcurl with 78 when the
    /// mailbox's UIDVALIDITY is no longer `uidValidity`. Callers EXAMINE first (see IMAPMailbox).
    /// `section` (`HEADER`) fetches one section instead (`UID FETCH n BODY[HEADER]`).
    func fetch(mailbox: String, uidValidity: UInt32, uid: UInt32, section: String? = nil) throws(CurlError) -> CurlEasy.Result {
        try easy.set(CURLOPT_CUSTOMREQUEST, nil)
        try easy.set(CURLOPT_URL, url(mailbox) + "/;UIDVALIDITY=\(uidValidity)/;UID=\(uid)" + (section.map { "/;SECTION=\($0)" } ?? ""))
        return try perform(upload: nil)
    }

    /// `APPEND <mailbox> (\Seen) {n}` (7.88.1 always adds `\Seen`). Not retried: not idempotent.
    func append(mailbox: String, raw: [UInt8]) throws(CurlError) -> CurlEasy.Result {
        try easy.set(CURLOPT_CUSTOMREQUEST, nil)
        try easy.set(CURLOPT_URL, url(mailbox))
        return try perform(upload: raw)
    }

    /// A server that closed an idle connection makes the next transfer fail once with 52/55/56;
    /// libcurl reconnects on the following one (libcurl note §2.7). Only for idempotent work.
    func retryingStaleConnection<T>(_ body: () throws(CurlError) -> T) throws(CurlError) -> T {
        do {
            return try body()
        } catch where Self.staleConnectionCodes.contains(error.code) {
            return try body()
        }
    }

    static let staleConnectionCodes: Set<Int> = [
        Int(CURLE_GOT_NOTHING.rawValue), Int(CURLE_SEND_ERROR.rawValue), Int(CURLE_RECV_ERROR.rawValue),
    ]

    private func perform(upload: [UInt8]?) throws(CurlError) -> CurlEasy.Result {
        transfers += 1
        do {
            let result = try easy.perform(upload: upload)
            connections += result.newConnections
            return result
        } catch {
            connections += easy.info(CURLINFO_NUM_CONNECTS)
            throw error
        }
    }
}
