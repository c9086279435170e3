import GRDB

extension LedgerMigrations {
    /// Rebuilds `request` with `state` allowed in its CHECK, right after `after` in the list:
    /// the 12-step table change of https://sqlite.org/lang_altertable.html, driven by the
    /// table's stored SQL so that columns and indexes added by other migrations are kept.
    static func addRequestState(_ db: Database, _ state: String, after: String) throws {
        guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'request'") else {
            throw DatabaseError(message: "no request table to migrate")
        }
        guard !sql.contains("'\(state)'") else { return }
        let old = "'\(after)',"
        guard let range = sql.range(of: old), let create = sql.range(of: "CREATE TABLE request") else {
            throw DatabaseError(message: "request table definition not recognised: \(sql)")
        }
        var rebuilt = sql
        rebuilt.replaceSubrange(range, with: "'\(after)', '\(state)',")
        rebuilt.replaceSubrange(create, with: "CREATE TABLE request_rebuilt")
        let indexes = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'request' AND sql IS NOT NULL")
        try db.execute(sql: rebuilt)
        try db.execute(sql: "INSERT INTO request_rebuilt SELECT * FROM request")
        try db.execute(sql: "DROP TABLE request")
        try db.execute(sql: "ALTER TABLE request_rebuilt RENAME TO request")
        for index in indexes { try db.execute(sql: index) }
    }
}
