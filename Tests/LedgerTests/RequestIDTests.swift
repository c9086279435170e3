// OCM-YYYY-NNNN: per-year numbering without gaps or duplicates, also under concurrency.
import Foundation
import Ledger
import XCTest

final class RequestIDTests: LedgerTestCase {
    func testFormatAndParse() {
        XCTAssertEqual(RequestID(year: 2026, number: 1).description, "OCM-2026-0001")
        XCTAssertEqual(RequestID(year: 2026, number: 12345).description, "OCM-2026-12345")
        XCTAssertEqual(RequestID("OCM-2026-0042"), RequestID(year: 2026, number: 42))
        XCTAssertEqual(RequestID("ocm-2026-0042"), RequestID(year: 2026, number: 42))
        for bad in ["OCM-2026-42", "OCM-26-0001", "OCM-2026-0000", "OCM-2026-+001", "XYZ-2026-0001", "OCM-2026-0001-1", ""] {
            XCTAssertNil(RequestID(bad), bad)
        }
    }

    func testNumbersFollowEachOtherAndRestartEachYear() throws {
        let ledger = try openSeededLedger()
        let ids = try (1...3).map { try openRequest(ledger, uid: UInt32($0)).id.description }
        XCTAssertEqual(ids, ["OCM-2026-0001", "OCM-2026-0002", "OCM-2026-0003"])
        XCTAssertEqual(try openRequest(ledger, uid: 4, year: 2027).id.description, "OCM-2027-0001")
        XCTAssertEqual(try openRequest(ledger, uid: 5, year: 2026).id.description, "OCM-2026-0004")
        XCTAssertEqual(try openRequest(ledger, uid: 6, year: 2027).id.description, "OCM-2027-0002")
    }

    func testOpeningTwiceForOneMessageAllocatesOnce() throws {
        let ledger = try openSeededLedger()
        let first = try openRequest(ledger, uid: 1)
        let again = try ledger.openRequest(for: first.originMessage, year: 2026)
        XCTAssertEqual(again.id, first.id)
        XCTAssertEqual(try openRequest(ledger, uid: 2).id.description, "OCM-2026-0002", "no number burnt by the re-run")
    }

    func testFailedOpenBurnsNoNumber() throws {
        let ledger = try openSeededLedger()
        let stored = try ledger.recordMessage(
            mailbox: "aseguramiento", uidValidity: 7, uid: 1, messageID: "<a@x>", raw: Self.mail(messageID: "<a@x>"))
        XCTAssertThrowsError(try ledger.openRequest(for: stored.rowID, year: 2026), "not parsed yet")
        XCTAssertEqual(try openRequest(ledger, uid: 2).id.description, "OCM-2026-0001")
    }

    func testConcurrentAllocationFromTwoTasksAndTwoConnections() async throws {
        let ledger = try openSeededLedger()
        let other = try openLedger()  // a second pool on the same file, as a CLI command would open
        let perTask = 25
        let messages = try (1...(2 * perTask)).map { uid -> Int64 in
            let id = "<c\(uid)@x>"
            let m = try ledger.recordMessage(
                mailbox: "aseguramiento", uidValidity: 7, uid: UInt32(uid), messageID: id, raw: Self.mail(messageID: id))
            return try ledger.markParsed(m.rowID).rowID
        }
        async let a = Task.detached {
            try messages.prefix(perTask).map { try ledger.openRequest(for: $0, year: 2026).id }
        }.value
        async let b = Task.detached {
            try messages.suffix(perTask).map { try other.openRequest(for: $0, year: 2026).id }
        }.value
        let all = try await a + b
        XCTAssertEqual(Set(all).count, 2 * perTask, "no duplicates")
        XCTAssertEqual(all.map(\.number).sorted(), Array(1...(2 * perTask)), "no gaps")
    }
}
