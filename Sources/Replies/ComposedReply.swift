import Intake

/// A rendered reply, ready for the outbox: the message bytes and what the ledger and the
/// transport need without parsing them again.
public struct ComposedReply: Sendable, Hashable {
    /// The whole RFC 5322 message, CRLF line breaks.
    public var raw: [UInt8]
    /// `<OCM-2026-0001.r2.observaciones@host>`: stable for a request, revision and kind.
    public var messageID: String
    /// The Subject as sent (decoded form).
    public var subject: String
    /// RCPT TO addresses: To then Cc, each once.
    public var recipients: [String]
    public var kind: ReplyKind
}
