import XCTest
import MIME

final class MailDateTests: XCTestCase {
    struct Case {
        let name: String
        let raw: String
        /// Seconds since 1970 UTC and the written offset; `nil` when the input is junk.
        let expected: (epoch: Int, offset: Int)?

        init(_ name: String, _ raw: String, _ expected: (Int, Int)?) {
            self.name = name
            self.raw = raw
            self.expected = expected
        }
    }

    /// 2026-02-16 14:12:00 UTC, i.e. 09:12 in Bogotá.
    static let feb16 = 1_771_251_120

    static let cases: [Case] = [
        Case("RFC 5322", "Mon, 16 Feb 2026 09:12:00 -0500", (feb16, -300)),
        Case("no weekday", "16 Feb 2026 09:12:00 -0500", (feb16, -300)),
        Case("full weekday and month", "Monday, 16 February 2026 09:12:00 -0500", (feb16, -300)),
        Case("2-digit year < 50", "Mon, 16 Feb 26 09:12:00 -0500", (feb16, -300)),
        Case("2-digit year >= 50", "Tue, 16 Feb 99 09:12:00 +0000", (919_156_320, 0)),
        Case("3-digit year", "16 Feb 049 09:12:00 +0000", (-658_680_480, 0)),
        Case("missing seconds", "Mon, 16 Feb 2026 09:12 -0500", (feb16, -300)),
        Case("EST", "Mon, 16 Feb 2026 09:12:00 EST", (feb16, -300)),
        Case("CDT", "Mon, 16 Feb 2026 09:12:00 CDT", (feb16, -300)),
        Case("PDT", "Mon, 16 Feb 2026 09:12:00 PDT", (1_771_258_320, -420)),
        Case("GMT", "Mon, 16 Feb 2026 14:12:00 GMT", (feb16, 0)),
        Case("UT", "Mon, 16 Feb 2026 14:12:00 UT", (feb16, 0)),
        Case("military zone is -0000", "Mon, 16 Feb 2026 14:12:00 A", (feb16, 0)),
        Case("+0000 with comment", "Mon, 16 Feb 2026 14:12:00 +0000 (UTC)", (feb16, 0)),
        Case("comment with offset name", "Mon, 16 Feb 2026 09:12:00 -0500 (SA Pacific Standard Time)", (feb16, -300)),
        Case("extra whitespace, lowercase", "  mon,   16\tfeb   2026   09:12:00   -0500  ", (feb16, -300)),
        Case("upper-case month", "MON, 16 FEB 2026 09:12:00 -0500", (feb16, -300)),
        Case("asctime order", "Mon Feb 16 14:12:00 2026", (feb16, 0)),
        Case("dashed date", "16-Feb-2026 09:12:00 -0500", (feb16, -300)),
        Case("zone glued to time", "Mon, 16 Feb 2026 09:12:00-0500", (feb16, -300)),
        Case("offset with colon", "Mon, 16 Feb 2026 09:12:00 +05:30", (1_771_213_320, 330)),
        Case("unknown zone name ignored", "Mon, 16 Feb 2026 14:12:00 COT", (feb16, 0)),
        Case("no time", "16 Feb 2026", (1_771_200_000, 0)),
        Case("leap day", "Thu, 29 Feb 2024 00:00:00 +0000", (1_709_164_800, 0)),
        Case("leap second", "Sat, 31 Dec 2016 23:59:60 +0000", (1_483_228_800, 0)),
        Case("epoch", "1 Jan 1970 00:00:00 +0000", (0, 0)),
        Case("before epoch", "1 Jan 1900 00:00:00 +0000", (-2_208_988_800, 0)),
        Case("empty", "", nil),
        Case("words", "hello world", nil),
        Case("day 32", "Mon, 32 Feb 2026 09:12:00 -0500", nil),
        Case("29 Feb in a common year", "29 Feb 2026 09:12:00 -0500", nil),
        Case("unknown month", "16 Foo 2026 09:12:00 -0500", nil),
        Case("hour 25", "16 Feb 2026 25:00:00 +0000", nil),
        Case("two zones", "16 Feb 2026 09:12:00 -0500 -0400", nil),
        Case("hour-only offset", "16 Feb 2026 09:12:00 -05", (1_771_251_120, -300)),
        Case("missing year", "Mon, 16 Feb 09:12:00 -0500", nil),
        Case("huge input", String(repeating: "16 Feb 2026 ", count: 100), nil),
    ]

    func testTable() {
        for c in Self.cases {
            let date = MailDate.parse(c.raw)
            guard let expected = c.expected else {
                XCTAssertNil(date, "case: \(c.name)")
                continue
            }
            XCTAssertEqual(date.map { Int($0.instant.timeIntervalSince1970) }, expected.epoch, "case: \(c.name)")
            XCTAssertEqual(date?.offsetMinutes, expected.offset, "offset, case: \(c.name)")
        }
    }

    /// Every day from 1900 to 2100 agrees with Foundation's UTC calendar.
    func testDayArithmeticAgreesWithCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        for year in stride(from: 1900, through: 2100, by: 7) {
            for month in 1...12 {
                let day = month == 2 ? 28 : 30
                let parsed = MailDate.parse("\(day) \(months[month - 1]) \(year) 12:00:00 +0000")
                let expected = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))
                XCTAssertEqual(parsed?.instant, expected, "\(year)-\(month)-\(day)")
            }
        }
    }
}
