// What keeps a lost or shared ledger from silently answering mail again: the outbox table, the
// open modes, the integrity check, the lock, the installation id.
import Foundation
import GRDB
import Ledger
import XCTest

final class LedgerSafetyTests: LedgerTestCase {
    func testOutboxMovesFollowTheTable() throws {
        let ledger = try openSeededLedger()
        let request = try openRequest(ledger, uid: 1)
        let entry = try ledger.enqueueReply(request: request.id, revision: 1, reply: Self.reply(request.id, 1))
        XCTAssertThrowsError(try ledger.markDelivered(entry.id), "pending → delivered skips the attempt")
        try ledger.markDelivering(entry.id)
        // Measured on main: `hold` accepted only pending entries, so a delivering SMTP entry stayed in doubt forever.
        XCTAssertEqual(try ledger.hold(entry.id, reason: "outcome unknown").status, .held)
        XCTAssertEqual(try ledger.outboxEntry(entry.id)?.lastError, "outcome unknown")
        XCTAssertThrowsError(try ledger.markDelivering(entry.id), "a held reply is never sent by itself")
        XCTAssertEqual(try ledger.requeue(entry.id).status, .pending)
        XCTAssertEqual(try ledger.outboxEntry(entry.id)?.attempts, 0)
        try ledger.markDelivering(entry.id)
        try ledger.markDelivered(entry.id)
        XCTAssertThrowsError(try ledger.discard(entry.id, reason: "late"))
        XCTAssertThrowsError(try ledger.requeue(entry.id))
        for status in OutboxStatus.allCases where status == .delivered || status == .discarded {
            XCTAssertEqual(status.next, [], "\(status) is final")
        }
    }

    func testEnvelopeIsStoredWithTheEntry() throws {
        let ledger = try openSeededLedger()
        let request = try openRequest(ledger, uid: 1)
        var reply = Self.reply(request.id, 1)
        reply.envelope = OutboxEnvelope(from: "aseguramientoocm@icetex.gov.co", recipients: ["ana@icetex.gov.co", "formacionocm@icetex.gov.co"])
        let entry = try ledger.enqueueReply(request: request.id, revision: 1, reply: reply)
        XCTAssertEqual(try openLedger().outboxEntry(entry.id)?.envelope, reply.envelope)
    }

    func testMissingEmptyOrForeignLedgerIsRefusedNotCreated() throws {
        XCTAssertThrowsError(try Ledger(path: ledgerPath, create: false)) { error in
            XCTAssertEqual(error as? LedgerError, .missing(path: ledgerPath))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: ledgerPath))
        try FileManager.default.createDirectory(atPath: (ledgerPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: ledgerPath, contents: Data())
        XCTAssertThrowsError(try Ledger(path: ledgerPath, create: false)) { error in
            XCTAssertEqual(error as? LedgerError, .empty(path: ledgerPath))
        }
        try FileManager.default.removeItem(atPath: ledgerPath)
        try DatabaseQueue(path: ledgerPath).write { try $0.execute(sql: "CREATE TABLE other (x)") }
        XCTAssertThrowsError(try Ledger(path: ledgerPath, create: false)) { error in
            XCTAssertEqual(error as? LedgerError, .notALedger(path: ledgerPath))
        }
    }

    func testEachNewLedgerHasItsOwnInstallationID() throws {
        let first = try openLedger().installationID()
        XCTAssertEqual(first.count, 10)
        XCTAssertEqual(try Ledger(path: ledgerPath, create: false).installationID(), first, "kept on reopen")
        let other = directory.appendingPathComponent("other.sqlite").path
        XCTAssertNotEqual(try Ledger(path: other).installationID(), first)
    }

    func testIntegrityCheckFindsGarbage() throws {
        try {
            let ledger = try openSeededLedger()
            for uid in UInt32(1)...40 { _ = try openRequest(ledger, uid: uid) }
            try ledger.checkIntegrity()
        }()  // closed: SQLite checkpoints the WAL into the file
        let size = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: ledgerPath)[.size] as? Int)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: ledgerPath))
        try handle.seek(toOffset: UInt64(size / 2))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 16 * 1024))
        try handle.close()
        XCTAssertThrowsError(try Ledger(path: ledgerPath, create: false).checkIntegrity()) { error in
            guard case .corrupt = error as? LedgerError else { return XCTFail("\(error)") }
        }
    }

    func testSecondLockIsRefusedWithTheHoldersPID() throws {
        _ = try openLedger()
        let lock = try LedgerLock.acquire(ledgerPath: ledgerPath)
        // flock locks belong to the open file description: a second open in this process conflicts too.
        XCTAssertThrowsError(try LedgerLock.acquire(ledgerPath: ledgerPath)) { error in
            XCTAssertEqual(error as? LedgerError, .locked(path: ledgerPath, pid: getpid()))
        }
        withExtendedLifetime(lock) {}
    }

    func testAttentionListsHeldFailedRateLimitedAndStuck() throws {
        let ledger = try openSeededLedger()
        let request = try openRequest(ledger, uid: 1)  // left recibida
        let entry = try ledger.enqueueReply(request: request.id, revision: 1, reply: Self.reply(request.id, 1))
        try ledger.markDelivering(entry.id)
        try ledger.markFailed(entry.id, error: "no such folder", transient: false)
        let limited = try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: 7, uid: 2, messageID: "<rl@x>", raw: Self.mail(messageID: "<rl@x>"))
        try ledger.markSkipped(limited.rowID, reason: "rate_limited")
        _ = try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: 7, uid: 3, messageID: "<st@x>", raw: Self.mail(messageID: "<st@x>"))
        XCTAssertEqual(try ledger.attention(stuckBefore: clock.now()).stuck, [], "nothing older than a cycle yet")
        clock.advance(600)
        let attention = try ledger.attention(stuckBefore: clock.now().addingTimeInterval(-300))
        XCTAssertEqual(attention.failed.map(\.id), [entry.id])
        XCTAssertEqual(attention.rateLimited, 1)
        XCTAssertEqual(attention.stuck.count, 2, "\(attention.stuck)")
        XCTAssertTrue(attention.stuck.contains { $0.hasPrefix("message aseguramiento/3 stored") }, "\(attention.stuck)")
        XCTAssertTrue(attention.stuck.contains { $0.hasPrefix("request OCM-2026-0001 recibida") }, "\(attention.stuck)")
    }
}
