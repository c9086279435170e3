import Foundation
import XCTest
@testable import MailTransport

/// The pure pieces behind polling by EXAMINE and reading arrival times (issue 7 items 0, 4, 6).
final class ArrivalPiecesTests: XCTestCase {
    func testInternalDateParsesWithZoneAndPaddedDay() {
        XCTAssertEqual(IMAPDate.parse("02-Dec-2026 11:18:03 +0000")?.timeIntervalSince1970, 1_796_210_283)
        XCTAssertEqual(IMAPDate.parse(" 2-Dec-2026 06:18:03 -0500")?.timeIntervalSince1970, 1_796_210_283)
        XCTAssertEqual(IMAPDate.parse("29-Feb-2028 23:59:59 +0130")?.timeIntervalSince1970, 1_835_481_599 - 5400)
        XCTAssertNil(IMAPDate.parse("2026-12-02 11:18:03"))
        XCTAssertNil(IMAPDate.parse("02-Foo-2026 11:18:03 +0000"))
        XCTAssertNil(IMAPDate.parse("32-Dec-2026 11:18:03 +0000"))
    }

    func testSearchDayIsTheUTCDay() {
        XCTAssertEqual(IMAPDate.searchDay(Date(timeIntervalSince1970: 1_796_210_283)), "2-Dec-2026")
        XCTAssertEqual(IMAPDate.searchDay(Date(timeIntervalSince1970: 0)), "1-Jan-1970")
        XCTAssertEqual(IMAPDate.searchDay(Date(timeIntervalSince1970: 1_835_481_599)), "29-Feb-2028")
    }

    func testExaminedTakesTheLastValuesAndNeedsAllThree() {
        let lines = ["* FLAGS (\\Answered \\Seen)", "* 3 EXISTS", "* 0 RECENT", "* OK [UIDVALIDITY 111] UIDs valid", "* OK [UIDNEXT 4] Predicted",
                     "A003 OK [READ-WRITE] Select completed.",
                     "* 5 EXISTS", "* OK [UIDVALIDITY 222] UIDs valid", "* OK [UIDNEXT 9] Predicted next UID", "A004 OK [READ-ONLY] Examine completed."]
        XCTAssertEqual(IMAPResponse.examined(in: lines), MailboxStatus(uidValidity: 222, uidNext: 9, messages: 5))
        XCTAssertNil(IMAPResponse.examined(in: ["* 5 EXISTS", "* OK [UIDVALIDITY 222] x"]), "no UIDNEXT: no status")
    }

    func testInternalDatesInAnyItemOrderSkippingOtherLines() {
        let lines = ["* 1 FETCH (UID 7 INTERNALDATE \"02-Dec-2026 11:18:03 +0000\")",
                     "* 2 FETCH (INTERNALDATE \" 3-Dec-2026 00:00:00 +0000\" UID 9)",
                     "* 4 EXISTS", "* 3 FETCH (UID 10 FLAGS (\\Seen))"]
        let dates = IMAPResponse.internalDates(in: lines)
        XCTAssertEqual(dates.count, 2)
        XCTAssertEqual(dates[7]?.timeIntervalSince1970, 1_796_210_283)
        XCTAssertEqual(dates[9]?.timeIntervalSince1970, 1_796_256_000)
    }

    func testUIDSetsCompressRunsAndStayBounded() {
        XCTAssertEqual(IMAPCommand.uidSets([9, 1, 2, 3, 5, 12, 13, 3]), ["1:3,5,9,12:13"])
        XCTAssertEqual(IMAPCommand.uidSets([]), [])
        let sets = IMAPCommand.uidSets(Array(1...1200).map { UInt32($0 * 2) })
        XCTAssertEqual(sets.count, 12, "100 UIDs per command")
    }

    /// Outcome unknown only when the whole message was handed over and no reply to it came back.
    func testOutcomeUnknownOnlyAfterTheDataWithoutAReply() {
        func error(_ code: Int, reply: String?, finished: Bool) -> MailSendError {
            var curl = CurlError(code: code, message: "x", serverResponse: reply)
            curl.uploadFinished = finished
            return MailSendError(server: "s", reason: .transfer(curl))
        }
        XCTAssertTrue(error(56, reply: "354 End data with <CR><LF>.<CR><LF>", finished: true).outcomeUnknown)
        XCTAssertTrue(error(28, reply: nil, finished: true).outcomeUnknown)
        XCTAssertFalse(error(56, reply: "354 End data", finished: false).outcomeUnknown, "lost before the final dot: not delivered")
        XCTAssertFalse(error(8, reply: "451 4.3.0 try later", finished: true).outcomeUnknown, "a reply to the data is known")
        XCTAssertFalse(error(55, reply: "554 5.7.1 refused", finished: true).outcomeUnknown)
        XCTAssertFalse(error(67, reply: "535 auth", finished: false).outcomeUnknown)
    }

    func testTransferLimitGrowsWithSize() {
        let limits = TransferLimits(base: .seconds(10), perMiB: .seconds(4))
        XCTAssertEqual(limits.allowed(bytes: 0), 10)
        XCTAssertEqual(limits.allowed(bytes: 3 * 1_048_576), 22)
    }
}
