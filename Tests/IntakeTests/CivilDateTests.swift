import Foundation
import Intake
import XCTest

final class CivilDateTests: XCTestCase {
    func testParsesAndPrintsISO() {
        let cases: [(String, Int, Int, Int)] = [
            ("2026-03-15", 2026, 3, 15), ("2024-02-29", 2024, 2, 29), ("2000-02-29", 2000, 2, 29),
            ("1984-01-01", 1984, 1, 1), ("2100-12-31", 2100, 12, 31), ("0001-01-01", 1, 1, 1),
        ]
        for (text, y, m, d) in cases {
            let date = CivilDate(text)
            XCTAssertEqual(date, CivilDate(year: y, month: m, day: d), text)
            XCTAssertEqual(date?.description, text)
        }
    }

    func testRejectsWhatIsNotStrictISO() {
        let bad = ["2026-13-01", "2026-00-10", "2026-02-29", "2100-02-29", "2026-04-31", "2026-01-00",
                   "2026-1-01", "26-01-01", " 2026-01-01", "2026-01-01 ", "2026/01/01", "2026-01-01T00:00",
                   "15/03/2026", "", "0000-01-01", "２０２６-01-01", "+026-01-01", "2026-0a-01"]
        for text in bad { XCTAssertNil(CivilDate(text), text) }
        XCTAssertNil(CivilDate(year: 2026, month: 2, day: 29))
        XCTAssertNil(CivilDate(year: 2026, month: 13, day: 1))
    }

    func testWeekdays() {
        let cases: [(String, Weekday)] = [
            ("1970-01-01", .thursday), ("2026-01-01", .thursday), ("2026-03-23", .monday),
            ("2026-04-03", .friday), ("2026-04-05", .sunday), ("2024-02-29", .thursday),
            ("2000-01-01", .saturday), ("1984-01-01", .sunday), ("1969-12-31", .wednesday),
            ("2100-12-31", .friday), ("0001-01-01", .monday),
        ]
        for (text, weekday) in cases { XCTAssertEqual(day(text).weekday, weekday, text) }
        XCTAssertEqual(day("2026-07-13").weekday.spanishName, "lunes")
        XCTAssertEqual(day("2026-07-15").weekday.spanishName, "miércoles")
    }

    func testArithmetic() {
        let cases: [(String, Int, String)] = [
            ("2026-01-31", 1, "2026-02-01"), ("2024-02-28", 1, "2024-02-29"), ("2026-02-28", 1, "2026-03-01"),
            ("2025-12-31", 1, "2026-01-01"), ("2026-07-13", -90, "2026-04-14"), ("1970-01-01", -1, "1969-12-31"),
            ("2000-02-28", 366, "2001-02-28"), ("2026-03-15", 0, "2026-03-15"),
        ]
        for (from, n, to) in cases {
            XCTAssertEqual(day(from).adding(days: n), day(to), "\(from) + \(n)")
            XCTAssertEqual(day(from).days(to: day(to)), n, "\(from) → \(to)")
        }
        XCTAssertEqual(Array(day("2026-02-27")...day("2026-03-02")).map(\.description),
                       ["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"])
    }

    func testDayOfYear() {
        let cases: [(String, Int)] = [
            ("2026-01-01", 1), ("2026-03-01", 60), ("2024-03-01", 61), ("2026-12-31", 365), ("2024-12-31", 366),
        ]
        for (text, n) in cases { XCTAssertEqual(day(text).dayOfYear, n, text) }
    }

    func testOrdering() {
        XCTAssertLessThan(day("2025-12-31"), day("2026-01-01"))
        XCTAssertLessThan(day("2026-01-31"), day("2026-02-01"))
        XCTAssertLessThan(day("2026-02-01"), day("2026-02-02"))
        XCTAssertFalse(day("2026-02-02") < day("2026-02-02"))
    }

    /// Days-from-civil checked against Foundation's Gregorian calendar, day by day, 1900–2200.
    func testDayNumberAgreesWithFoundationCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var components = DateComponents()
        for n in stride(from: -25_567, through: 84_000, by: 1) where n % 7 == 0 || n % 31 == 0 {
            let date = CivilDate(dayNumber: n)
            XCTAssertEqual(date.dayNumber, n)
            components.year = date.year; components.month = date.month; components.day = date.day
            let instant = calendar.date(from: components)!
            XCTAssertEqual(Int(instant.timeIntervalSince1970) / 86_400, n, date.description)
            if n % 7 == 0 {
                let foundationWeekday = calendar.component(.weekday, from: instant) // 1 = Sunday
                XCTAssertEqual(date.weekday.rawValue % 7 + 1, foundationWeekday, date.description)
            }
        }
    }

    func testCodableAsISOString() throws {
        let json = try JSONEncoder().encode([day("2026-07-13")])
        XCTAssertEqual(String(decoding: json, as: UTF8.self), #"["2026-07-13"]"#)
        XCTAssertEqual(try JSONDecoder().decode([CivilDate].self, from: json), [day("2026-07-13")])
        XCTAssertThrowsError(try JSONDecoder().decode([CivilDate].self, from: Data(#"["2026-13-01"]"#.utf8)))
    }

    /// R is the mail's day in Bogotá (UTC−5): 04:59:59Z is still the previous day there.
    func testDayOfAnInstantInBogota() {
        let cases: [(TimeInterval, String)] = [
            (1_773_637_199, "2026-03-15"),  // 2026-03-16T04:59:59Z
            (1_773_637_200, "2026-03-16"),  // 2026-03-16T05:00:00Z
            (-1, "1969-12-31"),
            (-18_001, "1969-12-31"),        // 1969-12-31T18:59:59Z → 13:59:59 Bogotá
            (17_999, "1969-12-31"),         // 1970-01-01T04:59:59Z
        ]
        for (seconds, expected) in cases {
            let instant = Date(timeIntervalSince1970: seconds)
            XCTAssertEqual(CivilDate(instant: instant, timeZone: CivilDate.bogotaTimeZone), day(expected), "\(seconds)")
            XCTAssertEqual(CivilDate(instant: instant, timeZoneOffsetSeconds: -18_000), day(expected), "\(seconds)")
        }
        XCTAssertEqual(CivilDate(instant: Date(timeIntervalSince1970: -1), timeZoneOffsetSeconds: 0), day("1969-12-31"))
        XCTAssertEqual(CivilDate.bogotaTimeZone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_773_637_200)), -18_000)
    }
}
