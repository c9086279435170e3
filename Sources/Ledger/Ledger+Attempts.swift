// Containment: an attempt is on record before a message is parsed or inspected, so a mail that
// crashes, hangs or gets the process killed is known the next time it comes up.
import Foundation
import GRDB

extension Ledger {
    /// Migration "v2-attempts": started-but-unfinished attempts per message.
    static let v2Attempts = """
        CREATE TABLE message_attempt (
            message          INTEGER PRIMARY KEY NOT NULL REFERENCES message(id),
            unfinished       INTEGER NOT NULL,
            last_started_at  TEXT NOT NULL
        )
        """

    /// Attempts that started and never finished before a message is quarantined instead.
    public static let maxUnfinishedAttempts = 2

    /// Records that processing of message `rowID` starts; returns how many earlier attempts
    /// started and never finished (0 the first time, and after every finished attempt).
    public func beginAttempt(_ rowID: Int64) throws -> Int {
        try write("beginAttempt", "message \(rowID)") { db in
            let earlier = try Int.fetchOne(db, cachedSQL: "SELECT unfinished FROM message_attempt WHERE message = ?",
                                           arguments: [rowID]) ?? 0
            try db.execute(cachedSQL: """
                INSERT INTO message_attempt (message, unfinished, last_started_at) VALUES (?, 1, ?)
                ON CONFLICT(message) DO UPDATE SET unfinished = unfinished + 1, last_started_at = excluded.last_started_at
                """, arguments: [rowID, now()])
            return earlier
        }
    }

    /// The attempt came back (whatever its outcome): nothing is left unfinished.
    public func finishAttempt(_ rowID: Int64) throws {
        try write("finishAttempt", "message \(rowID)") { db in
            try db.execute(cachedSQL: "UPDATE message_attempt SET unfinished = 0 WHERE message = ?", arguments: [rowID])
        }
    }
}
