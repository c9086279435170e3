// The ledger: what the daemon has seen, decided and sent, persisted in SQLite so that a crash at any
// point loses nothing and repeats nothing (design.md, "Invariants"). Each public operation is one
// write transaction and is idempotent: running it again after a crash returns what the first run
// recorded. The ledger logs nothing; it returns values and throws `LedgerError`, the daemon logs.
import Foundation
import GRDB

public final class Ledger: Sendable {
    let db: any DatabaseWriter
    let now: @Sendable () -> Date
    /// Backoff for outbox deliveries (Postfix's deferred queue: doubling, capped).
    public let retry: RetryPolicy
    /// Where the ledger lives, `nil` in memory.
    public let path: String?

    /// Opens (creating if needed) the ledger at `path`: parent folders, WAL, foreign keys, busy
    /// timeout, `synchronous=FULL` (a committed outbox row must survive power loss before delivery),
    /// then runs the migrations that are not applied yet.
    public convenience init(
        path: String,
        retry: RetryPolicy = .standard,
        busyTimeout: TimeInterval = 10,
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        let url = URL(fileURLWithPath: path)
        let pool: DatabasePool
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            pool = try DatabasePool(path: path, configuration: Self.configuration(busyTimeout: busyTimeout))
        } catch {
            throw LedgerError.cannotOpen(path: path, reason: LedgerError.describe(error))
        }
        try self.init(writer: pool, path: path, retry: retry, now: now)
    }

    /// A ledger in memory, for tests of code that only needs a ledger (the ledger's own tests run on disk).
    public static func inMemory(
        retry: RetryPolicy = .standard,
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws -> Ledger {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: configuration(busyTimeout: 1))
        } catch {
            throw LedgerError.cannotOpen(path: ":memory:", reason: LedgerError.describe(error))
        }
        return try Ledger(writer: queue, path: nil, retry: retry, now: now)
    }

    private init(
        writer: any DatabaseWriter, path: String?, retry: RetryPolicy, now: @escaping @Sendable () -> Date
    ) throws {
        self.db = writer
        self.path = path
        self.retry = retry
        self.now = now
        do {
            try LedgerMigrations.migrator.migrate(writer)
        } catch {
            throw LedgerError.cannotOpen(path: path ?? ":memory:", reason: LedgerError.describe(error))
        }
    }

    private static func configuration(busyTimeout: TimeInterval) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "ocm-intake.ledger"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return config
    }

    /// One write transaction; SQLite errors become `LedgerError.database` naming the operation and
    /// its subject, ledger errors thrown inside pass through (and roll the transaction back).
    func write<T: Sendable>(
        _ operation: String, _ subject: @autoclosure () -> String,
        _ body: (Database) throws -> T
    ) throws -> T {
        do {
            return try db.write { db in try body(db) }
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError.database(operation: operation, subject: subject(), sqlite: LedgerError.describe(error))
        }
    }

    /// One read (a consistent snapshot in WAL mode), errors mapped as in `write`.
    func read<T: Sendable>(
        _ operation: String, _ subject: @autoclosure () -> String,
        _ body: (Database) throws -> T
    ) throws -> T {
        do {
            return try db.read { db in try body(db) }
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError.database(operation: operation, subject: subject(), sqlite: LedgerError.describe(error))
        }
    }
}

extension Ledger {
    /// A PRAGMA's value as the ledger's connections see it (journal_mode, synchronous,
    /// foreign_keys, busy_timeout…), for `status`, `check-config` and tests. `nil` for names that
    /// are not plain identifiers.
    public func pragma(_ name: String) throws -> String? {
        guard !name.isEmpty, name.allSatisfy({ $0 == "_" || ($0.isASCII && $0.isLetter) }) else { return nil }
        return try read("pragma", name) { db in
            try DatabaseValue.fetchOne(db, sql: "PRAGMA \(name)").map { $0.description }
        }
    }
}
