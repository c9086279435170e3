import MIME

/// What a reply takes from the mail it answers: whom to write to, what it was called, and the
/// ids that keep the thread together.
public struct IncomingMail: Sendable, Hashable {
    /// Decoded Subject, as the requester wrote it.
    public var subject: String?
    /// The mail's own Message-ID (`<x@y>`).
    public var messageID: String?
    /// The thread before this mail: its References, or its In-Reply-To when it has no
    /// References (RFC 5322 3.6.4).
    public var references: [String]
    /// Where the answer goes: the first Reply-To mailbox when set, else From.
    public var replyTarget: Mailbox?

    public init(subject: String?, messageID: String?, references: [String] = [], replyTarget: Mailbox?) {
        self.subject = subject
        self.messageID = messageID
        self.references = references
        self.replyTarget = replyTarget
    }

    public init(_ message: Message) {
        let references = message.references
        self.init(subject: message.subject, messageID: message.messageID,
                  references: references.isEmpty ? message.inReplyTo.map { [$0] } ?? [] : references,
                  replyTarget: message.replyTo.first ?? message.from)
    }
}
