import Foundation

/// Defaults for mailboxes that cannot tell when a message arrived (test twins, say): the caller
/// then falls back to the Date header, and a re-read after a UIDVALIDITY change looks at every UID.
/// Conformers implement these as `async` too: a synchronous actor method loses overload
/// resolution to these async defaults when called on the concrete type from async code.
extension Mailbox {
    public func arrivals(of uids: [UInt32], uidValidity: UInt32) async throws(MailboxError) -> [UInt32: Date] { [:] }

    public func uids(arrivedSince date: Date) async throws(MailboxError) -> [UInt32] {
        try await uids(after: 0, through: nil)
    }
}
