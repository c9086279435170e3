// Migration "v2-requiere-revision": a v1 ledger with requests keeps them, their messages and
// their links, and then accepts the new state; a new ledger gets it directly.
import Foundation
import GRDB
@testable import Ledger
import XCTest

final class RequiereRevisionMigrationTests: LedgerTestCase {
    func testV1LedgerIsRebuiltWithItsDataAndAcceptsTheState() throws {
        // A ledger as v1 left it, with a request opened and replied to.
        var id: RequestID
        do {
            let ledger = try openSeededLedger()
            id = try openRequest(ledger, uid: 1).id
        }
        let queue = try DatabaseQueue(path: ledgerPath)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            // Keep request_message pointing at "request" while the fixture swaps the table.
            try db.execute(sql: "PRAGMA legacy_alter_table = ON")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v2-requiere-revision'")
            try db.execute(sql: "ALTER TABLE request RENAME TO request_v2")
            let v1 = try XCTUnwrap(LedgerMigrations.v1.first { $0.contains("CREATE TABLE request (") })
            try db.execute(sql: v1)
            try db.execute(sql: "INSERT INTO request SELECT * FROM request_v2")
            try db.execute(sql: "DROP TABLE request_v2")
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS request_by_state ON request(state)")
        }
        let before = try queue.read { db in try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'request'") }
        XCTAssertFalse(before?.contains("requiere_revision") ?? true, "the fixture is a v1 table")
        try queue.close()

        let ledger = try openLedger()
        let after = try DatabaseQueue(path: ledgerPath).read { db in
            (try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'request'") ?? "",
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'request' AND sql IS NOT NULL"),
             try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count)
        }
        XCTAssertTrue(after.0.contains("'viable', 'requiere_revision', 'programada'"), after.0)
        XCTAssertEqual(after.1, ["request_by_state"])
        XCTAssertEqual(after.2, 0, "no dangling foreign key")
        XCTAssertEqual(try ledger.requests().map(\.id), [id])
        XCTAssertEqual(try ledger.messages(of: id).count, 1)
        let moved = try ledger.moveRequest(id, to: .requiereRevision, reason: "área no identificada")
        XCTAssertEqual(moved.state, .requiereRevision)
        XCTAssertEqual(try ledger.requests(state: .requiereRevision).map(\.id), [id])
    }

    func testNewLedgerHasTheStateAndStillRefusesUnknownOnes() throws {
        let ledger = try openSeededLedger()
        let request = try openRequest(ledger, uid: 1)
        XCTAssertEqual(try ledger.moveRequest(request.id, to: .requiereRevision, reason: "tipo no identificado").state, .requiereRevision)
        XCTAssertThrowsError(try DatabaseQueue(path: ledgerPath).write { db in
            try db.execute(sql: "UPDATE request SET state = 'perdida'")
        })
    }
}
