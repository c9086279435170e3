// The ANS rules of 5.2.5 on June 2026, a month with three Monday holidays (8 Corpus Christi,
// 15 Sagrado Corazón, 29 San Pedro y San Pablo).
import Followup
import Foundation
import Intake
import XCTest

final class SchedulingTests: XCTestCase {
    let calendar = BusinessCalendar()
    lazy var planner = SessionPlanner(rules: .standard, calendar: calendar)
    let today = CivilDate("2026-06-01")!   // a Monday
    let wide = Followup.TrainingWindow(earliest: CivilDate("2026-06-02")!, latest: CivilDate("2026-08-31")!)

    func session(_ id: String, _ day: String, _ hours: Double) -> TrainingSession {
        TrainingSession(requestID: id, date: CivilDate(day)!, startMinutes: 540, hours: hours, audience: "a", place: "p")
    }

    /// Business days after Monday 1 June: 2–5 (4), 9–12 (8; the 8th is Corpus Christi),
    /// 16–19 (12; the 15th is Sagrado Corazón), 22–25 (16). The 16 business days of conciliation
    /// end on Thursday 25, so the first possible session is Friday 26 — without the two holidays it
    /// would be Wednesday 24.
    func testHolidaysInsideTheConciliationWindowPushTheSession() throws {
        let proposal = try XCTUnwrap(planner.proposeEarliest(requestID: "OCM-2026-0001", hours: 2, window: wide, today: today, sessions: []))
        XCTAssertEqual(proposal.session.date, CivilDate("2026-06-26"))
        XCTAssertEqual(proposal.conciliationStart, CivilDate("2026-06-02"))
        let wednesday = planner.violations(date: CivilDate("2026-06-24")!, hours: 2, requestID: "OCM-2026-0001", window: wide,
                                           today: today, sessions: [])
        XCTAssertEqual(wednesday, [.conciliationDoesNotFit(CivilDate("2026-06-24")!, needed: 16, available: 14)])
        // Without the holidays (both removed through the overrides) Wednesday 24 is enough.
        let noHolidays = BusinessCalendar(overrides: HolidayOverrides(add: [], remove: [CivilDate("2026-06-08")!, CivilDate("2026-06-15")!]))
        let plain = SessionPlanner(calendar: noHolidays)
        XCTAssertEqual(plain.proposeEarliest(requestID: "X", hours: 2, window: wide, today: today, sessions: [])?.session.date,
                       CivilDate("2026-06-24"))
    }

    /// Week 2026-W26 (22–28 June) already holds 2 h + 1 h of other requests: a 2 h session goes to
    /// the next week; Monday 29 is San Pedro y San Pablo, so Tuesday 30 June.
    func testAFullWeekPushesTheProposalToTheNextWeek() throws {
        let booked = [session("OCM-2026-0002", "2026-06-22", 2), session("OCM-2026-0003", "2026-06-23", 1)]
        let proposal = try XCTUnwrap(planner.proposeEarliest(requestID: "OCM-2026-0001", hours: 2, window: wide, today: today, sessions: booked))
        XCTAssertEqual(proposal.session.date, CivilDate("2026-06-30"))
        XCTAssertEqual(proposal.weekHoursBooked, 0)
        XCTAssertEqual(planner.violations(date: CivilDate("2026-06-26")!, hours: 2, requestID: "OCM-2026-0001", window: wide,
                                          today: today, sessions: booked),
                       [.weeklyCapExceeded(ISOWeek("2026-W26")!, booked: 3, adding: 2, cap: 3)])
        // 0 h left in W26, but a 1 h session fits a week holding 2 h: exactly 3 is allowed.
        let partly = [session("OCM-2026-0002", "2026-06-22", 2)]
        XCTAssertEqual(planner.proposeEarliest(requestID: "OCM-2026-0001", hours: 1, window: wide, today: today, sessions: partly)?.session.date,
                       CivilDate("2026-06-26"))
        // The request's own earlier session does not count against itself (a move).
        let own = [session("OCM-2026-0001", "2026-06-22", 3)]
        XCTAssertTrue(planner.violations(date: CivilDate("2026-06-26")!, hours: 3, requestID: "OCM-2026-0001", window: wide,
                                         today: today, sessions: own).isEmpty)
    }

    func testThursdaySessionDiffusesTheFollowingWeek() {
        XCTAssertEqual(DiffusionWeek.of(session: CivilDate("2026-06-25")!).description, "2026-W27")  // Thursday
        XCTAssertEqual(DiffusionWeek.of(session: CivilDate("2026-06-26")!).description, "2026-W27")  // Friday
        XCTAssertEqual(DiffusionWeek.of(session: CivilDate("2026-06-24")!).description, "2026-W26")  // Wednesday
        XCTAssertEqual(DiffusionWeek.of(session: CivilDate("2026-06-22")!).description, "2026-W26")  // Monday
        // Across a year end: Thursday 31 Dec 2026 (W53) diffuses in 2027-W01.
        XCTAssertEqual(DiffusionWeek.of(session: CivilDate("2026-12-31")!).description, "2027-W01")
        XCTAssertEqual(ISOWeek("2027-W01")?.monday, CivilDate("2027-01-04"))
        XCTAssertNil(ISOWeek("2027-W53"))
    }

    func testWindowAndNonBusinessDaysAreRefusedWithTheirReason() {
        let window = Followup.TrainingWindow(earliest: CivilDate("2026-07-01")!, latest: CivilDate("2026-07-10")!)
        let found = planner.violations(date: CivilDate("2026-07-20")!, hours: 2, requestID: "A", window: window, today: today, sessions: [])
        XCTAssertEqual(found.count, 2)   // 20 July is a holiday and outside the window
        XCTAssertEqual(found.map(\.description), [
            "2026-07-20 no es día hábil",
            "2026-07-20 está fuera de la ventana de capacitación (2026-07-01 a 2026-07-10)",
        ])
        XCTAssertNil(planner.proposeEarliest(requestID: "A", hours: 2,
                                             window: Followup.TrainingWindow(earliest: CivilDate("2026-06-02")!, latest: CivilDate("2026-06-20")!),
                                             today: today, sessions: []))
    }

    /// The window is the engine's backward plan (issue 9) as the verdict keeps it, not a second
    /// computation: a request of Monday 30 March 2026 (Holy Thursday and Good Friday are holidays)
    /// for production on Monday 1 June. The plan's earliest training day is Thursday 30 April
    /// (5 + 16 business days); its latest keeps the diffusion and Calidad Operativa before 1 June.
    /// The planner then proposes inside exactly that window.
    func testWindowComesFromTheVerdictsPlan() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let rules = try Rules(yaml: try String(contentsOf: root.appendingPathComponent("config/rules.yaml"), encoding: .utf8), file: "rules.yaml")
        let plan = OperationalPlan(requestDay: CivilDate("2026-03-30")!, rules: rules.plan, calendar: calendar,
                                   target: PlanTarget(productionDate: CivilDate("2026-06-01")))
        var inspection = Inspection(file: "x")
        inspection.plan = plan
        let json = String(decoding: try JSONEncoder().encode(inspection), as: UTF8.self)
        let requestDay = CivilDate("2026-03-30")!
        let window = Followup.TrainingWindow(verdictJSON: json, today: requestDay)
        XCTAssertEqual(window.earliest, plan.trainingWindow.earliest)
        XCTAssertEqual(window.earliest.description, "2026-04-30")
        XCTAssertEqual(window.latest, try XCTUnwrap(plan.trainingWindow.latest))
        XCTAssertLessThan(window.latest, CivilDate("2026-06-01")!)
        let proposal = try XCTUnwrap(planner.proposeEarliest(requestID: "OCM-2026-0001", hours: 2, window: window, today: requestDay, sessions: []))
        XCTAssertEqual(proposal.session.date.description, "2026-04-30")
        // No plan in the verdict (no dates to plan against): only the horizon bounds the search.
        let open = Followup.TrainingWindow(verdictJSON: nil, today: requestDay)
        XCTAssertEqual(open.earliest.description, "2026-03-31")
        XCTAssertEqual(open.latest.description, "2026-07-28")
    }

    func testDurationTexts() {
        XCTAssertEqual(Hours.parse("2 horas"), 2)
        XCTAssertEqual(Hours.parse("1,5 h"), 1.5)
        XCTAssertEqual(Hours.parse("90 minutos"), 1.5)
        XCTAssertEqual(Hours.parse("1 hora 30 minutos"), 1.5)
        XCTAssertNil(Hours.parse("por definir"))
        let body = "Buenos días,\n\nTEMA: Reglamento\nDURACIÓN: 1 hora 30 minutos\nFECHA DE SALIDA A PRODUCCIÓN: 3 de agosto de 2026\n"
        XCTAssertEqual(SessionDuration.hours(inMailBody: body), 1.5)
        XCTAssertNil(SessionDuration.hours(inMailBody: "TEMA: Reglamento\n"))
    }
}
