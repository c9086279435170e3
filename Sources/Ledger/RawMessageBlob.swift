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
        try db.execute(sql: "INSERT INTO message_raw (message, bytes) VALUES (?, zeroblob(?))", arguments: [message, raw.count])
        guard !raw.isEmpty else { return }
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

    private static func open(_ db: Database, _ message: Int64, writable: Bool) throws -> OpaquePointer {
        var blob: OpaquePointer?
        let code = sqlite3_blob_open(db.sqliteConnection, "main", "message_raw", "bytes", message, writable ? 1 : 0, &blob)
        guard code == SQLITE_OK, let blob else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        return blob
    }
}
