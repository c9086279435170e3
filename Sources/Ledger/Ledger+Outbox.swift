// The outbox: replies recorded before delivery, delivered with doubling backoff, held for review.
import Foundation
import GRDB

extension Ledger {
    /// Puts a reply in the outbox (`pending`, or `held` for review). Idempotent on
    /// (request, revision): a re-run returns the first entry, with its first raw bytes (they may
    /// already be delivered). The same pair under another Message-ID is a conflict.
    public func enqueueReply(request: RequestID, revision: Int, reply: OutgoingReply) throws -> OutboxEntry {
        try write("enqueueReply", "\(request) revision \(revision)") { db in
            _ = try Self.requireRequest(db, request)
            return try enqueue(db, request, revision, reply)
        }
    }

    /// The same, with the reply's parts spelled out.
    public func enqueueReply(
        request: RequestID, revision: Int, target: OutboxTarget, messageID: String, raw: Data, hold: Bool = false
    ) throws -> OutboxEntry {
        try enqueueReply(request: request, revision: revision,
                         reply: OutgoingReply(target: target, messageID: messageID, raw: raw, hold: hold))
    }

    /// Entries whose time has come, oldest due first.
    public func dueOutbox(now at: Date? = nil) throws -> [OutboxEntry] {
        let at = at ?? now()
        return try read("dueOutbox", "\(at)") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?
                    ORDER BY next_attempt_at, id
                    """,
                arguments: [at]
            ).map(OutboxEntry.init(row:))
        }
    }

    /// Entries whose delivery was started but not concluded: after a crash, check the target by
    /// Message-ID, then `markDelivered` or `markFailed(transient: true)`.
    public func inDoubtOutbox() throws -> [OutboxEntry] {
        try outbox(status: .delivering)
    }

    public func outbox(status: OutboxStatus) throws -> [OutboxEntry] {
        try read("outbox", status.rawValue) { db in
            try Row.fetchAll(db, sql: "SELECT * FROM outbox WHERE status = ? ORDER BY id", arguments: [status.rawValue])
                .map(OutboxEntry.init(row:))
        }
    }

    public func outboxEntry(_ id: Int64) throws -> OutboxEntry? {
        try read("outboxEntry", "outbox \(id)") { db in try Self.fetchOutbox(db, id) }
    }

    /// A delivery starts (counted as an attempt now, so a crash mid-delivery still counts).
    @discardableResult
    public func markDelivering(_ id: Int64) throws -> OutboxEntry {
        try moveOutbox(id, from: [.pending], to: .delivering, same: .delivering, reason: nil,
                       set: "attempts = attempts + 1", [])
    }

    @discardableResult
    public func markDelivered(_ id: Int64) throws -> OutboxEntry {
        try moveOutbox(id, from: [.delivering, .pending], to: .delivered, same: .delivered, reason: nil,
                       set: "delivered_at = ?, next_attempt_at = NULL, last_error = NULL", [now()])
    }

    /// A delivery failed. Transient: back to `pending` after base × 2^(attempts − 1), capped;
    /// permanent, or attempts exhausted: `failed`, no more retries.
    @discardableResult
    public func markFailed(_ id: Int64, error: String, transient: Bool) throws -> OutboxEntry {
        try write("markFailed", "outbox \(id)") { db in
            let entry = try Self.requireOutbox(db, id)
            guard entry.status == .delivering else {
                if entry.status == .failed { return entry }
                throw LedgerError.invalidTransition(
                    entity: .outbox, id: String(id), from: entry.status.rawValue, to: OutboxStatus.failed.rawValue)
            }
            let exhausted = retry.maxAttempts.map { entry.attempts >= $0 } ?? false
            if transient && !exhausted {
                let next = now().addingTimeInterval(retry.delay(afterAttempts: entry.attempts))
                return try updateOutbox(db, entry, to: .pending, reason: "transient: \(error)",
                                        set: "next_attempt_at = ?, last_error = ?", [next, error])
            }
            let why = transient ? "retries exhausted: \(error)" : "permanent: \(error)"
            return try updateOutbox(db, entry, to: .failed, reason: why,
                                    set: "next_attempt_at = NULL, last_error = ?", [error])
        }
    }

    /// Review mode `queue`: keep a pending reply for a person.
    @discardableResult
    public func hold(_ id: Int64, reason: String) throws -> OutboxEntry {
        try moveOutbox(id, from: [.pending], to: .held, same: .held, reason: reason, set: "next_attempt_at = NULL", [])
    }

    /// `ocm-intake review approve`: a held reply becomes due now.
    @discardableResult
    public func approve(_ id: Int64) throws -> OutboxEntry {
        try moveOutbox(id, from: [.held], to: .pending, same: nil, reason: "approved", set: "next_attempt_at = ?", [now()])
    }

    /// `ocm-intake review discard`: the reply is never sent.
    @discardableResult
    public func discard(_ id: Int64, reason: String) throws -> OutboxEntry {
        try moveOutbox(id, from: [.held, .pending, .failed], to: .discarded, same: .discarded, reason: reason,
                       set: "next_attempt_at = NULL", [])
    }

    /// A failed reply tried again after a person fixed the cause; attempts start over.
    @discardableResult
    public func requeue(_ id: Int64) throws -> OutboxEntry {
        try moveOutbox(id, from: [.failed], to: .pending, same: nil, reason: "requeued",
                       set: "attempts = 0, next_attempt_at = ?", [now()])
    }

    /// One outbox move in one transaction: from one of `from` to `to`; already at `same` is a re-run.
    private func moveOutbox(
        _ id: Int64, from: Set<OutboxStatus>, to status: OutboxStatus, same: OutboxStatus?, reason: String?,
        set assignments: String, _ values: [(any DatabaseValueConvertible)?]
    ) throws -> OutboxEntry {
        try write("outbox \(status.rawValue)", "outbox \(id)") { db in
            let entry = try Self.requireOutbox(db, id)
            if let same, entry.status == same { return entry }
            guard from.contains(entry.status) else {
                throw LedgerError.invalidTransition(
                    entity: .outbox, id: String(id), from: entry.status.rawValue, to: status.rawValue)
            }
            return try updateOutbox(db, entry, to: status, reason: reason, set: assignments, values)
        }
    }

    private func updateOutbox(
        _ db: Database, _ entry: OutboxEntry, to status: OutboxStatus, reason: String?,
        set assignments: String, _ values: [(any DatabaseValueConvertible)?]
    ) throws -> OutboxEntry {
        let list: [(any DatabaseValueConvertible)?] = [status.rawValue, now()] + values + [entry.id]
        let arguments = StatementArguments(list)
        try db.execute(
            sql: "UPDATE outbox SET status = ?, updated_at = ?, \(assignments) WHERE id = ?", arguments: arguments)
        try appendAudit(db, .outbox(entry.id), from: entry.status.rawValue, to: status.rawValue, reason: reason)
        return try Self.requireOutbox(db, entry.id)
    }

    /// Enqueue inside the caller's transaction (also used by `recordVerdict`).
    func enqueue(_ db: Database, _ request: RequestID, _ revision: Int, _ reply: OutgoingReply) throws -> OutboxEntry {
        let messageID = MessageKey.normalize(messageID: reply.messageID) ?? reply.messageID
        if let existing = try Self.fetchOutbox(db, request: request, revision: revision) {
            guard existing.messageID == messageID else {
                throw LedgerError.outboxConflict(
                    request: request.description, revision: revision,
                    existingMessageID: existing.messageID, givenMessageID: messageID)
            }
            return existing
        }
        let at = now()
        let status: OutboxStatus = reply.hold ? .held : .pending
        try db.execute(
            sql: """
                INSERT INTO outbox (request, revision, target_kind, target_mailbox, status, next_attempt_at,
                                    message_id, raw, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [request.description, revision, reply.target.kind.rawValue, reply.target.mailbox,
                        status.rawValue, reply.hold ? nil : at, messageID, reply.raw, at, at])
        let id = db.lastInsertedRowID
        try appendAudit(db, .outbox(id), from: nil, to: status.rawValue,
                        reason: "\(request) revision \(revision) \(messageID)")
        return try Self.requireOutbox(db, id)
    }

    static func fetchOutbox(_ db: Database, _ id: Int64) throws -> OutboxEntry? {
        try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id]).map(OutboxEntry.init(row:))
    }

    static func fetchOutbox(_ db: Database, request: RequestID, revision: Int) throws -> OutboxEntry? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM outbox WHERE request = ? AND revision = ?",
            arguments: [request.description, revision]
        ).map(OutboxEntry.init(row:))
    }

    static func requireOutbox(_ db: Database, _ id: Int64) throws -> OutboxEntry {
        guard let entry = try fetchOutbox(db, id) else { throw LedgerError.unknownOutboxEntry(id) }
        return entry
    }
}
