// Outbox moves for a batch of drafts in one transaction each: a batch of 100 replies costs two
// commits instead of two hundred. Same checks and audit rows as the one-entry moves.
import Foundation
import GRDB

extension Ledger {
    /// `markDelivering` for every entry of `ids` at once (a re-run leaves `delivering` ones as they are).
    @discardableResult
    public func markDelivering(_ ids: [Int64]) throws -> [OutboxEntry] {
        try moveOutboxBatch(ids, to: .delivering, reason: nil, set: "attempts = attempts + 1", [])
    }

    /// `markDelivered` for every entry of `ids` at once.
    @discardableResult
    public func markDelivered(_ ids: [Int64], reason: String? = nil) throws -> [OutboxEntry] {
        try moveOutboxBatch(ids, to: .delivered, reason: reason,
                            set: "delivered_at = ?, next_attempt_at = NULL, last_error = NULL", [now()])
    }

    private func moveOutboxBatch(
        _ ids: [Int64], to status: OutboxStatus, reason: String?,
        set assignments: String, _ values: [(any DatabaseValueConvertible)?]
    ) throws -> [OutboxEntry] {
        guard !ids.isEmpty else { return [] }
        return try write("outbox \(status.rawValue)", "\(ids.count) outbox entries from \(ids[0])") { db in
            try ids.map { id in
                let entry = try Self.requireOutbox(db, id)
                if entry.status == status { return entry }
                return try moveOutbox(db, entry, to: status, reason: reason, set: assignments, values)
            }
        }
    }
}
