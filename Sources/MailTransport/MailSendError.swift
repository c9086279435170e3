/// A message that could not be sent, with the envelope problem or curl's code and the SMTP
/// reply, sorted by what the outbox does next (4xx → retry later, 5xx → give up).
public struct MailSendError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable {
        /// Refused before any network I/O; the excerpt shows control characters escaped.
        case invalidAddress(excerpt: String, problem: String)
        case noRecipients
        /// The sender was built from a configuration that cannot work (wrong URL scheme...).
        case configuration(String)
        case emptyMessage
        case transfer(CurlError)
    }

    public var server: String
    public var reason: Reason
    /// Whether the message body had started going out (after DATA) when the transfer failed;
    /// `nil` when unknown. `false` rules out a delivery: the send can simply be retried.
    public var dataHandedOver: Bool?

    public init(server: String, reason: Reason) {
        self.server = server
        self.reason = reason
    }

    public var curlError: CurlError? {
        if case .transfer(let error) = reason { return error }
        return nil
    }

    public var disposition: CurlError.Disposition {
        if case .transfer(let error) = reason { return error.disposition }
        return .permanent
    }

    /// A timeout or broken connection after the data was handed over may still have delivered
    /// the message: check Sent/Message-ID before sending again (the outbox holds it for a person).
    public var outcomeUnknown: Bool {
        guard let error = curlError, dataHandedOver != false else { return false }
        // 28 timeout, 52 nothing back, 55/56 send/receive broke — unless the server said no.
        let uncertain: Set<Int> = [28, 52, 55, 56]
        return uncertain.contains(error.code) && error.disposition != .permanent
    }

    public var description: String {
        let why: String
        switch reason {
        case .invalidAddress(let excerpt, let problem): why = "invalid address \(excerpt): \(problem)"
        case .noRecipients: why = "no recipients"
        case .configuration(let problem): why = problem
        case .emptyMessage: why = "empty message"
        case .transfer(let error): why = error.description
        }
        return "send via \(server) failed [\(disposition.rawValue)]: \(why)"
    }
}
