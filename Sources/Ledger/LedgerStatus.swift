// What `ocm-intake status` shows first: per-mailbox last poll and error, outbox depth, quarantine.
import Foundation
import GRDB

public struct LedgerStatus: Sendable, Hashable {
    public let mailboxes: [MailboxState]
    /// Outbox entries per status (every status present, 0 when none).
    public let outbox: [OutboxStatus: Int]
    public let requests: [RequestState: Int]
    public let quarantinedMessages: Int
    /// Recorded but not finished (a crash, or a run in progress).
    public let unfinishedMessages: Int
    /// Pending entries whose last attempt failed (a server that is down shows here first).
    public let retryingDeliveries: Int

    /// Things an admin must look at: failing mailboxes, failed deliveries, quarantined messages.
    public var errorCount: Int {
        mailboxes.filter(\.isFailing).count + (outbox[.failed] ?? 0) + quarantinedMessages
    }
}

extension Ledger {
    public func status() throws -> LedgerStatus {
        try read("status", "all") { db in
            let mailboxes = try Row.fetchAll(db, sql: "SELECT * FROM mailbox ORDER BY name").map(MailboxState.init(row:))
            var outbox = Dictionary(uniqueKeysWithValues: OutboxStatus.allCases.map { ($0, 0) })
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM outbox GROUP BY status") {
                if let status = OutboxStatus(rawValue: row["status"]) { outbox[status] = row["n"] }
            }
            var requests = Dictionary(uniqueKeysWithValues: RequestState.allCases.map { ($0, 0) })
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM request GROUP BY state") {
                if let state = RequestState(rawValue: row["state"]) { requests[state] = row["n"] }
            }
            let count = { (sql: String) in try Int.fetchOne(db, sql: sql) ?? 0 }
            return LedgerStatus(
                mailboxes: mailboxes, outbox: outbox, requests: requests,
                quarantinedMessages: try count("SELECT COUNT(*) FROM message WHERE state = 'quarantined'"),
                unfinishedMessages: try count("SELECT COUNT(*) FROM message WHERE state IN ('stored', 'parsed')"),
                retryingDeliveries: try count(
                    "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND last_error IS NOT NULL"))
        }
    }
}
