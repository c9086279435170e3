import Foundation
import XCTest
@testable import MailTransport

/// Server replies are hostile input (issue 7 item 4's fuzz target `imapreplies`): every reader
/// returns a value or nil, never traps. The inputs that trapped before, and every finding of the
/// fuzz target (`Tests/IntakeTests/Fixtures/fuzz/imapreplies/`, written by `scripts/fuzz`), replay here.
final class ServerReplyReadersTests: XCTestCase {
    /// Uppercasing "ﬆ" gives "ST": an index found in `line.uppercased()` used on `line` pointed past
    /// its end (LIST trapped on a range with its lower bound after its upper).
    func testLigaturesDoNotShiftIndexes() {
        XCTAssertNil(IMAPResponse.listEntry("* LIﬆ ()"))
        XCTAssertNil(IMAPResponse.listEntry("* LIﬆ () \"/\" Drafts"))
        XCTAssertEqual(IMAPResponse.listEntry("* list (\\Drafts) \"/\" \"Borradores\"")?.name, "Borradores")
        let dates = IMAPResponse.internalDates(in: ["* 1 FETCH (ﬆﬆﬆﬆ UID 7 INTERNALDATE \"02-Dec-2026 11:18:03 +0000\")"])
        XCTAssertEqual(dates[7]?.timeIntervalSince1970, 1_796_210_283)
        XCTAssertEqual(IMAPResponse.internalDates(in: ["* 1 FETCH (UID ٣ INTERNALDATE \"02-Dec-2026 11:18:03 +0000\")"]), [:],
                       "a UID is ASCII digits only")
    }

    /// A year past Int's reach overflowed the day count (a trap).
    func testAbsurdYearsAreRefused() {
        XCTAssertNil(IMAPDate.parse("02-Dec-9223372036854775807 11:18:03 +0000"))
        XCTAssertNil(IMAPDate.parse("02-Dec-0 11:18:03 +0000"))
        XCTAssertNotNil(IMAPDate.parse("31-Dec-9999 23:59:59 -9959"))
    }

    func testMessageSizeIsReadFromItsFetchLine() {
        XCTAssertEqual(IMAPResponse.messageSize(in: ["* 4 FETCH (UID 9 RFC822.SIZE 52428800)", "A1 OK done"]), 52_428_800)
        XCTAssertNil(IMAPResponse.messageSize(in: ["* 4 FETCH (UID 9 RFC822.SIZE )", "A1 OK RFC822.SIZE 5"]))
    }

    func testEveryReaderReadsTheSeeds() throws {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/seeds/imapreplies")
        var total = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) {
            total += ServerReplyReaders.readAll([UInt8](try Data(contentsOf: seeds.appendingPathComponent(name))))
        }
        XCTAssertGreaterThan(total, 15, "the seeds exercise the readers")
    }

    func testFuzzFindingsStayFixed() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("IntakeTests/Fixtures/fuzz/imapreplies")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { !$0.hasPrefix(".") } ?? []
        for name in names.sorted() {
            _ = ServerReplyReaders.readAll([UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
        }
    }
}
