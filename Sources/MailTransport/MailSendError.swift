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

    /// The whole message was handed over and then the connection broke, timed out or was stopped
    /// with no SMTP reply to it: the server may have accepted it after the final dot. Never send
    /// such a message again blindly (issue 7 item 3). A failure before the end of the data, or a
    /// 4xx/5xx reply to it, is known: nothing was delivered.
    public var outcomeUnknown: Bool {
        guard let error = curlError, error.uploadFinished else { return false }
        // 8 weird reply, 28 timeout, 42 stopped, 52 nothing back, 55/56 send/receive broke.
        let uncertain: Set<Int> = [8, 28, 42, 52, 55, 56]
        guard uncertain.contains(error.code) else { return false }
        let replied = error.serverResponse.map { reply in
            reply.count >= 3 && reply.prefix(3).allSatisfy(\.isNumber) && (reply.hasPrefix("4") || reply.hasPrefix("5"))
        } ?? false
        return !replied
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
