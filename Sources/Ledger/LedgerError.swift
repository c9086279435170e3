// What can go wrong in the ledger, with the context an admin needs to act: the mailbox, UID,
// request or outbox entry concerned, and SQLite's own message.
import Foundation
import GRDB

public enum LedgerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be created, opened or migrated.
    case cannotOpen(path: String, reason: String)
    /// No ledger at the path: only `once --init` / `run --init` create one.
    case missing(path: String)
    /// A zero-length file where the ledger should be (a lost or truncated ledger, never started afresh silently).
    case empty(path: String)
    /// A SQLite file without the ledger's schema.
    case notALedger(path: String)
    /// `PRAGMA quick_check` found damage.
    case corrupt(path: String, detail: String)
    /// Another process (a second daemon) holds the ledger's lock.
    case locked(path: String, pid: Int32?)
    /// SQLite refused an operation (disk full, I/O error, busy past the timeout, constraint).
    case database(operation: String, subject: String, sqlite: String)
    /// A mailbox used before `recordBaseline` said where it stands.
    case unknownMailbox(String)
    /// A poll working with a UIDVALIDITY the ledger no longer (or not yet) holds for that mailbox.
    case uidValidityMismatch(mailbox: String, ledger: UInt32, given: UInt32)
    case unknownMessage(rowID: Int64)
    /// The message's raw bytes were dropped after `raw_retention_days` (the mailbox keeps the original).
    case rawMessageDropped(rowID: Int64)
    case unknownRequest(String)
    case unknownOutboxEntry(Int64)
    /// A state change the state machine does not allow (e.g. a skipped message linked to a request).
    case invalidTransition(entity: AuditEntity, id: String, from: String, to: String)
    /// A verdict for a revision that is neither the current one (a re-run) nor the next.
    case revisionOutOfOrder(request: String, current: Int, given: Int)
    /// A message already belongs to another request.
    case messageLinkedElsewhere(rowID: Int64, request: String)
    /// The same (request, revision) enqueued again under another Message-ID.
    case outboxConflict(request: String, revision: Int, existingMessageID: String, givenMessageID: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "ledger \(path): cannot open: \(reason)"
        case let .missing(path):
            return "ledger \(path) does not exist; a new ledger is created only by `ocm-intake once --init` or `run --init`"
        case let .empty(path):
            return "ledger \(path) is empty (0 bytes): restore it from a backup, or start afresh with --init"
        case let .notALedger(path):
            return "ledger \(path) is not an ocm-intake ledger (no schema); refusing to use it"
        case let .corrupt(path, detail):
            return "ledger \(path) is damaged (integrity check: \(detail)); restore it from a backup (`ocm-intake backup`)"
        case let .locked(path, pid):
            return "ledger \(path) is in use by another ocm-intake process\(pid.map { " (PID \($0))" } ?? ""); refusing to start a second daemon"
        case let .database(operation, subject, sqlite):
            return "ledger \(operation) (\(subject)): \(sqlite)"
        case let .unknownMailbox(name):
            return "ledger: mailbox \(name) has no baseline yet"
        case let .uidValidityMismatch(mailbox, ledger, given):
            return "ledger: mailbox \(mailbox) is at UIDVALIDITY \(ledger), not \(given)"
        case let .unknownMessage(rowID):
            return "ledger: no message row \(rowID)"
        case let .rawMessageDropped(rowID):
            return "ledger: the raw bytes of message \(rowID) were dropped after the retention (the mailbox keeps the original)"
        case let .unknownRequest(id):
            return "ledger: no request \(id)"
        case let .unknownOutboxEntry(id):
            return "ledger: no outbox entry \(id)"
        case let .invalidTransition(entity, id, from, to):
            return "ledger: \(entity.rawValue) \(id) cannot go from \(from) to \(to)"
        case let .revisionOutOfOrder(request, current, given):
            return "ledger: request \(request) is at revision \(current), got revision \(given)"
        case let .messageLinkedElsewhere(rowID, request):
            return "ledger: message row \(rowID) already belongs to \(request)"
        case let .outboxConflict(request, revision, existing, given):
            return "ledger: reply \(request) revision \(revision) is already queued as \(existing), not \(given)"
        }
    }

    /// An error met while opening: damage (SQLITE_CORRUPT, SQLITE_NOTADB) is `corrupt`, the rest `cannotOpen`.
    static func opening(_ path: String, _ error: any Error) -> LedgerError {
        if let error = error as? DatabaseError, [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            return .corrupt(path: path, detail: describe(error))
        }
        return .cannotOpen(path: path, reason: describe(error))
    }

    /// SQLite's message and code for a GRDB error, the text of anything else.
    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "\(error.message ?? "SQLite error") (code \(error.extendedResultCode.rawValue))"
        }
        return String(describing: error)
    }
}
