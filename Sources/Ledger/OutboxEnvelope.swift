// The SMTP envelope of a reply (MAIL FROM, RCPT TO), recorded with the outbox entry when it is
// enqueued: what was decided then is what is sent, without parsing the reply's header again.
import Foundation

public struct OutboxEnvelope: Sendable, Hashable {
    public var from: String
    public var recipients: [String]

    public init(from: String, recipients: [String]) {
        self.from = from
        self.recipients = recipients
    }

    /// From the two columns; recipients are stored one per line (addresses hold no line breaks).
    init?(from: String?, recipients: String?) {
        guard let from, let recipients else { return nil }
        self.init(from: from, recipients: recipients.split(separator: "\n").map(String.init))
    }

    var storedRecipients: String { recipients.joined(separator: "\n") }
}
