// Raw message bytes in and out of `message_raw` through SQLite's incremental blob I/O, so a
// 57 MB message is held once (the caller's array) instead of three times (the array, a `Data`
// copy to bind, SQLite's own copy of a bound blob) while it is recorded, and read back straight
// into one array (issue 11, memory).
import Foundation
import GRDB
import GRDBSQLite

enum RawMessageBlob {
    /// Bytes moved per `sqlite3_blob_write` call.
    static let chunk = 1 << 20

    /// Inserts the row for `message` and writes `raw` into it, inside the caller's transaction.
    static func insert(_ db: Database, message: Int64, raw: [UInt8]) throws {
        try db.execute(cachedSQL: "INSERT INTO message_raw (message, bytes) VALUES (?, zeroblob(?))", arguments: [message, raw.count])
        guard !raw.isEmpty else { return }
        try throughSmallCache(db) { try write(db, message: message, raw: raw) }
    }

    private static func write(_ db: Database, message: Int64, raw: [UInt8]) throws {
        let blob = try open(db, message, writable: true)
        defer { sqlite3_blob_close(blob) }
        try raw.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let length = min(chunk, buffer.count - offset)
                let code = sqlite3_blob_write(blob, buffer.baseAddress! + offset, Int32(length), Int32(offset))
                guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "blob write") }
                offset += length
            }
        }
    }

    /// The bytes of `message`'s row, or nil when it has none (a duplicate, or dropped after the retention).
    static func read(_ db: Database, message: Int64) throws -> [UInt8]? {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM message_raw WHERE message = ?", arguments: [message]) == true else {
            return nil
        }
        return try throughSmallCache(db) { try read(db, existing: message) }
    }

    private static func read(_ db: Database, existing message: Int64) throws -> [UInt8] {
        let blob = try open(db, message, writable: false)
        defer { sqlite3_blob_close(blob) }
        let count = Int(sqlite3_blob_bytes(blob))
        var failure: Int32 = SQLITE_OK
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { failure = sqlite3_blob_read(blob, buffer.baseAddress!, Int32(count), 0) }
            initialized = failure == SQLITE_OK ? count : 0
        }
        guard failure == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: failure), message: "blob read") }
        return bytes
    }

    /// Pages of the connection's cache while a message's bytes move through it. A 57 MB blob's
    /// overflow pages would otherwise fill each connection's cache (2 MB by default) with pages
    /// nobody reads again, and that memory stays with the process (issue 11, peak memory).
    static let blobCachePages = 16

    /// Runs `body` with the connection's page cache shrunk to `blobCachePages`, then restores it.
    private static func throughSmallCache<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let size = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = \(blobCachePages)")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(size)") }
        return try body()
    }

    private static func open(_ db: Database, _ message: Int64, writable: Bool) throws -> OpaquePointer {
        var blob: OpaquePointer?
        let code = sqlite3_blob_open(db.sqliteConnection, "main", "message_raw", "bytes", message, writable ? 1 : 0, &blob)
        guard code == SQLITE_OK, let blob else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        return blob
    }
}
