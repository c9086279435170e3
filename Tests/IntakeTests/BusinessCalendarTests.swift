import Intake
import XCTest

final class BusinessCalendarTests: XCTestCase {
    let calendar = BusinessCalendar()

    func testIsBusinessDay() {
        let cases: [(String, Bool)] = [
            ("2026-03-20", true),   // Friday before San José
            ("2026-03-23", false),  // San José, Monday
            ("2026-03-24", true),
            ("2026-04-01", true),   // Miércoles Santo is worked
            ("2026-04-02", false), ("2026-04-03", false), ("2026-04-04", false), ("2026-04-05", false),
            ("2026-04-06", true),
            ("2026-07-09", true),   // Chiquinquirá is observed on Monday 13
            ("2026-07-13", false),
            ("2026-12-24", true), ("2026-12-25", false), ("2026-12-31", true), ("2027-01-01", false),
            ("2025-06-30", false),  // two holidays, one day off
        ]
        for (text, expected) in cases { XCTAssertEqual(calendar.isBusinessDay(day(text)), expected, text) }
    }

    /// Business days d with r < d ≤ t, around Semana Santa 2026, a Monday holiday, year ends.
    func testCountingBusinessDays() {
        let cases: [(after: String, through: String, count: Int)] = [
            ("2026-04-01", "2026-04-06", 1),  // Thu–Fri santos, weekend, Monday counts
            ("2026-03-27", "2026-04-06", 4),  // Mar 30, 31, Apr 1, Apr 6
            ("2026-04-01", "2026-04-05", 0),  // only holidays and weekend
            ("2026-03-31", "2026-04-01", 1),  // end day counts
            ("2026-04-01", "2026-04-01", 0),  // empty
            ("2026-04-06", "2026-04-01", 0),  // reversed
            ("2026-03-20", "2026-03-23", 0),  // weekend + Monday San José
            ("2026-03-20", "2026-03-24", 1),
            ("2026-03-22", "2026-03-23", 0),
            ("2026-03-19", "2026-03-20", 1),  // start day excluded
            ("2025-12-31", "2026-01-02", 1),  // across the year, 1 Jan off
            ("2025-12-31", "2026-12-31", 242),  // 261 weekdays − 19 weekday holidays
            ("2024-12-31", "2025-12-31", 245),  // 261 weekdays − 16 weekday days off (20 Jul Sunday, 30 Jun double)
        ]
        for c in cases {
            XCTAssertEqual(calendar.businessDays(after: day(c.after), through: day(c.through)), c.count,
                           "(\(c.after), \(c.through)]")
        }
    }

    func testCountingCalendarDays() {
        XCTAssertEqual(calendar.calendarDays(after: day("2026-04-14"), through: day("2026-07-13")), 90)
        XCTAssertEqual(calendar.calendarDays(after: day("2026-07-13"), through: day("2026-07-13")), 0)
        XCTAssertEqual(calendar.calendarDays(after: day("2026-07-14"), through: day("2026-07-13")), 0)
    }

    func testAddingBusinessDays() {
        let cases: [(String, Int, String)] = [
            ("2026-03-20", 1, "2026-03-24"),   // over the San José Monday
            ("2026-04-01", 1, "2026-04-06"),   // over Semana Santa
            ("2026-04-04", 1, "2026-04-06"),   // from a Saturday
            ("2026-03-24", -1, "2026-03-20"),
            ("2026-04-06", -1, "2026-04-01"),
            ("2026-04-04", -1, "2026-04-01"),  // Saturday − 1 is the last business day before it
            ("2026-04-03", 0, "2026-04-03"),
            ("2025-12-31", 1, "2026-01-02"),
            ("2026-03-25", 10, "2026-04-10"),   // Mar 26, 27, 30, 31, Apr 1, 6–10
            ("2026-04-10", -10, "2026-03-25"),  // [Mar 25, Apr 10) holds 10
            ("2025-12-31", 242, "2026-12-31"),
        ]
        for (from, n, to) in cases { XCTAssertEqual(calendar.addingBusinessDays(n, to: day(from)), day(to), "\(from) + \(n)") }
    }

    /// "N days before T" holds for R when at least N days d satisfy R < d ≤ T (procedure.md).
    func testLatestRequestDay() {
        let business: [(n: Int, target: String, latest: String)] = [
            (10, "2026-04-10", "2026-03-25"),  // counts Mar 26 … Apr 10, skipping Apr 2–3
            (1, "2026-03-24", "2026-03-23"),   // the day before the target, even a holiday
            (1, "2026-03-23", "2026-03-19"),   // target is a holiday: Fri 20 is the one day
            (1, "2026-04-05", "2026-03-31"),   // Sunday of Easter: Apr 1 is the one day
            (7, "2026-01-09", "2025-12-30"),   // Jan 9, 8, 7, 6, 5, 2, (1 Jan off), Dec 31
            (0, "2026-04-10", "2026-04-10"),
        ]
        for c in business {
            let r = calendar.latestRequestDay(businessDaysBefore: c.n, target: day(c.target))
            XCTAssertEqual(r, day(c.latest), "\(c.n) business days before \(c.target)")
        }
        XCTAssertEqual(calendar.latestRequestDay(calendarDaysBefore: 90, target: day("2026-07-13")), day("2026-04-14"))
        XCTAssertEqual(calendar.latestRequestDay(calendarDaysBefore: 15, target: day("2026-03-01")), day("2026-02-14"))
    }

    /// The definition, checked by brute force on random targets and lead times.
    func testLatestRequestDayMatchesTheDefinition() {
        var rng = SplitMix64(state: 2026)
        for _ in 0..<2_000 {
            let target = day("2020-01-01").adding(days: Int.random(in: 0..<4_000, using: &rng))
            let n = Int.random(in: 1...30, using: &rng)
            let r = calendar.latestRequestDay(businessDaysBefore: n, target: target)
            XCTAssertGreaterThanOrEqual(naiveBusinessDays(after: r, through: target), n, "\(n) before \(target)")
            XCTAssertLessThan(naiveBusinessDays(after: r.adding(days: 1), through: target), n, "\(n) before \(target)")
            let back = calendar.addingBusinessDays(-n, to: target)      // n business days in [back, target)
            XCTAssert(calendar.isBusinessDay(back), "\(target) - \(n)")
            XCTAssertEqual(naiveBusinessDays(after: back.adding(days: -1), through: target.adding(days: -1)), n)
            let forward = calendar.addingBusinessDays(n, to: target)    // n business days in (target, forward]
            XCTAssert(calendar.isBusinessDay(forward), "\(target) + \(n)")
            XCTAssertEqual(naiveBusinessDays(after: target, through: forward), n)
        }
    }

    func testCountsMatchNaiveCounting() {
        var rng = SplitMix64(state: 7)
        for _ in 0..<2_000 {
            let r = day("2023-06-01").adding(days: Int.random(in: 0..<1_500, using: &rng))
            let t = r.adding(days: Int.random(in: -5..<120, using: &rng))
            XCTAssertEqual(calendar.businessDays(after: r, through: t), naiveBusinessDays(after: r, through: t), "(\(r), \(t)]")
        }
    }

    /// Days outside the precomputed years take the slow path and must give the same answers.
    func testOutsidePrecomputedYearsGivesSameAnswers() {
        let narrow = BusinessCalendar(precomputing: 2025...2026)
        var rng = SplitMix64(state: 99)
        for _ in 0..<1_000 {
            let r = day("2018-01-01").adding(days: Int.random(in: 0..<5_500, using: &rng))
            let t = r.adding(days: Int.random(in: -3..<800, using: &rng))
            let n = Int.random(in: 1...40, using: &rng)
            XCTAssertEqual(narrow.businessDays(after: r, through: t), calendar.businessDays(after: r, through: t), "(\(r), \(t)]")
            XCTAssertEqual(narrow.isBusinessDay(t), calendar.isBusinessDay(t), "\(t)")
            XCTAssertEqual(narrow.latestRequestDay(businessDaysBefore: n, target: t),
                           calendar.latestRequestDay(businessDaysBefore: n, target: t), "\(n) before \(t)")
            XCTAssertEqual(narrow.addingBusinessDays(n, to: r), calendar.addingBusinessDays(n, to: r), "\(r) + \(n)")
        }
        XCTAssertEqual(calendar.businessDays(after: day("1900-01-01"), through: day("2200-01-01")),
                       naiveBusinessDays(after: day("1900-01-01"), through: day("2200-01-01")))
    }

    /// 10,000 lead-time checks must cost next to nothing (the daemon runs several per mail).
    func testTenThousandQueriesAreFast() {
        var rng = SplitMix64(state: 1)
        let targets = (0..<10_000).map { _ in day("2024-01-01").adding(days: Int.random(in: 0..<1_200, using: &rng)) }
        let clock = ContinuousClock()
        var sink = 0
        let elapsed = clock.measure {
            for t in targets {
                let r = calendar.latestRequestDay(businessDaysBefore: 10, target: t)
                sink &+= calendar.businessDays(after: r.adding(days: -30), through: t)
                sink &+= calendar.isBusinessDay(t) ? 1 : 0
            }
        }
        print("10,000 × (latestRequestDay + businessDays + isBusinessDay): \(elapsed)")
        XCTAssertGreaterThan(sink, 0)
        XCTAssertLessThan(elapsed, .milliseconds(250), "debug build; release is far below")
    }

    /// Independent of the calendar's counting: weekday check plus the year's holiday list.
    private func naiveBusinessDays(after r: CivilDate, through t: CivilDate) -> Int {
        guard r < t else { return 0 }
        var holidays: [Int: Set<CivilDate>] = [:]
        var count = 0
        for d in r.adding(days: 1)...t {
            let set = holidays[d.year] ?? Set(calendar.holidays(in: d.year).map(\.date))
            holidays[d.year] = set
            if !d.weekday.isWeekend && !set.contains(d) { count += 1 }
        }
        return count
    }
}
