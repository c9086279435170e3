// Follow-up drafts in the outbox (issue 12): the session proposal of a viable request (5.2.5),
// the reinforcement proposal (5.2.15) and the note about an unreadable results file (5.2.13).
// They share the outbox's states, delivery and crash recovery with the verdict replies; their
// identity is (request, key, purpose), so a re-run enqueues nothing twice.
import Foundation
import GRDB

/// Why an outbox entry exists. `respuesta`: the reply of a verdict (every entry before issue 12).
public enum OutboxPurpose: String, Sendable, Hashable, CaseIterable {
    case respuesta
    case propuestaSesion = "propuesta_sesion"
    case refuerzo
    case resultadosIlegibles = "resultados_ilegibles"
}

/// A session the daemon proposed and staff have not confirmed yet: it holds its week's hours.
public struct SessionProposalRecord: Sendable, Hashable {
    public let request: RequestID
    public let date: String
    public let startMinutes: Int
    public let hours: Double
    public let outbox: Int64

    init(row: Row) {
        request = RequestID(String(row["request"] as String)) ?? RequestID(year: 0, number: 1)
        date = row["date"]
        startMinutes = row["start_minutes"]
        hours = row["hours"]
        outbox = row["outbox"]
    }
}

/// A draft for the outbox with the key that makes it unique within its request and purpose.
public struct FollowupOutgoing: Sendable {
    public var purpose: OutboxPurpose
    public var key: Int
    public var reply: OutgoingReply

    public init(purpose: OutboxPurpose, key: Int, reply: OutgoingReply) {
        self.purpose = purpose
        self.key = key
        self.reply = reply
    }
}

/// One results file of a provider's mail, as counts (nothing personal is kept).
public struct ResultsEntry: Sendable {
    public var source: String
    public var fileName: String
    public var bytes: Data
    public var participants: Int
    public var evaluated: Int
    public var passed: Int
    public var passingScore: Double

    public init(source: String, fileName: String, bytes: Data, participants: Int, evaluated: Int, passed: Int, passingScore: Double) {
        self.source = source
        self.fileName = fileName
        self.bytes = bytes
        self.participants = participants
        self.evaluated = evaluated
        self.passed = passed
        self.passingScore = passingScore
    }
}

/// What a follow-up mail (provider results, question bank, secure delivery) leaves in the ledger.
/// The message is never linked to the request's thread (it is not the area's request and must
/// not be judged again); it is marked skipped with `reason` and its evidence recorded.
public struct FollowupMail: Sendable {
    public var request: RequestID
    public var reason: String
    public var day: String
    public var evidence: String?
    public var steps: [String]
    public var results: [ResultsEntry]
    public var drafts: [FollowupOutgoing]

    public init(request: RequestID, reason: String, day: String, evidence: String?, steps: [String],
                results: [ResultsEntry], drafts: [FollowupOutgoing]) {
        self.request = request
        self.reason = reason
        self.day = day
        self.evidence = evidence
        self.steps = steps
        self.results = results
        self.drafts = drafts
    }
}

extension Ledger {
    /// Viable requests with neither a session nor a proposal: the daemon proposes one each.
    public func requestsAwaitingProposal() throws -> [RequestRecord] {
        try read("requestsAwaitingProposal", "viable") { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM request WHERE state = 'viable'
                AND id NOT IN (SELECT request FROM session) AND id NOT IN (SELECT request FROM session_proposal)
                ORDER BY year, number
                """).map(RequestRecord.init(row:))
        }
    }

    /// Proposals of requests still waiting for their session to be confirmed (tentative hours).
    public func openSessionProposals() throws -> [SessionProposalRecord] {
        try read("openSessionProposals", "viable") { db in
            try Row.fetchAll(db, sql: """
                SELECT p.* FROM session_proposal p JOIN request r ON r.id = p.request
                WHERE r.state = 'viable' AND p.request NOT IN (SELECT request FROM session WHERE status != 'cancelada')
                ORDER BY p.date, p.request
                """).map(SessionProposalRecord.init(row:))
        }
    }

    public func sessionProposal(of requestID: RequestID) throws -> SessionProposalRecord? {
        try read("sessionProposal", requestID.description) { db in
            try Row.fetchOne(db, sql: "SELECT * FROM session_proposal WHERE request = ?", arguments: [requestID.description])
                .map(SessionProposalRecord.init(row:))
        }
    }

    /// The proposal and its draft in one transaction; nil (nothing written) when the request is
    /// no longer viable or already has a proposal or a session.
    public func recordSessionProposal(request requestID: RequestID, date: String, startMinutes: Int, hours: Double,
                                      reply: OutgoingReply) throws -> OutboxEntry? {
        try write("recordSessionProposal", "\(requestID) \(date)") { db in
            let request = try Self.requireRequest(db, requestID)
            let taken = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM session_proposal WHERE request = ?) OR EXISTS (SELECT 1 FROM session WHERE request = ?)
                """, arguments: [requestID.description, requestID.description]) ?? true
            guard request.state == .viable, !taken else { return nil }
            let entry = try enqueueFollowup(db, requestID, FollowupOutgoing(purpose: .propuestaSesion, key: request.revision, reply: reply))
            try db.execute(sql: """
                INSERT INTO session_proposal (request, date, start_minutes, hours, outbox, created_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [requestID.description, date, startMinutes, hours, entry.id, now()])
            try appendAudit(db, .request(requestID), from: request.state.rawValue, to: request.state.rawValue,
                            reason: "session proposed for \(date) (\(hours) h)")
            return entry
        }
    }

    /// Records a follow-up mail (see `FollowupMail`) in one transaction. A message already
    /// decided (a re-run after a crash) changes nothing and returns nil.
    @discardableResult
    public func recordFollowupMail(message rowID: Int64, _ mail: FollowupMail) throws -> [OutboxEntry]? {
        try write("recordFollowupMail", "message \(rowID)") { db in
            let message = try Self.requireMessage(db, rowID)
            guard message.state == .stored || message.state == .parsed else { return nil }
            if message.state == .stored {
                try moveMessage(db, rowID, to: .parsed, reason: nil, error: nil, auditReason: nil)
            }
            let reason = "\(mail.reason) \(mail.request)"
            try moveMessage(db, rowID, to: .skipped, reason: mail.reason, error: nil, auditReason: reason)
            for step in mail.steps {
                try db.execute(sql: "INSERT INTO request_step (request, step, day, evidence) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                               arguments: [mail.request.description, step, mail.day, mail.evidence])
            }
            for r in mail.results {
                _ = try insertResults(db, request: mail.request, source: r.source, fileName: r.fileName, bytes: r.bytes,
                                      participants: r.participants, evaluated: r.evaluated, passed: r.passed,
                                      passingScore: r.passingScore, day: mail.day)
            }
            return try mail.drafts.map { try enqueueFollowup(db, mail.request, $0) }
        }
    }

    /// Enqueue a follow-up draft inside the caller's transaction; idempotent on (request, key, purpose).
    func enqueueFollowup(_ db: Database, _ request: RequestID, _ draft: FollowupOutgoing) throws -> OutboxEntry {
        let reply = draft.reply
        let messageID = MessageKey.normalize(messageID: reply.messageID) ?? reply.messageID
        if let existing = try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE request = ? AND revision = ? AND purpose = ?",
                                           arguments: [request.description, draft.key, draft.purpose.rawValue]).map(OutboxEntry.init(row:)) {
            guard existing.messageID == messageID else {
                throw LedgerError.outboxConflict(request: request.description, revision: draft.key,
                                                 existingMessageID: existing.messageID, givenMessageID: messageID)
            }
            return existing
        }
        let at = now()
        let status: OutboxStatus = reply.hold ? .held : .pending
        try db.execute(
            sql: """
                INSERT INTO outbox (request, revision, purpose, target_kind, target_mailbox, status, next_attempt_at,
                                    message_id, raw, created_at, updated_at, envelope_from, envelope_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [request.description, draft.key, draft.purpose.rawValue, reply.target.kind.rawValue, reply.target.mailbox,
                        status.rawValue, reply.hold ? nil : at, messageID, reply.raw, at, at,
                        reply.envelope?.from, reply.envelope?.storedRecipients])
        let id = db.lastInsertedRowID
        try appendAudit(db, .outbox(id), from: nil, to: status.rawValue, reason: "\(request) \(draft.purpose.rawValue) \(messageID)")
        return try Self.requireOutbox(db, id)
    }
}
