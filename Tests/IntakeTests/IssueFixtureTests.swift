import Foundation
import MIME
import XCTest
@testable import Intake

/// Tests/Fixtures/issue9: a plain mail for each finding of issue 9, written from its description,
/// and the verdict an OCM professional gives it (expected.jsonl). Keys are those of
/// `inspect --json`, plus a few read from the plan and the deadlines.
final class IssueFixtureTests: XCTestCase {
    static let folder = RulesTests.packageRoot.appendingPathComponent("Tests/Fixtures/issue9")

    func testEveryFindingMailGetsItsVerdict() throws {
        let inspector = Inspector(rules: try RulesTests.shipped(), calendar: BusinessCalendar(), wording: ShippedWording.observations)
        let encoder = JSONEncoder()
        var checked = 0
        for line in try String(contentsOf: Self.folder.appendingPathComponent("expected.jsonl"), encoding: .utf8).split(separator: "\n") {
            let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let file = try XCTUnwrap(expected["file"] as? String)
            let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(file)))
            // The request day is the mail's Date header.
            let inspection = inspector.inspect(MessageParser.parse(bytes), file: file, now: nil)
            var actual = try XCTUnwrap(JSONSerialization.jsonObject(with: encoder.encode(inspection)) as? [String: Any])
            actual["planAchievable"] = inspection.plan?.achievable
            actual["planShortfall"] = inspection.plan?.shortfall?.activity
            actual["earliestProductionDate"] = inspection.plan?.earliestProductionDate.description
            actual["deadlineRules"] = inspection.deadlines?.map(\.rule)
            actual["deadlinesMet"] = inspection.deadlines?.map(\.met)
            let material = inspection.deadlines?.first { $0.rule.contains("material") }
            actual["materialDays"] = material?.days
            actual["materialMet"] = material?.met
            for (key, value) in expected where key != "file" {
                XCTAssertEqual(ExampleMailsTests.canonical(actual[key]), ExampleMailsTests.canonical(value), "\(file): \(key)")
            }
            checked += 1
        }
        XCTAssertEqual(checked, 8)
    }
}
