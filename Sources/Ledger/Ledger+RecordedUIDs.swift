// Which UIDs of a mailbox the ledger already holds: a re-read after a UIDVALIDITY change skips
// them instead of fetching them again every cycle.
import Foundation
import GRDB

extension Ledger {
    /// UIDs recorded for `mailbox` under `uidValidity`.
    public func recordedUIDs(mailbox: String, uidValidity: UInt32) throws -> Set<UInt32> {
        try read("recordedUIDs", "\(mailbox) uidvalidity \(uidValidity)") { db in
            let rows = try Int64.fetchAll(db, sql: "SELECT uid FROM message WHERE mailbox = ? AND uid_validity = ?",
                                          arguments: [mailbox, Int64(uidValidity)])
            return Set(rows.map { UInt32(truncatingIfNeeded: $0) })
        }
    }
}
