// Migration "after-outbox-purpose" and the follow-up drafts (issue 12): an older ledger keeps its
// replies (purpose `respuesta`); a session proposal, a reinforcement and an unreadable-file note
// join the same outbox (same states, same delivery) without colliding with the verdict's reply.
import Foundation
import GRDB
@testable import Ledger
import XCTest

final class FollowupOutboxTests: LedgerTestCase {
    func proposalReply(_ id: RequestID, _ key: String = "s0") -> OutgoingReply {
        OutgoingReply(target: OutboxTarget(kind: .drafts, mailbox: "formacion"), messageID: "<\(id).sesion.\(key)@ocm.icetex.gov.co>",
                      raw: Data("Subject: [\(id)] Propuesta de sesión\r\n\r\nx\r\n".utf8),
                      envelope: OutboxEnvelope(from: "formacionocm@icetex.gov.co", recipients: ["ana@icetex.gov.co"]))
    }

    func testOlderLedgerGainsThePurposeAndKeepsItsReplies() throws {
        var id: RequestID
        do {
            let ledger = try openSeededLedger()
            id = try openRequest(ledger, uid: 1).id
            _ = try ledger.recordVerdict(request: id, revision: 1, state: .viable, verdictJSON: nil, reply: Self.reply(id, 1))
        }
        // The ledger as it was before the migration: outbox without `purpose`, no session_proposal.
        let queue = try DatabaseQueue(path: ledgerPath)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [LedgerMigrations.outboxPurposeMigration])
            try db.execute(sql: "DROP TABLE session_proposal")
            try db.execute(sql: "ALTER TABLE outbox RENAME TO outbox_new")
            try db.execute(sql: try XCTUnwrap(LedgerMigrations.v1.first { $0.contains("CREATE TABLE outbox (") }))
            try db.execute(sql: "ALTER TABLE outbox ADD COLUMN envelope_from TEXT")
            try db.execute(sql: "ALTER TABLE outbox ADD COLUMN envelope_to TEXT")
            let columns = "id, request, revision, target_kind, target_mailbox, status, attempts, next_attempt_at, last_error, "
                + "message_id, raw, created_at, updated_at, delivered_at, envelope_from, envelope_to"
            try db.execute(sql: "INSERT INTO outbox (\(columns)) SELECT \(columns) FROM outbox_new")
            try db.execute(sql: "DROP TABLE outbox_new")
            try db.execute(sql: "CREATE INDEX outbox_due ON outbox(status, next_attempt_at)")
        }
        XCTAssertFalse(try queue.read { db in try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'outbox'") ?? "" }
            .contains("purpose"), "the fixture is the older table")
        try queue.close()

        let ledger = try openLedger()
        let schema = try DatabaseQueue(path: ledgerPath).read { db in
            (try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'outbox'") ?? "",
             try String.fetchAll(db, sql: "SELECT purpose FROM outbox"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL"),
             try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count)
        }
        XCTAssertTrue(schema.0.contains("UNIQUE (request, revision, purpose)"), schema.0)
        XCTAssertEqual(schema.1, ["respuesta"])
        XCTAssertEqual(schema.2, ["outbox_due"])
        XCTAssertEqual(schema.3, 0)
        // The reply is still found by (request, revision): enqueueing it again is the same entry.
        let reply = try XCTUnwrap(try ledger.outbox(status: .pending).first)
        XCTAssertEqual(try ledger.enqueueReply(request: id, revision: 1, reply: Self.reply(id, 1)).id, reply.id)
        // A proposal under the same (request, revision) is another entry, with the same state machine.
        let proposal = try XCTUnwrap(try ledger.recordSessionProposal(request: id, date: "2026-07-01", startMinutes: 540, hours: 2,
                                                                      reply: proposalReply(id)))
        XCTAssertNotEqual(proposal.id, reply.id)
        XCTAssertEqual(proposal.revision, 1)
        XCTAssertEqual(try ledger.dueOutbox(now: clock.now().addingTimeInterval(1)).map(\.id), [reply.id, proposal.id])
        try ledger.markDelivering(proposal.id)
        XCTAssertEqual(try ledger.inDoubtOutbox().map(\.id), [proposal.id], "crash recovery sees it like a reply")
        XCTAssertThrowsError(try ledger.approve(proposal.id), "delivering → pending only through markFailed")
        XCTAssertEqual(try ledger.markDelivered(proposal.id).status, .delivered)
    }

    func testOneProposalPerViableRequestAndItsHoursUntilConfirmed() throws {
        let ledger = try openSeededLedger()
        let id = try openRequest(ledger, uid: 1).id
        XCTAssertNil(try ledger.recordSessionProposal(request: id, date: "2026-07-01", startMinutes: 540, hours: 2, reply: proposalReply(id)),
                     "not viable yet")
        _ = try ledger.recordVerdict(request: id, revision: 1, state: .viable, verdictJSON: nil)
        XCTAssertEqual(try ledger.requestsAwaitingProposal().map(\.id), [id])
        XCTAssertNotNil(try ledger.recordSessionProposal(request: id, date: "2026-07-01", startMinutes: 540, hours: 2, reply: proposalReply(id)))
        XCTAssertNil(try ledger.recordSessionProposal(request: id, date: "2026-07-02", startMinutes: 540, hours: 2, reply: proposalReply(id, "x")),
                     "once per request")
        XCTAssertEqual(try ledger.requestsAwaitingProposal().map(\.id), [])
        XCTAssertEqual(try ledger.openSessionProposals().map(\.date), ["2026-07-01"])
        try ledger.confirmSession(id, SessionPlan(date: "2026-07-02", startMinutes: 540, hours: 2, audience: "a", place: "p"))
        XCTAssertEqual(try ledger.openSessionProposals().count, 0, "the confirmed session holds the hours now")
    }

    func testFollowupMailIsRecordedOnceWithItsDrafts() throws {
        let ledger = try openSeededLedger()
        let id = try openRequest(ledger, uid: 1).id
        _ = try ledger.recordVerdict(request: id, revision: 1, state: .viable, verdictJSON: nil)
        let message = try ledger.recordMessage(mailbox: "formacion", uidValidity: 3, uid: 1, messageID: "<res@proveedor.co>",
                                               raw: Self.mail(messageID: "<res@proveedor.co>"))
        let draft = FollowupOutgoing(purpose: .refuerzo, key: 100, reply: OutgoingReply(
            target: OutboxTarget(kind: .drafts, mailbox: "formacion"), messageID: "<\(id).refuerzo.100@x>", raw: Data("x".utf8)))
        let mail = FollowupMail(request: id, reason: "seguimiento", day: "2026-07-08", evidence: "<res@proveedor.co>",
                                steps: ["resultados"], results: [ResultsEntry(source: "misional", fileName: "r.csv", bytes: Data("a".utf8),
                                                                              participants: 8, evaluated: 6, passed: 4, passingScore: 80)],
                                drafts: [draft])
        XCTAssertEqual(try ledger.recordFollowupMail(message: message.rowID, mail)?.count, 1)
        XCTAssertNil(try ledger.recordFollowupMail(message: message.rowID, mail), "a re-run changes nothing")
        XCTAssertEqual(try ledger.message(message.rowID)?.state, .skipped)
        XCTAssertEqual(try ledger.messages(of: id).count, 1, "not joined to the request's thread")
        XCTAssertEqual(try ledger.results(of: id).map(\.passed), [4])
        XCTAssertEqual(try ledger.steps(of: id).map(\.step), ["resultados"])
        XCTAssertEqual(try ledger.outbox(status: .pending).count, 1)
    }
}
