import Foundation
import Ledger
import XCTest

/// Containment (issue 5/9): attempts that start and never finish are counted per message and
/// survive reopening the ledger (a crash or a kill in between).
final class AttemptTests: LedgerTestCase {
    func testUnfinishedAttemptsAreCountedUntilOneFinishes() throws {
        var ledger: Ledger? = try openSeededLedger()
        let raw = Data("From: a@icetex.gov.co\r\nSubject: x\r\n\r\ncuerpo\r\n".utf8)
        let seen = try ledger!.recordMessage(mailbox: "aseguramiento", uidValidity: 7, uid: 1, messageID: "<a@x>", raw: raw)
        XCTAssertEqual(try ledger!.beginAttempt(seen.rowID), 0, "first attempt")
        ledger = nil  // the process dies in the middle
        ledger = try openLedger()
        XCTAssertEqual(try ledger!.beginAttempt(seen.rowID), 1, "tried once more")
        ledger = try openLedger()
        XCTAssertEqual(try ledger!.beginAttempt(seen.rowID), Ledger.maxUnfinishedAttempts, "now quarantine")
        try ledger!.finishAttempt(seen.rowID)
        XCTAssertEqual(try ledger!.beginAttempt(seen.rowID), 0, "a finished attempt clears the count")
        let other = try ledger!.recordMessage(mailbox: "aseguramiento", uidValidity: 7, uid: 2, messageID: "<b@x>", raw: raw)
        XCTAssertEqual(try ledger!.beginAttempt(other.rowID), 0, "per message")
    }
}
