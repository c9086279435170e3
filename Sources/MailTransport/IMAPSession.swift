import CCurl
import Foundation

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

    /// Waits after a throttling answer (ThrottleBackoff), and the stop flag that cuts them short.
    let backoff: ThrottleBackoff
    private let shouldStop: (@Sendable () -> Bool)?
    /// Throttling answers seen and the seconds waited for them: for tests and `status`.
    private(set) var throttled = 0
    private(set) var throttledSeconds = 0.0
    private var waiting = false

    init(configuration: MailServerConfiguration, server: MailServerURL.Server) throws(CurlError) {
        easy = try CurlEasy(maxBodyBytes: configuration.maxMessageBytes)
        self.server = server
        backoff = configuration.throttleBackoff
        shouldStop = configuration.limits.shouldStop
        try easy.configure(for: configuration, server: server)
    }

    /// `imaps://host:port/` or `imaps://host:port/<mailbox>`, the name in modified UTF-7 (RFC 3501
    /// §5.1.3, "Informaci&APM-n") and then percent-encoded: libcurl decodes it and quotes it in
    /// SELECT/APPEND itself.
    func url(_ mailbox: String?) -> String {
        guard let mailbox else { return server.base + "/" }
        var encoded = ""
        for byte in ModifiedUTF7.encode(mailbox).utf8 {
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
        func once() throws(CurlError) -> T {
            do {
                return try body()
            } catch {
                guard Self.staleConnectionCodes.contains(error.code) else { throw error }
                return try body()
            }
        }
        return try waitingOutThrottling(once)
    }

    /// A server that says "not now" (`NO [THROTTLED]`, `[UNAVAILABLE]`, `* BYE` busy) is asked
    /// again after a doubling wait, a bounded number of times; then its error goes up (transient).
    /// Only for idempotent work, as `retryingStaleConnection`.
    func waitingOutThrottling<T>(_ body: () throws(CurlError) -> T) throws(CurlError) -> T {
        // Nested calls (a fetch around a command) wait in the outermost loop only.
        guard !waiting else { return try body() }
        waiting = true
        defer { waiting = false }
        var retry = 0
        while true {
            do {
                return try body()
            } catch where ThrottleBackoff.isThrottling(error) && retry < backoff.retries && shouldStop?() != true {
                throttled += 1
                let wait = backoff.delay(before: retry)
                throttledSeconds += Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18
                sleep(wait)
                retry += 1
            }
        }
    }

    /// Sleeps in short slices so SIGTERM is not kept waiting by a long backoff.
    private func sleep(_ duration: Duration) {
        let end = Date().addingTimeInterval(Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        while Date() < end, shouldStop?() != true {
            Thread.sleep(forTimeInterval: min(0.1, max(0, end.timeIntervalSinceNow)))
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
