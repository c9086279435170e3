/// Sends a finished message (CRLF line ends) to envelope recipients. All or nothing: when any
/// recipient is refused nothing is sent, so an outbox retry never delivers twice.
public protocol MailSender: Sendable {
    nonisolated var name: String { get }

    /// `from` and `to` are bare addresses (`ana@icetex.gov.co`), validated before any network I/O.
    func send(_ raw: [UInt8], from: String, to: [String]) async throws(MailSendError)
    /// Connects and logs in without sending anything (`check-config --connect`).
    func verify() async throws(MailSendError)
}
