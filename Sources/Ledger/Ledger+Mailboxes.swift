// Mailbox positions: first start, progress, poll outcomes and UIDVALIDITY changes.
import Foundation
import GRDB

extension Ledger {
    public func mailboxState(_ name: String) throws -> MailboxState? {
        try read("mailboxState", name) { db in try Self.fetchMailbox(db, name) }
    }

    public func mailboxes() throws -> [MailboxState] {
        try read("mailboxes", "all") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM mailbox ORDER BY name").map(MailboxState.init(row:))
        }
    }

    /// First start on a mailbox: everything below `uidNext` is backlog. Idempotent: once a
    /// baseline exists it is returned unchanged (moving it would silently skip new mail).
    /// `since`: a backfill's start, kept as `baseline_at` so that a backfill cut short (a crash,
    /// a stop) goes on from the same day on the next start, flag or not; default now.
    @discardableResult
    public func recordBaseline(mailbox: String, uidValidity: UInt32, uidNext: UInt32, since: Date? = nil) throws -> MailboxState {
        try write("recordBaseline", mailbox) { db in
            if let existing = try Self.fetchMailbox(db, mailbox) { return existing }
            let last = uidNext > 0 ? uidNext - 1 : 0
            try db.execute(
                sql: """
                    INSERT INTO mailbox (name, uid_validity, last_uid, baseline_uid, baseline_at)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [mailbox, Int64(uidValidity), Int64(last), Int64(last), since ?? now()]
            )
            let state = try Self.requireMailbox(db, mailbox)
            try appendAudit(db, .mailbox(mailbox), from: nil, to: state.position, reason: "baseline")
            return state
        }
    }

    /// Every UID up to `lastUID` is recorded. Only moves forward; a lower or equal UID is a re-run.
    @discardableResult
    public func advance(mailbox: String, uidValidity: UInt32, lastUID: UInt32) throws -> MailboxState {
        try write("advance", "\(mailbox) uid \(lastUID)") { db in
            let before = try Self.requireMailbox(db, mailbox, uidValidity: uidValidity)
            guard lastUID > before.lastUID else { return before }
            try db.execute(
                cachedSQL: "UPDATE mailbox SET last_uid = ? WHERE name = ?",
                arguments: [Int64(lastUID), mailbox]
            )
            let after = try Self.requireMailbox(db, mailbox)
            try appendAudit(db, .mailbox(mailbox), from: before.position, to: after.position, reason: "advance")
            return after
        }
    }

    /// A UIDVALIDITY change: old rows stay (they are the history and the dedupe memory), the
    /// mailbox is read again from UID 1 and duplicates are found by message key. Idempotent.
    @discardableResult
    public func resetForNewUIDValidity(mailbox: String, uidValidity: UInt32) throws -> MailboxState {
        try write("resetForNewUIDValidity", "\(mailbox) uidvalidity \(uidValidity)") { db in
            let before = try Self.requireMailbox(db, mailbox)
            guard before.uidValidity != uidValidity else { return before }
            try db.execute(
                sql: "UPDATE mailbox SET uid_validity = ?, last_uid = 0, baseline_uid = 0 WHERE name = ?",
                arguments: [Int64(uidValidity), mailbox]
            )
            let after = try Self.requireMailbox(db, mailbox)
            try appendAudit(db, .mailbox(mailbox), from: before.position, to: after.position,
                            reason: "uidvalidity changed")
            return after
        }
    }

    /// The outcome of one poll: `error` nil for success. Not a state transition, so no audit row.
    @discardableResult
    public func recordPoll(mailbox: String, error: String? = nil) throws -> MailboxState {
        try write("recordPoll", mailbox) { db in
            _ = try Self.requireMailbox(db, mailbox)
            let at = now()
            if let error {
                try db.execute(
                    sql: "UPDATE mailbox SET last_poll_at = ?, last_error = ?, last_error_at = ? WHERE name = ?",
                    arguments: [at, error, at, mailbox])
            } else {
                try db.execute(
                    sql: "UPDATE mailbox SET last_poll_at = ?, last_success_at = ? WHERE name = ?",
                    arguments: [at, at, mailbox])
            }
            return try Self.requireMailbox(db, mailbox)
        }
    }

    static func fetchMailbox(_ db: Database, _ name: String) throws -> MailboxState? {
        try Row.fetchOne(db, cachedSQL: "SELECT * FROM mailbox WHERE name = ?", arguments: [name])
            .map(MailboxState.init(row:))
    }

    /// The mailbox, which must exist and, when given, be at `uidValidity`.
    static func requireMailbox(_ db: Database, _ name: String, uidValidity: UInt32? = nil) throws -> MailboxState {
        guard let state = try fetchMailbox(db, name) else { throw LedgerError.unknownMailbox(name) }
        if let uidValidity, state.uidValidity != uidValidity {
            throw LedgerError.uidValidityMismatch(mailbox: name, ledger: state.uidValidity, given: uidValidity)
        }
        return state
    }
}
