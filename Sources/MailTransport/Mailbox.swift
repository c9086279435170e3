import Foundation

/// A mailbox the daemon polls and, in `drafts` review mode, writes replies into. Reading never
/// changes what staff see: no `\Seen`, no moves, no deletes (design.md, "Mail contracts").
///
/// Concurrency: conformers are actors whose blocking work (libcurl transfers, file I/O) runs on
/// a private serial queue (`SerialQueueExecutor`), never on Swift's cooperative pool. Calls to one
/// mailbox are serialised; different mailboxes run in parallel.
public protocol Mailbox: Sendable {
    /// Where this is, for logs and errors (URL or path; never credentials).
    nonisolated var name: String { get }

    /// UIDVALIDITY, UIDNEXT and message count; cost independent of the mailbox size.
    func status() async throws(MailboxError) -> MailboxStatus

    /// UIDs in `after+1 ... through` (or up to UIDNEXT-1 when `through` is nil), ascending.
    func uids(after: UInt32, through: UInt32?) async throws(MailboxError) -> [UInt32]

    /// The raw message, byte for byte, as long as UIDVALIDITY is still `uidValidity`.
    func fetch(uid: UInt32, uidValidity: UInt32) async throws(MailboxError) -> [UInt8]

    /// The header block of a message `fetch` refused as too large, and its size when known: the
    /// daemon records it and tells the sender what was too large.
    func fetchHeader(uid: UInt32, uidValidity: UInt32) async throws(MailboxError) -> (header: [UInt8], size: Int?)
    /// UIDs in this mailbox whose Message-ID header is `messageID` (with or without `<>`).
    func search(messageID: String) async throws(MailboxError) -> [UInt32]

    /// Stores a reply in `folder` flagged `\Draft` (not `\Seen`); returns its UID when known.
    func appendDraft(_ raw: [UInt8], folder: String) async throws(MailboxError) -> UInt32?

    /// Whether `folder` holds a message with this Message-ID: the outbox's check after a crash
    /// before delivering a reply again.
    func containsMessage(messageID: String, folder: String) async throws(MailboxError) -> Bool

    /// Makes our own draft with this Message-ID in `folder` read as a draft again (`+\Draft`,
    /// `-\Seen`): a crash between APPEND and the flag change leaves it flagged `\Seen` only.
    func repairDraftFlags(messageID: String, folder: String) async throws(MailboxError)

    /// Stores a reply in `folder` as APPEND leaves it (libcurl 7.88.1: `\Seen`, not yet `\Draft`)
    /// and returns its UID when the server names it (UIDPLUS); `flagDrafts` then marks a whole
    /// batch with one command. Default (see Mailbox+DraftBatch): `appendDraft`, already flagged.
    func appendUnflagged(_ raw: [UInt8], folder: String) async throws(MailboxError) -> UInt32?

    /// Makes the messages `uids` of `folder` read as drafts (`\Draft` only), all at once.
    func flagDrafts(uids: [UInt32], folder: String) async throws(MailboxError)

    /// Whether `folder` may hold any of `messageIDs`: false means none is there (one search for
    /// a batch of replies instead of one per reply).
    func containsAny(messageIDs: [String], folder: String) async throws(MailboxError) -> Bool

    /// When each of `uids` reached this mailbox (IMAP INTERNALDATE, the Maildir file's time): the
    /// request day and the backlog cut, never the sender's Date header. A UID the server says
    /// nothing about is missing from the answer. Default (see Mailbox+Arrival): nothing known.
    func arrivals(of uids: [UInt32], uidValidity: UInt32) async throws(MailboxError) -> [UInt32: Date]

    /// UIDs of the messages that may have arrived at or after `date`, ascending: a superset (IMAP
    /// SEARCH SINCE counts whole days); filter with `arrivals`. Default: every UID.
    func uids(arrivedSince date: Date) async throws(MailboxError) -> [UInt32]
}
