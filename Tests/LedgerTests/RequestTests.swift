// Requests along 5.2: verdicts with their reply in one step, follow-ups, threading by Message-ID.
import Foundation
import Ledger
import XCTest

final class RequestTests: LedgerTestCase {
    func testVerdictRecordsStateFieldsAndReplyTogether() throws {
        let ledger = try openSeededLedger()
        let request = try openRequest(ledger, uid: 1)
        XCTAssertEqual(request.state, .recibida)
        XCTAssertEqual(request.revision, 0)
        XCTAssertEqual(try ledger.awaitingVerdict().map(\.id), [request.id])

        let fields = RequestFields(area: "fondos", kind: "nuevo", topic: "Comunidades negras",
                                   requester: "ana@icetex.gov.co", productionDate: "2026-09-01")
        let (recorded, reply) = try ledger.recordVerdict(
            request: request.id, revision: 1, state: .observacionesEnviadas, fields: fields,
            verdictJSON: #"{"viable":false,"missing":["f521"]}"#, reply: Self.reply(request.id, 1))
        XCTAssertEqual(recorded.state, .observacionesEnviadas)
        XCTAssertEqual(recorded.revision, 1)
        XCTAssertEqual(recorded.fields, fields)
        XCTAssertEqual(recorded.verdictJSON, #"{"viable":false,"missing":["f521"]}"#)
        XCTAssertEqual(reply?.status, .pending)
        XCTAssertEqual(reply?.revision, 1)
        XCTAssertEqual(try ledger.awaitingVerdict(), [])

        // A re-run of revision 1 changes nothing and returns the same reply.
        let rerun = try ledger.recordVerdict(
            request: request.id, revision: 1, state: .viable, verdictJSON: "{}", reply: Self.reply(request.id, 1))
        XCTAssertEqual(rerun.request, recorded)
        XCTAssertEqual(rerun.reply?.id, reply?.id)
        XCTAssertThrowsError(try ledger.recordVerdict(request: request.id, revision: 3, state: .viable, verdictJSON: nil)) {
            XCTAssertEqual($0 as? LedgerError, .revisionOutOfOrder(request: "OCM-2026-0001", current: 1, given: 3))
        }
    }

    func testFollowUpJoinsAndSendsTheRequestBackToReview() throws {
        let ledger = try openSeededLedger()
        let request = try openRequest(ledger, uid: 1, messageID: "<origin@icetex.gov.co>")
        let first = try ledger.recordVerdict(
            request: request.id, revision: 1, state: .observacionesEnviadas, verdictJSON: "{}",
            reply: Self.reply(request.id, 1))

        // The area answers our observations mail: In-Reply-To names our reply's Message-ID.
        XCTAssertEqual(try ledger.request(forMessageID: first.reply!.messageID)?.id, request.id)
        XCTAssertEqual(try ledger.request(forMessageID: "origin@icetex.gov.co")?.id, request.id, "brackets optional")
        XCTAssertNil(try ledger.request(forMessageID: "<unknown@x>"))

        let answer = try ledger.recordMessage(
            mailbox: "aseguramiento", uidValidity: 7, uid: 2, messageID: "<answer@icetex.gov.co>",
            raw: Self.mail(messageID: "<answer@icetex.gov.co>", subject: "RE: [OCM-2026-0001] Observaciones"))
        try ledger.markParsed(answer.rowID)
        let linked = try ledger.linkFollowUp(message: answer.rowID, to: request.id)
        XCTAssertEqual(linked.state, .enRevision, "5.2.4 → 5.2.3")
        XCTAssertEqual(try ledger.linkFollowUp(message: answer.rowID, to: request.id), linked, "idempotent")
        XCTAssertEqual(try ledger.message(answer.rowID)?.state, .linked)
        XCTAssertEqual(try ledger.messages(of: request.id).map(\.rowID), [request.originMessage, answer.rowID])
        XCTAssertEqual(try ledger.request(forMessageID: "<answer@icetex.gov.co>")?.id, request.id)
        XCTAssertEqual(try ledger.awaitingVerdict().map(\.id), [request.id])

        let second = try ledger.recordVerdict(
            request: request.id, revision: 2, state: .viable, verdictJSON: #"{"viable":true}"#,
            reply: Self.reply(request.id, 2))
        XCTAssertEqual(second.request.state, .viable)
        XCTAssertNotEqual(second.reply?.id, first.reply?.id, "each revision has its own reply")

        let other = try openRequest(ledger, uid: 3)
        XCTAssertThrowsError(try ledger.linkFollowUp(message: answer.rowID, to: other.id)) {
            XCTAssertEqual($0 as? LedgerError, .messageLinkedElsewhere(rowID: answer.rowID, request: "OCM-2026-0001"))
        }
    }

    func testADuplicateCopyThreadsToTheRequestOfItsOriginal() throws {
        let ledger = try openSeededLedger()
        let request = try openRequest(ledger, uid: 1, messageID: "<both@icetex.gov.co>")
        let copy = try ledger.recordMessage(
            mailbox: "formacion", uidValidity: 3, uid: 4, messageID: "<both@icetex.gov.co>",
            raw: Self.mail(messageID: "<both@icetex.gov.co>"))
        XCTAssertEqual(copy.duplicateOf, request.originMessage)
        XCTAssertEqual(try ledger.request(forMessageID: "<both@icetex.gov.co>")?.id, request.id)
    }

    func testLaterStagesAndInvalidMoves() throws {
        let ledger = try openSeededLedger()
        let request = try openRequest(ledger, uid: 1)
        XCTAssertThrowsError(try ledger.moveRequest(request.id, to: .programada, reason: "too early")) {
            XCTAssertEqual($0 as? LedgerError,
                           .invalidTransition(entity: .request, id: "OCM-2026-0001", from: "recibida", to: "programada"))
        }
        _ = try ledger.recordVerdict(request: request.id, revision: 1, state: .viable, verdictJSON: nil)
        XCTAssertEqual(try ledger.moveRequest(request.id, to: .programada, reason: "sesión 2026-07-01").state, .programada)
        XCTAssertEqual(try ledger.moveRequest(request.id, to: .programada, reason: "again").state, .programada)
        try ledger.moveRequest(request.id, to: .impartida, reason: "5.2.6")
        try ledger.moveRequest(request.id, to: .cerrada, reason: "sin refuerzo")
        XCTAssertEqual(try ledger.requests(state: .cerrada).map(\.id), [request.id])
        XCTAssertEqual(try ledger.requests(state: .viable), [])
        XCTAssertThrowsError(try ledger.moveRequest(request.id, to: .enRevision, reason: "closed is closed"))
        XCTAssertThrowsError(try ledger.moveRequest(RequestID(year: 2026, number: 9), to: .cerrada, reason: "")) {
            XCTAssertEqual($0 as? LedgerError, .unknownRequest("OCM-2026-0009"))
        }
    }
}
