// Intake in one transaction: what the daemon decided for a stored message, the request it opens or
// joins, the verdict and the reply's outbox entry are committed together or not at all. A crash
// before the commit leaves the message `stored`, and the next cycle decides it again.
import Foundation
import GRDB

/// A verdict and the reply it produces, built inside the transaction once the request id and the
/// revision are known (the reply's Message-ID and subject carry them).
public struct VerdictEntry: Sendable {
    public var state: RequestState
    /// `nil` keeps the request's fields.
    public var fields: RequestFields?
    public var verdictJSON: String?
    public var reply: OutgoingReply?

    public init(state: RequestState, fields: RequestFields?, verdictJSON: String?, reply: OutgoingReply?) {
        self.state = state
        self.fields = fields
        self.verdictJSON = verdictJSON
        self.reply = reply
    }
}

/// Builds the verdict for (request, revision); called once, inside the transaction. Errors it
/// throws roll everything back and reach the caller unchanged.
public typealias VerdictBuilder = @Sendable (RequestID, Int) throws -> VerdictEntry

/// What intake decided for one message, as the ledger records it.
public enum IntakeEntry: Sendable {
    /// No reply (`SkipReason` raw value).
    case skip(reason: String)
    /// Cannot be processed and the sender is not to be answered.
    case quarantine(error: String)
    /// A new request. With `quarantineError` the message is kept quarantined and the verdict is
    /// the reply asking for a readable resend.
    case open(year: Int, fields: RequestFields, quarantineError: String?, verdict: VerdictBuilder)
    /// Joins `request`; a request waiting on observations or already viable goes back to review
    /// and is judged again. A request past 5.2.5 (programada…) only gains the message.
    case followUp(RequestID, quarantineError: String?, verdict: VerdictBuilder)
}

/// What the intake transaction did.
public enum IntakeRecorded: Sendable, Equatable {
    case skipped(String)
    case quarantined(String)
    case opened(RequestID, OutboxEntry?)
    case followedUp(RequestID, OutboxEntry?)
    /// The message was already decided (a re-run): nothing changed.
    case alreadyDone
}

extension Ledger {
    /// Records `entry` for a `stored` or `parsed` message in one transaction (see the file comment).
    public func recordIntake(message rowID: Int64, _ entry: IntakeEntry) throws -> IntakeRecorded {
        try write("recordIntake", "message \(rowID)") { db in
            var message = try Self.requireMessage(db, rowID)
            guard message.state == .stored || message.state == .parsed else { return .alreadyDone }
            if message.state == .stored {
                message = try moveMessage(db, rowID, to: .parsed, reason: nil, error: nil, auditReason: nil)
            }
            switch entry {
            case .skip(let reason):
                try moveMessage(db, rowID, to: .skipped, reason: reason, error: nil, auditReason: reason)
                return .skipped(reason)
            case .quarantine(let error):
                try moveMessage(db, rowID, to: .quarantined, reason: nil, error: error, auditReason: error)
                return .quarantined(error)
            case let .open(year, fields, quarantineError, verdict):
                let state = try quarantineIfAsked(db, rowID, quarantineError) ?? message.state
                let id = try insertRequest(db, origin: rowID, year: year, fields: fields)
                try link(db, rowID, to: id, role: "origin", state: state)
                let outbox = try judge(db, id, verdict)
                return .opened(id, outbox)
            case let .followUp(id, quarantineError, verdict):
                let state = try quarantineIfAsked(db, rowID, quarantineError) ?? message.state
                try link(db, rowID, to: id, role: "follow_up", state: state)
                let request = try Self.requireRequest(db, id)
                if request.state == .observacionesEnviadas || request.state == .viable {
                    try moveRequest(db, request, to: .enRevision, reason: "follow-up message \(rowID)")
                }
                guard try Self.requireRequest(db, id).awaitsVerdict else { return .followedUp(id, nil) }
                return .followedUp(id, try judge(db, id, verdict))
            }
        }
    }

    /// Re-judges a request left `recibida` or `en_revision` (a ledger written before intake was one
    /// transaction, or a staff move): the verdict and its reply in one transaction. A re-run on a
    /// request already judged changes nothing.
    public func recordReevaluation(request id: RequestID, _ verdict: VerdictBuilder) throws -> OutboxEntry? {
        try write("recordReevaluation", id.description) { db in
            guard try Self.requireRequest(db, id).awaitsVerdict else { return nil }
            return try judge(db, id, verdict)
        }
    }

    private func quarantineIfAsked(_ db: Database, _ rowID: Int64, _ error: String?) throws -> MessageState? {
        guard let error else { return nil }
        return try moveMessage(db, rowID, to: .quarantined, reason: nil, error: error, auditReason: error).state
    }

    private func judge(_ db: Database, _ id: RequestID, _ verdict: VerdictBuilder) throws -> OutboxEntry? {
        let revision = try Self.requireRequest(db, id).revision + 1
        let made = try verdict(id, revision)
        return try applyVerdict(db, id, revision: revision, state: made.state, fields: made.fields,
                                verdictJSON: made.verdictJSON, reply: made.reply).reply
    }
}

extension RequestRecord {
    /// Opened or sent back to review, and not judged since: the intake queue of requests.
    public var awaitsVerdict: Bool { state == .recibida || state == .enRevision }
}
