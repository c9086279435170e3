// Requests: opened from a message, joined by follow-ups, moved along 5.2 by verdicts.
import Foundation
import GRDB

extension Ledger {
    /// Opens a request for a parsed message (or a quarantined one, which still gets a reply asking
    /// for a readable resend), allocating the next `OCM-year-NNNN`. One transaction: id, request,
    /// link and message state. Idempotent: a message already linked returns its request.
    public func openRequest(for messageRowID: Int64, year: Int, fields: RequestFields = RequestFields()) throws -> RequestRecord {
        try write("openRequest", "message \(messageRowID)") { db in
            let message = try Self.requireMessage(db, messageRowID)
            if let linked = try Self.linkedRequest(db, messageRowID) {
                return try Self.requireRequest(db, linked)
            }
            guard message.state == .parsed || message.state == .quarantined else {
                throw LedgerError.invalidTransition(
                    entity: .message, id: String(messageRowID), from: message.state.rawValue, to: "linked")
            }
            let id = try insertRequest(db, origin: messageRowID, year: year, fields: fields)
            try link(db, messageRowID, to: id, role: "origin", state: message.state)
            return try Self.requireRequest(db, id)
        }
    }

    /// A later mail of the same request (tag in the subject, In-Reply-To/References): it joins the
    /// request, and a request waiting on observations goes back to review (5.2.4 → 5.2.3).
    /// Idempotent; a message already in another request is refused.
    @discardableResult
    public func linkFollowUp(message messageRowID: Int64, to requestID: RequestID) throws -> RequestRecord {
        try write("linkFollowUp", "message \(messageRowID) → \(requestID)") { db in
            let message = try Self.requireMessage(db, messageRowID)
            let request = try Self.requireRequest(db, requestID)
            if let linked = try Self.linkedRequest(db, messageRowID) {
                guard linked == requestID else {
                    throw LedgerError.messageLinkedElsewhere(rowID: messageRowID, request: linked.description)
                }
                return request
            }
            guard message.state == .parsed || message.state == .quarantined else {
                throw LedgerError.invalidTransition(
                    entity: .message, id: String(messageRowID), from: message.state.rawValue, to: "linked")
            }
            try link(db, messageRowID, to: requestID, role: "follow_up", state: message.state)
            if request.state == .observacionesEnviadas {
                try moveRequest(db, request, to: .enRevision, reason: "follow-up message \(messageRowID)")
            }
            return try Self.requireRequest(db, requestID)
        }
    }

    /// Records the evaluation of `revision` (the current revision + 1) and, in the same
    /// transaction, its reply in the outbox: a crash cannot leave a verdict without its reply.
    /// Re-running the current revision returns what was recorded (enqueueing the reply if missing).
    public func recordVerdict(
        request requestID: RequestID, revision: Int, state: RequestState,
        fields: RequestFields? = nil, verdictJSON: String?, reply: OutgoingReply? = nil
    ) throws -> (request: RequestRecord, reply: OutboxEntry?) {
        try write("recordVerdict", "\(requestID) revision \(revision)") { db in
            try applyVerdict(db, requestID, revision: revision, state: state, fields: fields, verdictJSON: verdictJSON, reply: reply)
        }
    }

    /// `recordVerdict` inside the caller's transaction (also the intake transaction's last step).
    func applyVerdict(
        _ db: Database, _ requestID: RequestID, revision: Int, state: RequestState,
        fields: RequestFields?, verdictJSON: String?, reply: OutgoingReply?
    ) throws -> (request: RequestRecord, reply: OutboxEntry?) {
        let request = try Self.requireRequest(db, requestID)
        if revision == request.revision, revision > 0 {
            let entry = try reply.map { try enqueue(db, requestID, revision, $0) }
                ?? Self.fetchOutbox(db, request: requestID, revision: revision)
            return (request, entry)
        }
        guard revision == request.revision + 1 else {
            throw LedgerError.revisionOutOfOrder(request: requestID.description, current: request.revision, given: revision)
        }
        let fields = fields ?? request.fields
        try db.execute(
            cachedSQL: """
                UPDATE request SET revision = ?, verdict_json = ?, area = ?, kind = ?, topic = ?,
                       requester = ?, production_date = ?, training_date = ? WHERE id = ?
                """,
            arguments: [revision, verdictJSON, fields.area, fields.kind, fields.topic, fields.requester,
                        fields.productionDate, fields.trainingDate, requestID.description])
        try moveRequest(db, request, to: state, reason: "verdict revision \(revision)")
        let entry = try reply.map { try enqueue(db, requestID, revision, $0) }
        return (try Self.requireRequest(db, requestID), entry)
    }

    /// A new request `OCM-year-NNNN` (MAX + 1 inside the transaction: no gaps, no duplicates), `recibida`.
    func insertRequest(_ db: Database, origin messageRowID: Int64, year: Int, fields: RequestFields) throws -> RequestID {
        let number = try Int.fetchOne(
            db, cachedSQL: "SELECT COALESCE(MAX(number), 0) + 1 FROM request WHERE year = ?", arguments: [year]) ?? 1
        let id = RequestID(year: year, number: number)
        let at = now()
        try db.execute(
            cachedSQL: """
                INSERT INTO request (id, year, number, state, origin_message, area, kind, topic, requester,
                                     production_date, training_date, revision, opened_at, updated_at)
                VALUES (?, ?, ?, 'recibida', ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
                """,
            arguments: [id.description, year, number, messageRowID, fields.area, fields.kind, fields.topic,
                        fields.requester, fields.productionDate, fields.trainingDate, at, at])
        try appendAudit(db, .request(id), from: nil, to: RequestState.recibida.rawValue,
                        reason: "opened by message \(messageRowID)")
        return id
    }

    /// A move made by staff or by later stages (programada, impartida, cerrada). Idempotent.
    @discardableResult
    public func moveRequest(_ requestID: RequestID, to state: RequestState, reason: String) throws -> RequestRecord {
        try write("moveRequest", "\(requestID) → \(state.rawValue)") { db in
            let request = try Self.requireRequest(db, requestID)
            guard request.state != state else { return request }
            try moveRequest(db, request, to: state, reason: reason)
            return try Self.requireRequest(db, requestID)
        }
    }

    public func request(byID id: RequestID) throws -> RequestRecord? {
        try read("request", id.description) { db in try Self.fetchRequest(db, id) }
    }

    /// The request a Message-ID belongs to, for threading by In-Reply-To/References: one of its
    /// messages (or a duplicate of one), or one of the replies sent for it.
    public func request(forMessageID messageID: String) throws -> RequestRecord? {
        guard let key = MessageKey.normalize(messageID: messageID) else { return nil }
        return try read("requestForMessageID", key) { db in
            let viaMessage = try String.fetchOne(
                db,
                cachedSQL: """
                    SELECT rm.request FROM message m
                    JOIN request_message rm ON rm.message = m.id OR rm.message = m.duplicate_of
                    WHERE m.message_key = ? ORDER BY rm.message LIMIT 1
                    """,
                arguments: [key])
            let viaReply = try String.fetchOne(
                db, cachedSQL: "SELECT request FROM outbox WHERE message_id = ?", arguments: [key])
            guard let found = (viaMessage ?? viaReply).flatMap(RequestID.init) else { return nil }
            return try Self.fetchRequest(db, found)
        }
    }

    /// Requests, oldest first; all of them when `state` is nil.
    public func requests(state: RequestState? = nil) throws -> [RequestRecord] {
        try read("requests", state?.rawValue ?? "all") { db in
            let rows: [Row]
            if let state {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM request WHERE state = ? ORDER BY year, number", arguments: [state.rawValue])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM request ORDER BY year, number")
            }
            return rows.map(RequestRecord.init(row:))
        }
    }

    /// Requests whose evaluation is owed: opened (`recibida`) or sent back to review by a follow-up
    /// (`en_revision`). Each state is a queue, so a crash between linking and evaluating loses
    /// nothing: the daemon evaluates these at start-up.
    public func awaitingVerdict() throws -> [RequestRecord] {
        try read("awaitingVerdict", "recibida, en_revision") { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM request WHERE state IN ('recibida', 'en_revision') ORDER BY year, number"
            ).map(RequestRecord.init(row:))
        }
    }

    /// The messages of a request, origin first, then follow-ups as they joined.
    public func messages(of requestID: RequestID) throws -> [SeenMessage] {
        try read("messagesOfRequest", requestID.description) { db in
            try Row.fetchAll(
                db,
                cachedSQL: """
                    SELECT m.* FROM message m JOIN request_message rm ON rm.message = m.id
                    WHERE rm.request = ? ORDER BY rm.role = 'follow_up', rm.linked_at, m.id
                    """,
                arguments: [requestID.description]
            ).map(SeenMessage.init(row:))
        }
    }

    func link(_ db: Database, _ messageRowID: Int64, to id: RequestID, role: String, state: MessageState) throws {
        try db.execute(
            cachedSQL: "INSERT INTO request_message (message, request, role, linked_at) VALUES (?, ?, ?, ?)",
            arguments: [messageRowID, id.description, role, now()])
        if state == .parsed {
            try moveMessage(db, messageRowID, to: .linked, reason: nil, error: nil,
                            auditReason: "\(role == "origin" ? "opened" : "follow-up of") \(id)")
        }
    }

    func moveRequest(_ db: Database, _ request: RequestRecord, to state: RequestState, reason: String) throws {
        guard request.state.next.contains(state) else {
            throw LedgerError.invalidTransition(
                entity: .request, id: request.id.description, from: request.state.rawValue, to: state.rawValue)
        }
        try db.execute(
            cachedSQL: "UPDATE request SET state = ?, updated_at = ? WHERE id = ?",
            arguments: [state.rawValue, now(), request.id.description])
        try appendAudit(db, .request(request.id), from: request.state.rawValue, to: state.rawValue, reason: reason)
    }

    static func linkedRequest(_ db: Database, _ messageRowID: Int64) throws -> RequestID? {
        try String.fetchOne(db, cachedSQL: "SELECT request FROM request_message WHERE message = ?", arguments: [messageRowID])
            .flatMap(RequestID.init)
    }

    static func fetchRequest(_ db: Database, _ id: RequestID) throws -> RequestRecord? {
        try Row.fetchOne(db, cachedSQL: "SELECT * FROM request WHERE id = ?", arguments: [id.description])
            .map(RequestRecord.init(row:))
    }

    static func requireRequest(_ db: Database, _ id: RequestID) throws -> RequestRecord {
        guard let request = try fetchRequest(db, id) else { throw LedgerError.unknownRequest(id.description) }
        return request
    }
}
