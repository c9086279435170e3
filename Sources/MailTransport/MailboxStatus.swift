/// Where a mailbox stands, from one `STATUS` (IMAP) or one directory scan (Maildir). The poll
/// cycle compares it with the ledger: same UIDVALIDITY and UIDNEXT means nothing new, whatever
/// the mailbox size.
public struct MailboxStatus: Sendable, Hashable, CustomStringConvertible {
    public var uidValidity: UInt32
    /// The UID the next message will get; every existing UID is below it.
    public var uidNext: UInt32
    public var messages: Int

    public init(uidValidity: UInt32, uidNext: UInt32, messages: Int) {
        self.uidValidity = uidValidity
        self.uidNext = uidNext
        self.messages = messages
    }

    public var description: String { "UIDVALIDITY \(uidValidity) UIDNEXT \(uidNext) MESSAGES \(messages)" }
}
