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

    /// Entries whose delivery was started but not concluded (a crash): the cycle settles them first.
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
        try moveOutbox(id, to: .delivering, reason: nil, set: "attempts = attempts + 1", [])
    }

    @discardableResult
    public func markDelivered(_ id: Int64, reason: String? = nil) throws -> OutboxEntry {
        try moveOutbox(id, to: .delivered, reason: reason,
                       set: "delivered_at = ?, next_attempt_at = NULL, last_error = NULL", [now()])
    }

    /// A delivery failed. Transient: back to `pending` after base × 2^(attempts − 1), capped;
    /// permanent, or attempts exhausted: `failed`, no more retries.
    @discardableResult
    public func markFailed(_ id: Int64, error: String, transient: Bool) throws -> OutboxEntry {
        try write("markFailed", "outbox \(id)") { db in
            let entry = try Self.requireOutbox(db, id)
            if entry.status == .failed { return entry }
            let exhausted = retry.maxAttempts.map { entry.attempts >= $0 } ?? false
            if transient && !exhausted, entry.status == .delivering {
                let next = now().addingTimeInterval(retry.delay(afterAttempts: entry.attempts))
                return try moveOutbox(db, entry, to: .pending, reason: "transient: \(error)",
                                      set: "next_attempt_at = ?, last_error = ?", [next, error])
            }
            let why = transient ? "retries exhausted: \(error)" : "permanent: \(error)"
            return try moveOutbox(db, entry, to: .failed, reason: why,
                                  set: "next_attempt_at = NULL, last_error = ?", [error])
        }
    }

    /// Kept for a person: review mode `queue`, an admin's `outbox hold`, or a delivery whose
    /// outcome is unknown (an SMTP transfer cut after DATA, a crash mid-send) — never resent blindly.
    @discardableResult
    public func hold(_ id: Int64, reason: String) throws -> OutboxEntry {
        try moveOutbox(id, to: .held, reason: reason, set: "next_attempt_at = NULL, last_error = COALESCE(?, last_error)",
                       [reason])
    }

    /// `ocm-intake review approve`: a held reply becomes due now. Approving twice is refused.
    @discardableResult
    public func approve(_ id: Int64) throws -> OutboxEntry {
        try moveOutbox(id, to: .pending, from: [.held], rerun: false, reason: "approved", set: "next_attempt_at = ?", [now()])
    }

    /// `ocm-intake review discard` / `outbox discard`: the reply is never sent.
    @discardableResult
    public func discard(_ id: Int64, reason: String) throws -> OutboxEntry {
        try moveOutbox(id, to: .discarded, reason: reason, set: "next_attempt_at = NULL", [])
    }

    /// `ocm-intake outbox retry`: a failed or held reply tried again after a person checked the
    /// cause (and, for a held SMTP reply, that it was not sent); attempts start over.
    @discardableResult
    public func requeue(_ id: Int64) throws -> OutboxEntry {
        try moveOutbox(id, to: .pending, from: [.failed, .held], rerun: false, reason: "requeued",
                       set: "attempts = 0, last_error = NULL, next_attempt_at = ?", [now()])
    }

    /// One outbox move in one transaction (see `moveOutbox(_:_:to:...)`).
    private func moveOutbox(
        _ id: Int64, to status: OutboxStatus, from: Set<OutboxStatus>? = nil, rerun: Bool = true, reason: String?,
        set assignments: String, _ values: [(any DatabaseValueConvertible)?]
    ) throws -> OutboxEntry {
        try write("outbox \(status.rawValue)", "outbox \(id)") { db in
            let entry = try Self.requireOutbox(db, id)
            if rerun, entry.status == status { return entry }
            if let from, !from.contains(entry.status) {
                throw LedgerError.invalidTransition(
                    entity: .outbox, id: String(id), from: entry.status.rawValue, to: status.rawValue)
            }
            return try moveOutbox(db, entry, to: status, reason: reason, set: assignments, values)
        }
    }

    /// The one place an outbox entry changes status: checked against `OutboxStatus.next`, audited,
    /// inside the caller's transaction.
    func moveOutbox(
        _ db: Database, _ entry: OutboxEntry, to status: OutboxStatus, reason: String?,
        set assignments: String, _ values: [(any DatabaseValueConvertible)?]
    ) throws -> OutboxEntry {
        guard entry.status.next.contains(status) else {
            throw LedgerError.invalidTransition(
                entity: .outbox, id: String(entry.id), from: entry.status.rawValue, to: status.rawValue)
        }
        return try updateOutbox(db, entry, to: status, reason: reason, set: assignments, values)
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
            cachedSQL: """
                INSERT INTO outbox (request, revision, target_kind, target_mailbox, status, next_attempt_at,
                                    message_id, raw, created_at, updated_at, envelope_from, envelope_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [request.description, revision, reply.target.kind.rawValue, reply.target.mailbox,
                        status.rawValue, reply.hold ? nil : at, messageID, reply.raw, at, at,
                        reply.envelope?.from, reply.envelope?.storedRecipients])
        let id = db.lastInsertedRowID
        try appendAudit(db, .outbox(id), from: nil, to: status.rawValue,
                        reason: "\(request) revision \(revision) \(messageID)")
        return try Self.requireOutbox(db, id)
    }

    static func fetchOutbox(_ db: Database, _ id: Int64) throws -> OutboxEntry? {
        try Row.fetchOne(db, cachedSQL: "SELECT * FROM outbox WHERE id = ?", arguments: [id]).map(OutboxEntry.init(row:))
    }

    static func fetchOutbox(_ db: Database, request: RequestID, revision: Int) throws -> OutboxEntry? {
        try Row.fetchOne(
            db, cachedSQL: "SELECT * FROM outbox WHERE request = ? AND revision = ? AND purpose = 'respuesta'",
            arguments: [request.description, revision]
        ).map(OutboxEntry.init(row:))
    }

    static func requireOutbox(_ db: Database, _ id: Int64) throws -> OutboxEntry {
        guard let entry = try fetchOutbox(db, id) else { throw LedgerError.unknownOutboxEntry(id) }
        return entry
    }
}
