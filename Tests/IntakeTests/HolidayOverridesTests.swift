import Foundation
import Intake
import XCTest

final class HolidayOverridesTests: XCTestCase {
    static let file = "config/holidays.yaml"

    func testAddMakesADayOff() {
        let overrides = HolidayOverrides(add: [.init(date: day("2026-12-24"), name: "Cierre institucional")])
        let calendar = BusinessCalendar(overrides: overrides)
        XCTAssertFalse(calendar.isBusinessDay(day("2026-12-24")))
        XCTAssertEqual(calendar.businessDays(after: day("2026-12-23"), through: day("2026-12-28")), 1)  // Mon 28
        let added = calendar.holidays(in: 2026).filter(\.isFromConfiguration)
        XCTAssertEqual(added.map(\.name), ["Cierre institucional"])
        XCTAssertEqual(added.first?.rule, .configuration)
        XCTAssertEqual(calendar.holidays(in: 2026).count, 20)
        XCTAssertTrue(BusinessCalendar().isBusinessDay(day("2026-12-24")))
    }

    func testRemoveMakesAHolidayABusinessDay() {
        let calendar = BusinessCalendar(overrides: HolidayOverrides(remove: [day("2026-07-13")]))
        XCTAssertTrue(calendar.isBusinessDay(day("2026-07-13")))
        XCTAssertFalse(calendar.holidays(in: 2026).contains { $0.date == day("2026-07-13") })
        XCTAssertEqual(calendar.holidays(in: 2026).count, 18)
        XCTAssertEqual(calendar.latestRequestDay(businessDaysBefore: 1, target: day("2026-07-13")), day("2026-07-12"))
        XCTAssertEqual(BusinessCalendar().latestRequestDay(businessDaysBefore: 1, target: day("2026-07-13")), day("2026-07-09"))
    }

    /// Overrides outside the precomputed years still apply (slow path).
    func testOverridesOutsidePrecomputedYears() {
        let overrides = HolidayOverrides(add: [.init(date: day("2150-03-03"), name: "X")], remove: [day("2150-01-01")])
        let calendar = BusinessCalendar(overrides: overrides)
        XCTAssertFalse(calendar.isBusinessDay(day("2150-03-03")))
        XCTAssertTrue(calendar.isBusinessDay(day("2150-01-01")))  // a Thursday
    }

    func testParsesValidFiles() throws {
        let cases: [(String, HolidayOverrides)] = [
            ("", .none),
            ("# only comments\n", .none),
            ("add: []\nremove: []\n", .none),
            ("add:\nremove:\n", .none),
            ("""
            # Dates added to or removed from the computed Colombian calendar (OCM edits this file).
            add:
              - date: 2026-12-24
                name: "Cierre institucional"
              - date: "2027-12-24"
                name: '  Cierre  '
            remove:
              - 2026-07-13
            """, HolidayOverrides(add: [.init(date: day("2026-12-24"), name: "Cierre institucional"),
                                        .init(date: day("2027-12-24"), name: "Cierre")],
                                  remove: [day("2026-07-13")])),
            ("add: [{date: 2026-04-01, name: Miércoles Santo}]", HolidayOverrides(add: [.init(date: day("2026-04-01"), name: "Miércoles Santo")])),
        ]
        for (yaml, expected) in cases {
            XCTAssertEqual(try HolidayOverrides(yaml: yaml, file: Self.file), expected, yaml)
        }
    }

    func testShippedConfigFileParses() throws {
        let url = repositoryRoot.appendingPathComponent("config/holidays.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertNoThrow(try HolidayOverrides(yaml: text, file: "config/holidays.yaml"))
    }

    func testErrorsNameFileLineAndKey() {
        let f = Self.file
        let cases: [(yaml: String, error: ConfigError)] = [
            ("add:\n  - date: 2026-12-24\n    name: \"Cierre\"\n  - date: 2026-13-01\n    name: \"X\"\n",
             .invalidValue(file: f, line: 4, key: "date", message: #""2026-13-01" is not a date (yyyy-mm-dd)"#)),
            ("add:\n  - date: 24/12/2026\n    name: X\n",
             .invalidValue(file: f, line: 2, key: "date", message: #""24/12/2026" is not a date (yyyy-mm-dd)"#)),
            ("add: []\nremove:\n  - 2026-02-30\n",
             .invalidValue(file: f, line: 3, key: "remove", message: #""2026-02-30" is not a date (yyyy-mm-dd)"#)),
            ("add: []\nremvoe: []\n",
             .unknownKey(file: f, line: 2, key: "remvoe", allowed: ["add", "remove"])),
            ("add:\n  - date: 2026-12-24\n    nmae: X\n",
             .unknownKey(file: f, line: 3, key: "nmae", allowed: ["date", "name"])),
            ("add: 2026-12-24\n",
             .wrongType(file: f, line: 1, key: "add", expected: "a list", found: #""2026-12-24""#)),
            ("add:\n  - date: 2026-12-24\n    name: [a, b]\n",
             .wrongType(file: f, line: 3, key: "name", expected: "a text", found: "a list")),
            ("add:\n  - 2026-12-24\n",
             .wrongType(file: f, line: 2, key: "add", expected: "a mapping", found: #""2026-12-24""#)),
            ("add:\n  - date:\n    name: X\n",
             .wrongType(file: f, line: 2, key: "date", expected: "a date (yyyy-mm-dd)", found: "nothing")),
            ("- 2026-12-24\n",
             .wrongType(file: f, line: 1, key: "(document)", expected: "a mapping", found: "a list")),
            ("add:\n  - date: 2026-12-24\n",
             .missingKey(file: f, line: 2, key: "name")),
            ("add:\n  - date: 2026-12-24\n    name: \"  \"\n",
             .invalidValue(file: f, line: 3, key: "name", message: "is empty")),
            ("add:\n  - {date: 2026-12-24, name: A}\n  - {date: 2026-12-24, name: B}\n",
             .invalidValue(file: f, line: 3, key: "date", message: "2026-12-24 is added twice (first on line 2)")),
            ("remove:\n  - 2026-07-14\n",
             .invalidValue(file: f, line: 2, key: "remove",
                           message: "2026-07-14 is not a holiday of the computed calendar (nothing to remove)")),
            ("remove: [2026-07-13, 2026-07-13]\n",
             .invalidValue(file: f, line: 1, key: "remove", message: "2026-07-13 is removed twice")),
            ("add:\n  - {date: 2026-07-13, name: A}\nremove:\n  - 2026-07-13\n",
             .invalidValue(file: f, line: 4, key: "remove", message: "2026-07-13 is also under 'add' (line 2)")),
        ]
        for c in cases {
            XCTAssertThrowsError(try HolidayOverrides(yaml: c.yaml, file: f), c.yaml) { error in
                XCTAssertEqual(error as? ConfigError, c.error, c.yaml)
            }
        }
    }

    func testDescriptionReadsAsFileLineKey() {
        let yaml = "# comment\nadd:\n  - name: X\n    date: 2026-13-01\n"
        do {
            _ = try HolidayOverrides(yaml: yaml, file: "config/holidays.yaml")
            XCTFail("accepted a bad date")
        } catch {
            XCTAssertEqual(error.description, #"config/holidays.yaml:4: key 'date': "2026-13-01" is not a date (yyyy-mm-dd)"#)
            XCTAssertEqual(error.key, "date")
            XCTAssertEqual(error.line, 4)
        }
    }

    func testSyntaxErrorsCarryTheLine() {
        let cases: [(String, Int)] = [("add: []\nremove: [2026-07-13\n", 3), ("add:\n  - date: 2026-12-24\n   name: x\n", 3)]
        for (yaml, line) in cases {
            XCTAssertThrowsError(try HolidayOverrides(yaml: yaml, file: "h.yaml"), yaml) { error in
                guard case let .syntax(file, l, message)? = error as? ConfigError else {
                    return XCTFail("not a syntax error: \(error)")
                }
                XCTAssertEqual(file, "h.yaml")
                XCTAssertEqual(l, line, message)
                XCTAssertFalse(message.isEmpty)
            }
        }
    }

    func testDuplicateKeysAreRefused() {
        XCTAssertThrowsError(try HolidayOverrides(yaml: "add: []\nadd: []\n", file: "h.yaml")) { error in
            XCTAssertEqual((error as? ConfigError)?.key, "add", "\(error)")
        }
    }
}
