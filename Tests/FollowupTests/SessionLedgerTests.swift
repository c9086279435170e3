// The calendar in the ledger (on disk): confirm → programada, move, exception kept, the day after → impartida.
import Followup
import Foundation
import Intake
import Ledger
import XCTest

final class SessionLedgerTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ocm-followup-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// A ledger on disk with `count` viable requests (fixed clock: 2026-06-01 12:00 UTC).
    static func ledger(at directory: URL, viable count: Int, area: String = "fondos", kind: String = "nuevo") throws -> Ledger {
        let ledger = try Ledger(path: directory.appendingPathComponent("ledger.sqlite").path,
                                now: { Date(timeIntervalSince1970: 1_780_315_200) })
        try ledger.recordBaseline(mailbox: "aseguramiento", uidValidity: 7, uidNext: 1)
        for uid in 1...count {
            let id = "<req-\(uid)@icetex.gov.co>"
            let raw = Data("From: a@icetex.gov.co\r\nSubject: Solicitud \(uid)\r\nMessage-ID: \(id)\r\n\r\nx\r\n".utf8)
            let message = try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: 7, uid: UInt32(uid), messageID: id, raw: raw)
            try ledger.markParsed(message.rowID)
            let request = try ledger.openRequest(for: message.rowID, year: 2026, fields: RequestFields(area: area, kind: kind, topic: "Tema \(uid)"))
            _ = try ledger.recordVerdict(request: request.id, revision: 1, state: .viable, verdictJSON: nil)
        }
        return ledger
    }

    func plan(_ date: String, hours: Double = 2, exception: String? = nil) -> SessionPlan {
        SessionPlan(date: date, startMinutes: 540, hours: hours, audience: "Proveedor", place: "Teams", exception: exception)
    }

    func testConfirmMoveAndTheDayAfter() throws {
        let ledger = try Self.ledger(at: directory, viable: 2)
        let one = RequestID(year: 2026, number: 1), two = RequestID(year: 2026, number: 2)
        try ledger.confirmSession(one, plan("2026-06-26"))
        XCTAssertEqual(try ledger.request(byID: one)?.state, .programada)
        try ledger.confirmSession(two, plan("2026-06-25"))
        try ledger.moveSession(two, to: "2026-07-02", exception: nil)
        let moved = try XCTUnwrap(ledger.session(of: two))
        XCTAssertEqual(moved.sequence, 1)
        XCTAssertEqual(moved.movedFrom, "2026-06-25")
        // On 27 June, request 1 (26 June) was given; request 2 was moved to 2 July and waits.
        XCTAssertEqual(try ledger.markSessionsGiven(before: "2026-06-27"), [one])
        XCTAssertEqual(try ledger.request(byID: one)?.state, .impartida)
        XCTAssertEqual(try ledger.request(byID: two)?.state, .programada)
        XCTAssertEqual(try ledger.markSessionsGiven(before: "2026-06-27"), [])
        XCTAssertEqual(try ledger.markSessionsGiven(before: "2026-07-03"), [two])
        // A session cannot be confirmed for a request that is not viable.
        XCTAssertThrowsError(try ledger.confirmSession(one, plan("2026-07-10")))
    }

    /// 4.2.1 Nota: the directors agree to a fourth hour in week W26. The planner refuses the
    /// day; with the exception the session is recorded, and the exception with it and in the audit.
    func testAnExceptionIsRecorded() throws {
        let ledger = try Self.ledger(at: directory, viable: 2)
        let one = RequestID(year: 2026, number: 1), two = RequestID(year: 2026, number: 2)
        try ledger.confirmSession(one, plan("2026-06-22", hours: 2))
        let planner = SessionPlanner(calendar: BusinessCalendar())
        let booked = try ledger.sessions().map {
            TrainingSession(requestID: $0.request.description, date: CivilDate($0.date)!, startMinutes: $0.startMinutes,
                            hours: $0.hours, audience: $0.audience, place: $0.place)
        }
        let violations = planner.violations(date: CivilDate("2026-06-26")!, hours: 2, requestID: two.description, window: nil,
                                            today: CivilDate("2026-06-01")!, sessions: booked)
        XCTAssertEqual(violations, [.weeklyCapExceeded(ISOWeek("2026-W26")!, booked: 2, adding: 2, cap: 3)])
        let exception = "Acordado con la Dirección de Crédito y la Vicepresidencia: 4 h en la semana por cierre de convocatoria"
        let session = try ledger.confirmSession(two, plan("2026-06-26", hours: 2, exception: exception))
        XCTAssertEqual(session.exception, exception)
        XCTAssertEqual(session.status, .confirmada)
        let audit = try ledger.audit(for: .request(two))
        XCTAssertEqual(audit.last?.toState, "programada")
        XCTAssertEqual(audit.last?.reason, "session confirmed for 2026-06-26; ANS exception: \(exception)")
        // Reopening the ledger keeps it (on disk).
        let again = try Ledger(path: directory.appendingPathComponent("ledger.sqlite").path)
        XCTAssertEqual(try again.session(of: two)?.exception, exception)
        XCTAssertEqual(try again.sessions(from: "2026-06-22", to: "2026-06-28").map(\.hours).reduce(0, +), 4)
    }

    func testCancelThenConfirmAgain() throws {
        let ledger = try Self.ledger(at: directory, viable: 1)
        let one = RequestID(year: 2026, number: 1)
        try ledger.confirmSession(one, plan("2026-06-26"))
        try ledger.cancelSession(one, reason: "el área pidió aplazar")
        XCTAssertEqual(try ledger.sessions().count, 0)
        XCTAssertEqual(try ledger.sessions(includeCancelled: true).first?.status, .cancelada)
        let again = try ledger.confirmSession(one, plan("2026-07-08"))
        XCTAssertEqual(again.status, .confirmada)
        XCTAssertEqual(again.sequence, 1)
        XCTAssertEqual(try ledger.markSessionsGiven(before: "2026-06-30"), [])
    }
}
