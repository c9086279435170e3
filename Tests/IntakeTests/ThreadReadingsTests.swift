import Foundation
import MIME
import XCTest
@testable import Intake

/// `Inspector.inspect(readings:first:…)`, which the daemon uses so a follow-up reads only itself,
/// gives the same inspection as `inspect(thread:)` reading every mail again: on every thread of
/// the seed review (and every two-mail prefix of one), byte for byte as JSON.
final class ThreadReadingsTests: XCTestCase {
    func testReadingsGiveTheSameInspectionAsTheWholeThread() throws {
        let inspector = Inspector(rules: try RulesTests.shipped(), calendar: BusinessCalendar())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var threads = 0
        for line in try String(contentsOf: SeedReviewTests.folder.appendingPathComponent("expected.jsonl"), encoding: .utf8)
            .split(separator: "\n") {
            let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard let files = expected["thread"] as? [String], files.count > 1 else { continue }
            let now = try XCTUnwrap(ISO8601DateFormatter().date(from: try XCTUnwrap(expected["now"] as? String)))
            let messages = try files.map {
                MessageParser.parse([UInt8](try Data(contentsOf: SeedReviewTests.folder.appendingPathComponent($0))))
            }
            for count in 2...messages.count {
                let mails = Array(messages.prefix(count))
                let whole = inspector.inspect(thread: mails, file: "t", now: now, requestedAt: now.addingTimeInterval(-86_400 * 9))
                let read = inspector.inspect(readings: mails.map(inspector.reader.read), first: mails[0], file: "t", now: now,
                                             requestedAt: now.addingTimeInterval(-86_400 * 9))
                XCTAssertEqual(String(decoding: try encoder.encode(read), as: UTF8.self),
                               String(decoding: try encoder.encode(whole), as: UTF8.self), "\(files.prefix(count))")
            }
            threads += 1
        }
        XCTAssertGreaterThanOrEqual(threads, 2)
        let empty = inspector.inspect(readings: [], first: MessageParser.parse(Array("Subject: x\r\n\r\n".utf8)), file: "t", now: Date())
        XCTAssertNil(empty.verdict)
    }
}
