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

    /// Opens the ledger at `path`: WAL, foreign keys, busy timeout, `synchronous=FULL` (a committed
    /// outbox row must survive power loss before delivery), then runs the migrations not applied
    /// yet. `create`: make it (and its folders) when missing or empty — only tests and an explicit
    /// `--init` do; everything else refuses a missing, empty or foreign file (`LedgerError.missing`,
    /// `.empty`, `.notALedger`) instead of silently starting afresh.
    public convenience init(
        path: String,
        create: Bool = true,
        retry: RetryPolicy = .standard,
        busyTimeout: TimeInterval = 10,
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        let url = URL(fileURLWithPath: path)
        if !create { try Self.requireExisting(path) }
        let pool: DatabasePool
        do {
            if create {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            }
            pool = try DatabasePool(path: path, configuration: Self.configuration(busyTimeout: busyTimeout))
            if !create, try pool.read({ try !$0.tableExists("grdb_migrations") }) {
                throw LedgerError.notALedger(path: path)
            }
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError.opening(path, error)
        }
        try self.init(writer: pool, path: path, retry: retry, now: now)
    }

    /// A missing or zero-length file is not a ledger to open: it is one that was lost.
    private static func requireExisting(_ path: String) throws {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw LedgerError.missing(path: path)
        }
        if (attributes[.size] as? NSNumber)?.intValue == 0 { throw LedgerError.empty(path: path) }
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
            throw LedgerError.opening(path ?? ":memory:", error)
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
    /// its subject; other errors thrown inside (ledger errors, a caller's closure) pass through
    /// unchanged and roll the transaction back.
    func write<T: Sendable>(
        _ operation: String, _ subject: @autoclosure () -> String,
        _ body: (Database) throws -> T
    ) throws -> T {
        do {
            return try db.write { db in try body(db) }
        } catch let error as DatabaseError {
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
        } catch let error as DatabaseError {
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
