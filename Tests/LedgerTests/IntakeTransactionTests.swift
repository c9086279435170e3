// `recordIntake`: the decision, the request, the verdict and the reply's outbox entry in one
// transaction. A failure anywhere leaves the message `stored` with nothing half made (measured
// on main: a crash between `openRequest` and `recordVerdict` left requests `recibida` forever).
import Foundation
import GRDB
@testable import Ledger
import XCTest

final class IntakeTransactionTests: LedgerTestCase {
    private struct RenderFailure: Error {}

    private func stored(_ ledger: Ledger, uid: UInt32, messageID: String? = nil) throws -> SeenMessage {
        let id = messageID ?? "<m\(uid)@icetex.gov.co>"
        return try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: 7, uid: uid, messageID: id, raw: Self.mail(messageID: id))
    }

    private func verdict(_ state: RequestState = .observacionesEnviadas) -> VerdictBuilder {
        { id, revision in VerdictEntry(state: state, fields: nil, verdictJSON: "{}", reply: Self.reply(id, revision)) }
    }

    func testOpenRecordsRequestVerdictAndReplyTogether() throws {
        let ledger = try openSeededLedger()
        let message = try stored(ledger, uid: 1)
        let recorded = try ledger.recordIntake(message: message.rowID, .open(
            year: 2026, fields: RequestFields(requester: "Ana@icetex.gov.co"), quarantineError: nil, verdict: verdict()))
        guard case .opened(let id, let entry) = recorded else { return XCTFail("\(recorded)") }
        XCTAssertEqual(id.description, "OCM-2026-0001")
        XCTAssertEqual(entry?.messageID, "<OCM-2026-0001.1@ocm.icetex.gov.co>")
        XCTAssertEqual(try ledger.request(byID: id)?.state, .observacionesEnviadas)
        XCTAssertEqual(try ledger.request(byID: id)?.revision, 1)
        XCTAssertEqual(try ledger.message(message.rowID)?.state, .linked)
        XCTAssertEqual(try ledger.awaitingVerdict(), [], "nothing left owed")
        XCTAssertEqual(try ledger.recordIntake(message: message.rowID, .skip(reason: "bounce")), .alreadyDone, "a re-run changes nothing")
        XCTAssertEqual(try ledger.audit(for: .message(message.rowID)).map(\.toState), ["stored", "parsed", "linked"])
    }

    func testAFailingVerdictRollsEverythingBack() throws {
        let ledger = try openSeededLedger()
        let message = try stored(ledger, uid: 1)
        XCTAssertThrowsError(try ledger.recordIntake(message: message.rowID, .open(
            year: 2026, fields: RequestFields(), quarantineError: nil, verdict: { _, _ in throw RenderFailure() }))) { error in
            XCTAssertTrue(error is RenderFailure, "the caller's error passes through unchanged: \(error)")
        }
        XCTAssertEqual(try ledger.message(message.rowID)?.state, .stored)
        XCTAssertEqual(try ledger.requests(), [])
        XCTAssertEqual(try ledger.outbox(status: .pending), [])
        // Decided again, as the next cycle's drain does: the same number, no gap.
        guard case .opened(let id, _) = try ledger.recordIntake(message: message.rowID, .open(
            year: 2026, fields: RequestFields(), quarantineError: nil, verdict: verdict())) else { return XCTFail() }
        XCTAssertEqual(id.description, "OCM-2026-0001")
    }

    func testFollowUpSendsBackToReviewAndJudgesAgainInOneStep() throws {
        let ledger = try openSeededLedger()
        let origin = try stored(ledger, uid: 1)
        guard case .opened(let id, _) = try ledger.recordIntake(message: origin.rowID, .open(
            year: 2026, fields: RequestFields(), quarantineError: nil, verdict: verdict())) else { return XCTFail() }
        let answer = try stored(ledger, uid: 2)
        let recorded = try ledger.recordIntake(message: answer.rowID, .followUp(id, quarantineError: nil, verdict: verdict(.viable)))
        guard case .followedUp(_, let entry) = recorded else { return XCTFail("\(recorded)") }
        XCTAssertEqual(entry?.revision, 2)
        let request = try XCTUnwrap(try ledger.request(byID: id))
        XCTAssertEqual(request.state, .viable)
        XCTAssertEqual(try ledger.audit(for: .request(id)).map(\.toState), ["recibida", "observaciones_enviadas", "en_revision", "viable"])
        // A follow-up after approval goes back to review too (it failed before: viable → observaciones was refused).
        let third = try stored(ledger, uid: 3)
        _ = try ledger.recordIntake(message: third.rowID, .followUp(id, quarantineError: nil, verdict: verdict()))
        XCTAssertEqual(try ledger.request(byID: id)?.state, .observacionesEnviadas)
        XCTAssertEqual(try ledger.request(byID: id)?.revision, 3)
    }

    func testQuarantineWithAReplyKeepsTheMessageQuarantinedAndLinked() throws {
        let ledger = try openSeededLedger()
        let message = try stored(ledger, uid: 1)
        guard case .opened(let id, let entry) = try ledger.recordIntake(message: message.rowID, .open(
            year: 2026, fields: RequestFields(), quarantineError: "boundary never closed", verdict: verdict())) else { return XCTFail() }
        XCTAssertNotNil(entry)
        XCTAssertEqual(try ledger.message(message.rowID)?.state, .quarantined)
        XCTAssertEqual(try ledger.message(message.rowID)?.error, "boundary never closed")
        XCTAssertEqual(try ledger.messages(of: id).map(\.rowID), [message.rowID])
    }

    func testReevaluationJudgesARequestLeftRecibida() throws {
        let ledger = try openSeededLedger()
        let request = try openRequest(ledger, uid: 1)  // the old two-step path, cut before the verdict
        XCTAssertEqual(try ledger.awaitingVerdict().map(\.id), [request.id])
        let entry = try ledger.recordReevaluation(request: request.id, verdict())
        XCTAssertEqual(entry?.revision, 1)
        XCTAssertEqual(try ledger.awaitingVerdict(), [])
        XCTAssertNil(try ledger.recordReevaluation(request: request.id, verdict()), "a re-run changes nothing")
    }

    func testDailyCountIsPerSenderAndDay() throws {
        let ledger = try openSeededLedger()
        for uid in UInt32(1)...3 {
            let message = try stored(ledger, uid: uid)
            _ = try ledger.recordIntake(message: message.rowID, .open(
                year: 2026, fields: RequestFields(requester: uid == 3 ? "otro@icetex.gov.co" : "Ana@ICETEX.gov.co"),
                quarantineError: nil, verdict: verdict()))
        }
        let day = clock.now().addingTimeInterval(-3600)
        XCTAssertEqual(try ledger.requestCount(requester: "ana@icetex.gov.co", arrivedFrom: day, to: day + 86400), 2)
        XCTAssertEqual(try ledger.requestCount(requester: "ana@icetex.gov.co", arrivedFrom: day + 86400, to: day + 2 * 86400), 0)
        // One indexed count (main read every request for every mail).
        let plan = try DatabaseQueue(path: ledgerPath).read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Ledger.dailyCountSQL,
                             arguments: ["a", "b", "c"]).map { $0["detail"] as String }
        }
        XCTAssertTrue(plan.joined().contains("request_by_requester"), "\(plan)")
    }
}
