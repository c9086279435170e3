// A message's bytes move through a 16-page cache (issue 11, memory); the connection's own cache
// size comes back afterwards, and the bytes are exactly what was recorded.
import Foundation
import Ledger
import XCTest

final class RawMessageBlobTests: LedgerTestCase {
    func testBytesRoundTripAndTheCacheSizeComesBack() throws {
        let ledger = try openSeededLedger()
        let before = try ledger.pragma("cache_size")
        var big = Self.mail(messageID: "<blob@icetex.gov.co>")
        big += Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) })
        let seen = try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: 7, uid: 1, messageID: "<blob@icetex.gov.co>", raw: big)
        XCTAssertEqual(try ledger.rawBytes(seen.rowID), [UInt8](big))
        XCTAssertEqual(try ledger.pragma("cache_size"), before)
        XCTAssertEqual(before, "-2000", "SQLite's default: 2,000 KiB")
    }
}
