// Every transition leaves exactly one audit row with from, to and reason; re-runs leave none.
import Foundation
import Ledger
import XCTest

final class AuditTests: LedgerTestCase {
    private func trail(_ ledger: Ledger, _ subject: AuditSubject) throws -> [String] {
        try ledger.audit(for: subject).map { "\($0.fromState ?? "-")→\($0.toState): \($0.reason ?? "")" }
    }

    func testOneRowPerTransitionOfEachEntity() throws {
        let ledger = try openLedger()
        try ledger.recordBaseline(mailbox: "aseguramiento", uidValidity: 7, uidNext: 10)
        try ledger.recordBaseline(mailbox: "aseguramiento", uidValidity: 7, uidNext: 10)
        try ledger.advance(mailbox: "aseguramiento", uidValidity: 7, lastUID: 10)
        try ledger.advance(mailbox: "aseguramiento", uidValidity: 7, lastUID: 10)
        try ledger.resetForNewUIDValidity(mailbox: "aseguramiento", uidValidity: 8)
        XCTAssertEqual(try trail(ledger, .mailbox("aseguramiento")), [
            "-→uidvalidity 7 uid 9: baseline",
            "uidvalidity 7 uid 9→uidvalidity 7 uid 10: advance",
            "uidvalidity 7 uid 10→uidvalidity 8 uid 0: uidvalidity changed",
        ])

        let request = try openRequest(ledger, uid: 11, uidValidity: 8)
        _ = try openRequest(ledger, uid: 11, uidValidity: 8)  // re-run
        XCTAssertEqual(try trail(ledger, .message(request.originMessage)), [
            "-→stored: aseguramiento uidvalidity 8 uid 11",
            "stored→parsed: ",
            "parsed→linked: opened OCM-2026-0001",
        ])

        let (_, entry) = try ledger.recordVerdict(
            request: request.id, revision: 1, state: .observacionesEnviadas, verdictJSON: "{}",
            reply: Self.reply(request.id, 1))
        let answer = try ledger.recordMessage(
            mailbox: "aseguramiento", uidValidity: 8, uid: 12, messageID: "<ans@x>", raw: Self.mail(messageID: "<ans@x>"))
        try ledger.markParsed(answer.rowID)
        try ledger.linkFollowUp(message: answer.rowID, to: request.id)
        try ledger.linkFollowUp(message: answer.rowID, to: request.id)
        _ = try ledger.recordVerdict(request: request.id, revision: 2, state: .viable, verdictJSON: "{}")
        try ledger.moveRequest(request.id, to: .cerrada, reason: "retirada por el área")
        XCTAssertEqual(try trail(ledger, .request(request.id)), [
            "-→recibida: opened by message \(request.originMessage)",
            "recibida→observaciones_enviadas: verdict revision 1",
            "observaciones_enviadas→en_revision: follow-up message \(answer.rowID)",
            "en_revision→viable: verdict revision 2",
            "viable→cerrada: retirada por el área",
        ])

        let id = try XCTUnwrap(entry).id
        try ledger.markDelivering(id)
        try ledger.markFailed(id, error: "curl 56: connection reset", transient: true)
        clock.advance(60)
        try ledger.markDelivering(id)
        try ledger.markDelivered(id)
        try ledger.markDelivered(id)
        XCTAssertEqual(try trail(ledger, .outbox(id)), [
            "-→pending: OCM-2026-0001 revision 1 <OCM-2026-0001.1@ocm.icetex.gov.co>",
            "pending→delivering: ",
            "delivering→pending: transient: curl 56: connection reset",
            "pending→delivering: ",
            "delivering→delivered: ",
        ])

        let times = try ledger.audit(for: .outbox(id)).map(\.at)
        XCTAssertEqual(times.first, clock.now().addingTimeInterval(-60))
        XCTAssertEqual(times.last, clock.now())
    }

    func testAFailedTransitionLeavesNoAuditRow() throws {
        let ledger = try openSeededLedger()
        let m = try ledger.recordMessage(
            mailbox: "aseguramiento", uidValidity: 7, uid: 1, messageID: "<a@x>", raw: Self.mail(messageID: "<a@x>"))
        try ledger.markSkipped(m.rowID, reason: "mailing_list")
        XCTAssertThrowsError(try ledger.openRequest(for: m.rowID, year: 2026))
        XCTAssertEqual(try ledger.audit(for: .message(m.rowID)).map(\.toState), ["stored", "skipped"])
        XCTAssertEqual(try ledger.requests(), [])

        // recordVerdict writes revision and verdict before it checks the move: all must roll back.
        let request = try openRequest(ledger, uid: 2)
        XCTAssertThrowsError(try ledger.recordVerdict(
            request: request.id, revision: 1, state: .programada, verdictJSON: "{}", reply: Self.reply(request.id, 1)))
        let after = try XCTUnwrap(ledger.request(byID: request.id))
        XCTAssertEqual(after.revision, 0)
        XCTAssertNil(after.verdictJSON)
        XCTAssertEqual(try ledger.outbox(status: .pending), [])
        XCTAssertEqual(try ledger.audit(for: .request(request.id)).count, 1)
    }
}
