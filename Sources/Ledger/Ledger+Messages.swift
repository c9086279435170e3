// Seen messages: recorded with their raw bytes first, then moved along their state machine.
import Foundation
import GRDB

extension Ledger {
    /// Records a fetched message and its raw bytes in one transaction, before anything else is done
    /// with it. Idempotent on (mailbox, UIDVALIDITY, UID): a re-run returns the existing row with
    /// `isNew == false`. A key already known (same Message-ID, or same header hash when there is
    /// none) makes the new row a duplicate of the first: recorded, and skipped with reason `duplicate`.
    /// `arrivedAt`: when the mail reached the mailbox (see `SeenMessage.arrivedAt`). `headerOnly`:
    /// `raw` is only the header of a mail too large to fetch, of `serverSize` bytes when known.
    public func recordMessage(
        mailbox: String, uidValidity: UInt32, uid: UInt32, messageID: String?, raw: Data, arrivedAt: Date? = nil,
        headerOnly: Bool = false, serverSize: Int? = nil
    ) throws -> SeenMessage {
        try recordMessage(mailbox: mailbox, uidValidity: uidValidity, uid: uid, messageID: messageID, bytes: [UInt8](raw),
                          arrivedAt: arrivedAt, headerOnly: headerOnly, serverSize: serverSize)
    }

    /// `recordMessage` from the fetched array itself: the bytes go into the ledger without a copy
    /// (`RawMessageBlob`), and a duplicate's are not stored at all (it refers to the first copy).
    public func recordMessage(
        mailbox: String, uidValidity: UInt32, uid: UInt32, messageID: String?, bytes raw: [UInt8], arrivedAt: Date? = nil,
        headerOnly: Bool = false, serverSize: Int? = nil
    ) throws -> SeenMessage {
        let key = MessageKey.key(messageID: messageID, raw: raw)
        let hasMessageID = MessageKey.normalize(messageID: messageID) != nil
        return try write("recordMessage", "\(mailbox) uidvalidity \(uidValidity) uid \(uid)") { db in
            _ = try Self.requireMailbox(db, mailbox, uidValidity: uidValidity)
            if let existing = try Row.fetchOne(
                db, cachedSQL: "SELECT * FROM message WHERE mailbox = ? AND uid_validity = ? AND uid = ?",
                arguments: [mailbox, Int64(uidValidity), Int64(uid)]) {
                return SeenMessage(row: existing)
            }
            let rowID = try insertMessage(db, mailbox, uidValidity, uid, key: key, hasMessageID: hasMessageID, raw: raw,
                                          arrivedAt: arrivedAt)
            if headerOnly {
                try db.execute(sql: "UPDATE message SET header_only = 1, server_size = ? WHERE id = ?",
                               arguments: [serverSize, rowID])
            }
            var message = try Self.requireMessage(db, rowID)
            message.isNew = true
            return message
        }
    }

    /// The row, its raw bytes, the audit row, and for a known key the duplicate skip; inside `recordMessage`'s transaction.
    private func insertMessage(
        _ db: Database, _ mailbox: String, _ uidValidity: UInt32, _ uid: UInt32,
        key: String, hasMessageID: Bool, raw: [UInt8], arrivedAt: Date?
    ) throws -> Int64 {
        let original = try Int64.fetchOne(
            db, cachedSQL: "SELECT id FROM message WHERE message_key = ? AND duplicate_of IS NULL ORDER BY id LIMIT 1",
            arguments: [key])
        let at = now()
        try db.execute(
            cachedSQL: """
                INSERT INTO message (mailbox, uid_validity, uid, message_key, has_message_id,
                                     duplicate_of, state, raw_size, recorded_at, updated_at, arrived_at)
                VALUES (?, ?, ?, ?, ?, ?, 'stored', ?, ?, ?, ?)
                """,
            arguments: [mailbox, Int64(uidValidity), Int64(uid), key, hasMessageID, original,
                        raw.count, at, at, arrivedAt])
        let rowID = db.lastInsertedRowID
        // A duplicate (the same mail in the other mailbox) keeps no bytes: `rawMessage` reads the first copy's.
        if original == nil { try RawMessageBlob.insert(db, message: rowID, raw: raw) }
        try appendAudit(db, .message(rowID), from: nil, to: MessageState.stored.rawValue,
                        reason: "\(mailbox) uidvalidity \(uidValidity) uid \(uid)")
        if let original {
            try moveMessage(db, rowID, to: .skipped, reason: "duplicate", error: nil,
                            auditReason: "duplicate of message \(original)")
        }
        return rowID
    }

    /// MIME parsed and screened. A re-run on a message already past `parsed` changes nothing.
    @discardableResult
    public func markParsed(_ rowID: Int64) throws -> SeenMessage {
        try write("markParsed", "message \(rowID)") { db in
            let message = try Self.requireMessage(db, rowID)
            guard message.state == .stored else { return message }
            return try moveMessage(db, rowID, to: .parsed, reason: nil, error: nil, auditReason: nil)
        }
    }

    /// No reply, for `reason` (a `SkipReason` raw value). A re-run leaves the first reason.
    @discardableResult
    public func markSkipped(_ rowID: Int64, reason: String) throws -> SeenMessage {
        try write("markSkipped", "message \(rowID)") { db in
            let message = try Self.requireMessage(db, rowID)
            if message.state == .skipped { return message }
            return try moveMessage(db, rowID, to: .skipped, reason: reason, error: nil, auditReason: reason)
        }
    }

    /// Cannot be processed (broken MIME, a limit hit, a bug): kept aside with the error, so the
    /// queue never stalls on it. A re-run leaves the first error.
    @discardableResult
    public func markQuarantined(_ rowID: Int64, error: String) throws -> SeenMessage {
        try write("markQuarantined", "message \(rowID)") { db in
            let message = try Self.requireMessage(db, rowID)
            if message.state == .quarantined { return message }
            return try moveMessage(db, rowID, to: .quarantined, reason: nil, error: error, auditReason: error)
        }
    }

    public func message(_ rowID: Int64) throws -> SeenMessage? {
        try read("message", "message \(rowID)") { db in try Self.fetchMessage(db, rowID) }
    }

    /// The raw bytes exactly as fetched.
    public func rawMessage(_ rowID: Int64) throws -> Data {
        Data(try rawBytes(rowID))
    }

    /// The raw bytes exactly as fetched, read straight into one array; a duplicate's are its
    /// first copy's. Throws `rawMessageDropped` past the retention (`dropRawMessages`).
    public func rawBytes(_ rowID: Int64) throws -> [UInt8] {
        try read("rawMessage", "message \(rowID)") { db in
            let message = try Self.requireMessage(db, rowID)
            guard let bytes = try RawMessageBlob.read(db, message: message.duplicateOf ?? rowID) else {
                throw LedgerError.rawMessageDropped(rowID: rowID)
            }
            return bytes
        }
    }

    /// `rawBytes`, or nil when they were dropped after the retention (older mail of a thread).
    public func keptRawBytes(_ rowID: Int64) throws -> [UInt8]? {
        do { return try rawBytes(rowID) } catch LedgerError.rawMessageDropped { return nil }
    }

    /// Messages in `state`, oldest first (`quarantined` for the admin, `stored`/`parsed` for recovery).
    public func messages(in state: MessageState) throws -> [SeenMessage] {
        try read("messages", state.rawValue) { db in
            try Row.fetchAll(db, sql: "SELECT * FROM message WHERE state = ? ORDER BY id", arguments: [state.rawValue])
                .map(SeenMessage.init(row:))
        }
    }

    /// What a crash left half done: messages recorded but not yet linked, skipped or quarantined.
    /// The daemon runs these through again at start-up, before polling.
    public func unfinishedMessages() throws -> [SeenMessage] {
        try read("unfinishedMessages", "stored, parsed") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM message WHERE state IN ('stored', 'parsed') ORDER BY id")
                .map(SeenMessage.init(row:))
        }
    }

    /// Moves a message along its state machine and writes the audit row, inside the caller's transaction.
    @discardableResult
    func moveMessage(
        _ db: Database, _ rowID: Int64, to state: MessageState,
        reason: String?, error: String?, auditReason: String?
    ) throws -> SeenMessage {
        let before = try Self.requireMessage(db, rowID)
        guard before.state.next.contains(state) else {
            throw LedgerError.invalidTransition(
                entity: .message, id: String(rowID), from: before.state.rawValue, to: state.rawValue)
        }
        try db.execute(
            cachedSQL: """
                UPDATE message SET state = ?, skip_reason = COALESCE(?, skip_reason),
                       error = COALESCE(?, error), updated_at = ? WHERE id = ?
                """,
            arguments: [state.rawValue, reason, error, now(), rowID])
        try appendAudit(db, .message(rowID), from: before.state.rawValue, to: state.rawValue, reason: auditReason)
        return try Self.requireMessage(db, rowID)
    }

    static func fetchMessage(_ db: Database, _ rowID: Int64) throws -> SeenMessage? {
        try Row.fetchOne(db, cachedSQL: "SELECT * FROM message WHERE id = ?", arguments: [rowID]).map(SeenMessage.init(row:))
    }

    static func requireMessage(_ db: Database, _ rowID: Int64) throws -> SeenMessage {
        guard let message = try fetchMessage(db, rowID) else { throw LedgerError.unknownMessage(rowID: rowID) }
        return message
    }
}
