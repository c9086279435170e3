// The ledger grows with requests, not bytes (issue 11): a duplicate stores no raw bytes, raw
// messages are dropped after the retention (unfinished ones never), and the size is reported.
import Foundation
import Ledger
import XCTest

final class RawRetentionTests: LedgerTestCase {
    func testADuplicateStoresNoBytesAndReadsTheFirstCopy() throws {
        let ledger = try openSeededLedger()
        let big = Self.mail(messageID: "<big@icetex.gov.co>") + Data(repeating: 0x41, count: 3_000_000)
        let first = try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: 7, uid: 1, messageID: "<big@icetex.gov.co>", raw: big)
        let afterFirst = try ledger.size()
        let second = try ledger.recordMessage(mailbox: "formacion", uidValidity: 3, uid: 1, messageID: "<big@icetex.gov.co>", raw: big)
        let afterSecond = try ledger.size()
        XCTAssertEqual(second.duplicateOf, first.rowID)
        XCTAssertEqual(try ledger.rawBytes(second.rowID), [UInt8](big))
        XCTAssertEqual(afterFirst.rawMessages, 1)
        XCTAssertEqual(afterSecond.rawMessages, 1, "the duplicate has no bytes of its own")
        XCTAssertEqual(afterSecond.rawBytes, Int64(big.count))
        XCTAssertLessThan(afterSecond.bytes - afterFirst.bytes, 1_000_000, "the second copy did not grow the ledger by 3 MB")
        XCTAssertGreaterThan(afterFirst.bytes, 3_000_000, "the size counts the file and its WAL")
    }

    func testRawBytesAreDroppedAfterTheRetentionButNeverWhileUnfinished() throws {
        let ledger = try openSeededLedger()
        let old = try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: 7, uid: 1, messageID: "<old@x>",
                                           raw: Self.mail(messageID: "<old@x>"))
        try ledger.markSkipped(old.rowID, reason: "auto_reply")
        let unfinished = try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: 7, uid: 2, messageID: "<stored@x>",
                                                  raw: Self.mail(messageID: "<stored@x>"))
        clock.advance(181 * 86_400)
        let recent = try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: 7, uid: 3, messageID: "<new@x>",
                                              raw: Self.mail(messageID: "<new@x>"))
        try ledger.markSkipped(recent.rowID, reason: "auto_reply")
        let cutoff = clock.now().addingTimeInterval(-180 * 86_400)
        XCTAssertEqual(try ledger.dropRawMessages(recordedBefore: cutoff), 1)
        XCTAssertEqual(try ledger.dropRawMessages(recordedBefore: cutoff), 0, "nothing left to drop")
        XCTAssertThrowsError(try ledger.rawBytes(old.rowID)) { error in
            guard case LedgerError.rawMessageDropped(let rowID) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(rowID, old.rowID)
        }
        XCTAssertNil(try ledger.keptRawBytes(old.rowID))
        XCTAssertEqual(try ledger.message(old.rowID)?.state, .skipped, "the row and its history stay")
        XCTAssertEqual(try ledger.rawBytes(unfinished.rowID), [UInt8](Self.mail(messageID: "<stored@x>")),
                       "a message not handled yet keeps its bytes, however old")
        XCTAssertNotNil(try ledger.keptRawBytes(recent.rowID))
        XCTAssertEqual(try ledger.size().rawMessages, 2)
    }
}
