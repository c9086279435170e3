// Statements of the per-mail paths, compiled once per connection instead of on every call
// (issue 11): compiling SQL (`sqlite3_prepare_v3`, GRDB's authorizer called for every column a
// `SELECT *` reads) was ~16 % of the CPU of 1,000 requests end to end. Same shapes as GRDB's
// `sql:` forms, so a call site changes one label: `sql:` → `cachedSQL:`. SQLite re-prepares a
// cached statement by itself when the schema changes.
import GRDB

extension Database {
    /// `execute(sql:arguments:)` on this connection's cached statement for `sql` (one statement).
    func execute(cachedSQL sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}

extension Row {
    static func fetchOne(_ db: Database, cachedSQL sql: String, arguments: StatementArguments = StatementArguments()) throws -> Row? {
        try fetchOne(db, SQLRequest(sql: sql, arguments: arguments, cached: true))
    }

    static func fetchAll(_ db: Database, cachedSQL sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Row] {
        try fetchAll(db, SQLRequest(sql: sql, arguments: arguments, cached: true))
    }
}

extension DatabaseValueConvertible where Self: StatementColumnConvertible {
    static func fetchOne(_ db: Database, cachedSQL sql: String, arguments: StatementArguments = StatementArguments()) throws -> Self? {
        try fetchOne(db, SQLRequest(sql: sql, arguments: arguments, cached: true))
    }
}
