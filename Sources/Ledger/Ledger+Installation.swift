// Who this ledger is and whether it can be trusted: the installation id (reply Message-IDs carry
// it), SQLite's integrity check at start, and an online backup admins can take while it runs.
import Foundation
import GRDB

extension Ledger {
    /// Random, written when the ledger was created (migration v2); 10 hex digits.
    public func installationID() throws -> String {
        try read("installationID", "installation") { db in
            try String.fetchOne(db, sql: "SELECT id FROM installation ORDER BY rowid LIMIT 1") ?? "unknown"
        }
    }

    /// `PRAGMA quick_check`: structural damage (garbage written over pages, a torn copy) stops the
    /// daemon before it blames the mail for what the ledger lost.
    public func checkIntegrity() throws {
        let problems: [String]
        do {
            problems = try db.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
        } catch {
            throw LedgerError.corrupt(path: path ?? ":memory:", detail: LedgerError.describe(error))
        }
        guard problems == ["ok"] else {
            throw LedgerError.corrupt(path: path ?? ":memory:", detail: problems.prefix(3).joined(separator: "; "))
        }
    }

    /// SQLite's online backup into a new file at `destination`, consistent even while the daemon
    /// writes. An existing file is never overwritten.
    public func backup(to destination: String) throws {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw LedgerError.cannotOpen(path: destination, reason: "already exists; not overwritten")
        }
        do {
            let target = try DatabaseQueue(path: destination)
            try db.backup(to: target)
            try target.close()
        } catch {
            throw LedgerError.database(operation: "backup", subject: destination, sqlite: LedgerError.describe(error))
        }
    }

    /// Requests of `requester` (compared without case) whose first mail arrived in [from, to) (its
    /// `arrived_at`; the opening time for rows recorded before arrival was kept): the daily limit
    /// per sender, counted by when mail reached OCM, never by the sender's clock or by a late
    /// drain. One indexed count instead of reading every request.
    public func requestCount(requester: String, arrivedFrom from: Date, to: Date) throws -> Int {
        try read("requestCount", requester) { db in
            try Int.fetchOne(db, cachedSQL: Self.dailyCountSQL, arguments: [requester.lowercased(), from, to]) ?? 0
        }
    }

    static let dailyCountSQL = """
        SELECT COUNT(*) FROM request r JOIN message m ON m.id = r.origin_message
        WHERE lower(r.requester) = ? AND COALESCE(m.arrived_at, r.opened_at) >= ? AND COALESCE(m.arrived_at, r.opened_at) < ?
        """
}
