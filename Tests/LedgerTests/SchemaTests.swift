// The file on disk: migrations, WAL, durability and foreign keys as configured, re-open a no-op.
import Foundation
import GRDB
import Ledger
import XCTest

final class SchemaTests: LedgerTestCase {
    func testOpenCreatesFoldersAndSchema() throws {
        _ = try openLedger()
        XCTAssertTrue(FileManager.default.fileExists(atPath: ledgerPath))
        let tables = try DatabaseQueue(path: ledgerPath).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        XCTAssertEqual(tables, ["audit", "grdb_migrations", "installation", "mailbox", "message", "message_attempt",
                                "message_raw", "outbox", "reinforcement", "request", "request_message", "request_step",
                                "result_import", "session", "session_proposal"])
    }

    func testReopenIsANoOpAndKeepsData() throws {
        do {
            let ledger = try openSeededLedger()
            _ = try openRequest(ledger, uid: 1)
        }
        let before = try Self.dump(ledgerPath)
        let reopened = try openLedger()
        XCTAssertEqual(try Self.dump(ledgerPath), before, "re-open must not migrate or change anything")
        XCTAssertEqual(try reopened.requests().map(\.id.description), ["OCM-2026-0001"])
        XCTAssertEqual(try reopened.mailboxState("aseguramiento")?.uidValidity, 7)
    }

    func testWALFullSyncAndForeignKeys() throws {
        let ledger = try openLedger()
        let mode = try DatabaseQueue(path: ledgerPath).read { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode")
        }
        XCTAssertEqual(mode, "wal")
        XCTAssertTrue(FileManager.default.fileExists(atPath: ledgerPath + "-wal"))
        // synchronous and foreign_keys are per connection: ask through the ledger's own connection.
        XCTAssertEqual(try ledger.pragma("synchronous"), "2", "FULL")
        XCTAssertEqual(try ledger.pragma("foreign_keys"), "1")
        XCTAssertEqual(try ledger.pragma("busy_timeout"), "10000")
    }

    func testSchemaChecksRefuseUnknownStates() throws {
        _ = try openSeededLedger()
        let queue = try DatabaseQueue(path: ledgerPath)
        XCTAssertThrowsError(try queue.write { db in
            try db.execute(sql: """
                INSERT INTO message (mailbox, uid_validity, uid, message_key, has_message_id, state, raw_size,
                                     recorded_at, updated_at)
                VALUES ('aseguramiento', 7, 1, '<x@y>', 1, 'lost', 0, '', '')
                """)
        })
    }

    func testOpenFailureNamesThePath() throws {
        let blocker = directory.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("not a folder".utf8).write(to: blocker)  // the ledger's folder is a file
        XCTAssertThrowsError(try openLedger()) { error in
            guard case let LedgerError.cannotOpen(path, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, self.ledgerPath)
        }
    }

    /// Every row of every table, as text, for before/after comparisons.
    static func dump(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            return try tables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { "\(table) \($0)" }
            }
        }
    }
}
