// The ledger grows with requests, not bytes (issue 11): raw messages are kept for the retention
// (`raw_retention_days`), then dropped — the mailbox still holds the original — and `status`
// shows what the ledger takes on disk.
import Foundation
import GRDB

/// The ledger's size on disk and the part of it that is raw mail.
public struct LedgerSize: Sendable, Hashable {
    /// The database file (pages in use and free) plus its WAL.
    public var bytes: Int64
    /// Raw messages still kept, and their bytes.
    public var rawMessages: Int
    public var rawBytes: Int64
}

extension Ledger {
    /// Drops the raw bytes of messages recorded before `cutoff` whose processing is over (not
    /// `stored` or `parsed`). The freed pages are reused by later mail. Returns how many.
    @discardableResult
    public func dropRawMessages(recordedBefore cutoff: Date) throws -> Int {
        let expired = """
            SELECT id FROM message WHERE recorded_at < ? AND state NOT IN ('stored', 'parsed')
              AND id IN (SELECT message FROM message_raw)
            """
        // A read first: most cycles drop nothing and then write nothing.
        guard try read("dropRawMessages", "check", { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (\(expired))", arguments: [cutoff]) ?? false
        }) else { return 0 }
        return try write("dropRawMessages", "recorded before \(cutoff)") { db in
            try db.execute(
                sql: """
                    DELETE FROM message_raw WHERE message IN (
                        SELECT id FROM message WHERE recorded_at < ? AND state NOT IN ('stored', 'parsed'))
                    """,
                arguments: [cutoff])
            return db.changesCount
        }
    }

    public func size() throws -> LedgerSize {
        let (pages, raw) = try read("size", "all") { db in
            let pages = (try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0) * (try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0)
            let raw = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS n, COALESCE(SUM(m.raw_size), 0) AS bytes
                FROM message_raw r JOIN message m ON m.id = r.message
                """)
            return (pages, (count: raw?["n"] as Int? ?? 0, bytes: raw?["bytes"] as Int64? ?? 0))
        }
        let wal = path.flatMap { try? FileManager.default.attributesOfItem(atPath: $0 + "-wal")[.size] as? NSNumber }
        return LedgerSize(bytes: pages + (wal?.int64Value ?? 0), rawMessages: raw.count, rawBytes: raw.bytes)
    }
}
