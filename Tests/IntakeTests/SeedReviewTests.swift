import Foundation
import MIME
import XCTest
@testable import Intake

/// Fixtures/seed-review: request mails written the way ICETEX areas send them (Outlook tables,
/// forwards, winmail.dat, prose dates, tests inside decks, compressed PDFs, follow-ups), each
/// decided by hand from the seed M5-1-21 before the product read it. One line of
/// expected.jsonl per mail, or per thread (`thread`: the mails oldest first, judged as one
/// request on `now`, the day of the last). `materialDays`: the days of the material rule.
final class SeedReviewTests: XCTestCase {
    static let folder = RulesTests.packageRoot.appendingPathComponent("Tests/IntakeTests/Fixtures/seed-review")

    func testEverySeedReviewMailGetsTheVerdictDecidedByHand() throws {
        let inspector = Inspector(rules: try RulesTests.shipped(), calendar: BusinessCalendar())
        var checked = 0
        for line in try String(contentsOf: Self.folder.appendingPathComponent("expected.jsonl"), encoding: .utf8).split(separator: "\n") {
            let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let name = try XCTUnwrap(expected["file"] as? String)
            let actual = try inspect(expected, name: name, with: inspector)
            for (key, value) in expected where !["file", "now", "thread"].contains(key) {
                XCTAssertEqual(Self.comparable(key, actual[key]), Self.comparable(key, value), "\(name): \(key)")
            }
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 50)
    }

    /// The `inspect --json` object of one mail or thread, plus `materialDays`.
    private func inspect(_ expected: [String: Any], name: String, with inspector: Inspector) throws -> [String: Any] {
        let now = try XCTUnwrap(ISO8601DateFormatter().date(from: try XCTUnwrap(expected["now"] as? String)), name)
        let files = (expected["thread"] as? [String]) ?? [name]
        let messages = try files.map { MessageParser.parse([UInt8](try Data(contentsOf: Self.folder.appendingPathComponent($0)))) }
        let inspection = files.count == 1
            ? inspector.inspect(messages[0], file: name, now: now)
            : inspector.inspect(thread: messages, file: name, now: now)
        var actual = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(inspection)) as? [String: Any])
        actual["materialDays"] = inspection.deadlines?.first { $0.rule.contains("material") }?.days
        return actual
    }

    /// `missing` is a set (its order is the reply's, not the verdict's); the rest as JSON.
    static func comparable(_ key: String, _ value: Any?) -> String {
        if key == "missing", let list = value as? [String] { return ExampleMailsTests.canonical(list.sorted()) }
        return ExampleMailsTests.canonical(value)
    }
}
