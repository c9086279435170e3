import GRDB

// Issue 12 (after approval): the outbox carries more than the one reply per verdict. Its identity
// becomes (request, revision, purpose), where `purpose` is `respuesta` for every entry written
// before (the reply of a verdict, as until now) and names a follow-up draft otherwise. The
// session proposals the daemon drafted are kept with their day, so that two requests proposed
// before either is confirmed do not share the same ANS hours.
extension LedgerMigrations {
    static let outboxPurposeMigration = "after-outbox-purpose"

    /// Adds `outbox.purpose` and widens the UNIQUE constraint, rebuilding the table from its
    /// stored SQL (columns other migrations added come along), then adds `session_proposal`.
    static func addOutboxPurpose(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE outbox ADD COLUMN purpose TEXT NOT NULL DEFAULT 'respuesta'")
        guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'"),
              let unique = sql.range(of: "UNIQUE (request, revision)"), let create = sql.range(of: "CREATE TABLE outbox") else {
            throw DatabaseError(message: "outbox table definition not recognised")
        }
        var rebuilt = sql
        rebuilt.replaceSubrange(unique, with: "UNIQUE (request, revision, purpose)")
        rebuilt.replaceSubrange(create, with: "CREATE TABLE outbox_rebuilt")
        let indexes = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL")
        try db.execute(sql: rebuilt)
        try db.execute(sql: "INSERT INTO outbox_rebuilt SELECT * FROM outbox")
        try db.execute(sql: "DROP TABLE outbox")
        try db.execute(sql: "ALTER TABLE outbox_rebuilt RENAME TO outbox")
        for index in indexes { try db.execute(sql: index) }
        // One proposal per request (5.2.5), written with its outbox entry in one transaction.
        try db.execute(sql: """
            CREATE TABLE session_proposal (
                request       TEXT PRIMARY KEY NOT NULL REFERENCES request(id),
                date          TEXT NOT NULL,
                start_minutes INTEGER NOT NULL,
                hours         REAL NOT NULL CHECK (hours > 0),
                outbox        INTEGER NOT NULL REFERENCES outbox(id),
                created_at    TEXT NOT NULL
            )
            """)
    }
}
