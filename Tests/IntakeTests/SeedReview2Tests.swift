import Foundation
import MIME
import XCTest
@testable import Intake

/// Fixtures/seed-review-2: round 2 of the seed review, 67 more request mails and 3 threads as ICETEX areas
/// write them (forwards, replies, HTML-only bodies, zip files, SharePoint/OneDrive links, names
/// off the convention, inline tests, "semana del …", holidays), each decided by hand from the
/// seed M5-1-21 before the product read it (`why` in expected.jsonl: the reason from the seed).
/// Same format as round 1 (`SeedReviewTests`), plus `observationsContain`: a word one of the
/// observations must carry (e.g. `linked_material`).
final class SeedReview2Tests: XCTestCase {
    static let folder = RulesTests.packageRoot.appendingPathComponent("Tests/IntakeTests/Fixtures/seed-review-2")
    static let notCompared: Set<String> = ["file", "now", "thread", "why", "observationsContain"]

    func testEveryRoundTwoMailGetsTheVerdictDecidedByHand() throws {
        let inspector = Inspector(rules: try RulesTests.shipped(), calendar: BusinessCalendar())
        var checked = 0, right = 0
        for line in try String(contentsOf: Self.folder.appendingPathComponent("expected.jsonl"), encoding: .utf8).split(separator: "\n") {
            let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let name = try XCTUnwrap(expected["file"] as? String)
            let actual = try inspect(expected, name: name, with: inspector)
            var wrong: [String] = []
            for (key, value) in expected where !Self.notCompared.contains(key)
                && SeedReviewTests.comparable(key, actual[key]) != SeedReviewTests.comparable(key, value) {
                wrong.append("\(key): got \(SeedReviewTests.comparable(key, actual[key])), seed says \(SeedReviewTests.comparable(key, value))")
            }
            if let word = expected["observationsContain"] as? String,
               !((actual["observations"] as? [String]) ?? []).contains(where: { $0.contains(word) }) {
                wrong.append("observations: no \(word) in \(actual["observations"] ?? [])")
            }
            XCTAssertTrue(wrong.isEmpty, "\(name) (\(expected["why"] ?? "")): \(wrong.joined(separator: "; "))")
            checked += 1
            right += wrong.isEmpty ? 1 : 0
        }
        print("seed review round 2: \(right) of \(checked) right")
        XCTAssertGreaterThanOrEqual(checked, 70)
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
}
