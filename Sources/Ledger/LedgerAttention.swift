// What `ocm-intake status` lists for an admin to act on: replies held, failed or retrying, mails
// turned away by the daily limit, and anything that stayed in a passing state for more than a
// cycle (a message not decided, a request not judged, a delivery in doubt, a reply overdue).
import Foundation
import GRDB

public struct LedgerAttention: Sendable, Hashable {
    public let held: [OutboxEntry]
    public let failed: [OutboxEntry]
    /// Pending again after a failed attempt.
    public let retrying: [OutboxEntry]
    /// Messages skipped with reason `rate_limited` (the sender's daily limit).
    public let rateLimited: Int
    /// One line per thing stuck since before `since`.
    public let stuck: [String]
}

extension Ledger {
    /// `since`: now minus about one poll interval; older passing states are stuck.
    public func attention(stuckBefore since: Date) throws -> LedgerAttention {
        try read("attention", "all") { db in
            let outbox = { (sql: String) in try Row.fetchAll(db, sql: sql).map(OutboxEntry.init(row:)) }
            var stuck: [String] = []
            for row in try Row.fetchAll(
                db, sql: "SELECT id, mailbox, uid, state, updated_at FROM message WHERE state IN ('stored', 'parsed') AND updated_at < ? ORDER BY id",
                arguments: [since]) {
                stuck.append("message \(row["mailbox"] as String)/\(row["uid"] as Int64) \(row["state"] as String) since \(row["updated_at"] as String)")
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT id, state, updated_at FROM request WHERE state IN ('recibida', 'en_revision') AND updated_at < ? ORDER BY year, number",
                arguments: [since]) {
                stuck.append("request \(row["id"] as String) \(row["state"] as String) since \(row["updated_at"] as String)")
            }
            for row in try Row.fetchAll(
                db, sql: """
                    SELECT id, request, status, updated_at FROM outbox
                    WHERE (status = 'delivering' AND updated_at < ?) OR (status = 'pending' AND next_attempt_at < ?) ORDER BY id
                    """,
                arguments: [since, since]) {
                stuck.append("outbox \(row["id"] as Int64) (\(row["request"] as String)) \(row["status"] as String) since \(row["updated_at"] as String)")
            }
            return LedgerAttention(
                held: try outbox("SELECT * FROM outbox WHERE status = 'held' ORDER BY id"),
                failed: try outbox("SELECT * FROM outbox WHERE status = 'failed' ORDER BY id"),
                retrying: try outbox("SELECT * FROM outbox WHERE status = 'pending' AND last_error IS NOT NULL ORDER BY id"),
                rateLimited: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message WHERE state = 'skipped' AND skip_reason = 'rate_limited'") ?? 0,
                stuck: stuck)
        }
    }
}
