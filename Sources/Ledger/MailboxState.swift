// Where a polled mailbox stands: its UIDVALIDITY, the last UID handled, the backlog line drawn at
// first start, and the outcome of the last poll (what `ocm-intake status` shows first).
import Foundation
import GRDB

public struct MailboxState: Sendable, Hashable {
    public let name: String
    public let uidValidity: UInt32
    /// Every UID up to this one has been recorded (or was backlog); the next poll asks for `lastUID + 1:*`.
    public let lastUID: UInt32
    /// UIDs up to this one were in the mailbox at first start and are never answered. 0 after a
    /// UIDVALIDITY change, when old UIDs mean nothing.
    public let baselineUID: UInt32
    /// When the baseline was drawn: after a UIDVALIDITY change, a message older than this whose
    /// key the ledger does not know is backlog, not new mail.
    public let baselineAt: Date
    public let lastPollAt: Date?
    public let lastSuccessAt: Date?
    public let lastError: String?
    public let lastErrorAt: Date?

    /// True when the last poll failed.
    public var isFailing: Bool {
        guard let lastErrorAt else { return false }
        return lastSuccessAt.map { lastErrorAt >= $0 } ?? true
    }

    init(row: Row) {
        name = row["name"]
        uidValidity = UInt32(truncatingIfNeeded: row["uid_validity"] as Int64)
        lastUID = UInt32(truncatingIfNeeded: row["last_uid"] as Int64)
        baselineUID = UInt32(truncatingIfNeeded: row["baseline_uid"] as Int64)
        baselineAt = row["baseline_at"]
        lastPollAt = row["last_poll_at"]
        lastSuccessAt = row["last_success_at"]
        lastError = row["last_error"]
        lastErrorAt = row["last_error_at"]
    }

    /// How a mailbox position reads in the audit trail.
    var position: String { "uidvalidity \(uidValidity) uid \(lastUID)" }
}
