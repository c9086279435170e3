import Foundation
import MIME
import XCTest
@testable import Intake

/// The 8 mails of ../shared/examples give exactly the fields of their expected.jsonl.
final class ExampleMailsTests: XCTestCase {
    static let examples = RulesTests.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/examples")

    func testEveryExampleMatchesItsExpectedVerdict() throws {
        let expectedFile = Self.examples.appendingPathComponent("expected.jsonl")
        guard FileManager.default.fileExists(atPath: expectedFile.path) else {
            throw XCTSkip("NOTICE: ../shared/examples is absent; the example verdicts are not checked")
        }
        let rules = try RulesTests.shipped()
        let inspector = Inspector(rules: rules, calendar: BusinessCalendar(), wording: ShippedWording.observations)
        let encoder = JSONEncoder()
        var checked = 0
        for line in try String(contentsOf: expectedFile, encoding: .utf8).split(separator: "\n") {
            let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let file = try XCTUnwrap(expected["file"] as? String)
            let now = try XCTUnwrap(ISO8601DateFormatter().date(from: try XCTUnwrap(expected["now"] as? String)))
            let bytes = [UInt8](try Data(contentsOf: Self.examples.appendingPathComponent(file)))
            let inspection = inspector.inspect(MessageParser.parse(bytes), file: file, now: now)
            let actual = try XCTUnwrap(JSONSerialization.jsonObject(with: encoder.encode(inspection)) as? [String: Any])
            for (key, value) in expected where key != "now" {
                XCTAssertEqual(Self.canonical(actual[key]), Self.canonical(value), "\(file): \(key)")
            }
            checked += 1
        }
        XCTAssertEqual(checked, 8)
    }

    /// JSON values compared as their serialised form (numbers, nulls and arrays alike).
    static func canonical(_ value: Any?) -> String {
        guard let value, !(value is NSNull) else { return "null" }
        if let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys]) {
            return String(decoding: data, as: UTF8.self)
        }
        return "\(value)"
    }
}
