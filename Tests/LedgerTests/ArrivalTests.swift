// message.arrived_at (migration "v2-arrival"): when the mail reached OCM, kept across reopen.
import Foundation
import Ledger
import XCTest

final class ArrivalTests: LedgerTestCase {
    func testArrivalIsStoredAndReadBackAndRecordedUIDsArePerUIDValidity() throws {
        let arrived = Date(timeIntervalSince1970: 1_780_000_000)
        do {
            let ledger = try openSeededLedger()
            let raw = Data("From: a@icetex.gov.co\r\nSubject: x\r\n\r\nbody\r\n".utf8)
            let seen = try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: 7, uid: 9, messageID: "<arr@icetex.gov.co>",
                                                raw: raw, arrivedAt: arrived)
            XCTAssertEqual(seen.arrivedAt, arrived)
            let unknown = try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: 7, uid: 10, messageID: "<arr2@icetex.gov.co>", raw: raw)
            XCTAssertNil(unknown.arrivedAt)
        }
        let reopened = try openLedger()
        XCTAssertEqual(try reopened.unfinishedMessages().first { $0.uid == 9 }?.arrivedAt, arrived)
        XCTAssertEqual(try reopened.recordedUIDs(mailbox: "aseguramiento", uidValidity: 7), [9, 10])
        XCTAssertEqual(try reopened.recordedUIDs(mailbox: "aseguramiento", uidValidity: 8), [])
    }
}
