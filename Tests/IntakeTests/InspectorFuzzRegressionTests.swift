import Foundation
import MIME
import XCTest
@testable import Intake

/// What `Fuzz/inspector.swift` does to each input, replayed on every finding of that target
/// (`Fixtures/fuzz/inspector/`, written by `scripts/fuzz inspector`): the bytes as a mail through
/// the whole `Inspector` with the shipped rules and templates, both ways to the request day, and
/// the `inspect --json` encoding. A crash or trap fails the run; each must give a verdict.
final class InspectorFuzzRegressionTests: XCTestCase {
    static let folder = FuzzRegressionTests.fixtures.appendingPathComponent("fuzz/inspector")
    let inspector = Inspector(rules: try! RulesTests.shipped(), calendar: BusinessCalendar(), wording: ShippedWording.observations)
    let now = Date(timeIntervalSince1970: 1_780_326_000)

    func testInspectorFindingsStayFixed() throws {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: Self.folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name)))
            for day in [now, nil] {
                let inspection = inspector.inspect(MessageParser.parse(bytes), file: name, now: day, arrival: now)
                XCTAssertNotNil(inspection.reply, name)
                XCTAssertNoThrow(try JSONEncoder().encode(inspection), name)
            }
        }
    }

    /// The fuzz entry's own path on inputs that reach far: every seed-review mail of both rounds,
    /// cut short at a few places (a truncated upload), is judged without a crash.
    func testTruncatedRequestMailsAreJudged() throws {
        for folder in [SeedReviewTests.folder, SeedReview2Tests.folder] {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".eml") }).sorted().prefix(6) {
                let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
                for cut in [bytes.count / 3, bytes.count / 2, bytes.count - 7] where cut > 0 {
                    let inspection = inspector.inspect(MessageParser.parse(Array(bytes[..<cut])), file: name, now: now)
                    XCTAssertNotNil(inspection.reply, "\(name) cut at \(cut)")
                }
            }
        }
    }
}
