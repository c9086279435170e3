import Foundation
import Intake
import Ledger

/// The pure step of intake (design.md, functional core): from a message's inspection and the few
/// ledger facts it needs, what becomes of the message. Values in, a value out: no ledger, no
/// clock, no logging. `MessageIntake` gathers the facts and records the answer, with its verdict
/// and reply, in one ledger transaction.
enum IntakeDecision: Sendable, Equatable {
    /// No reply, with a `SkipReason` raw value (or `backlog`).
    case skip(String)
    /// A new request.
    case open
    /// A later mail of a known request.
    case followUp(RequestID)
    /// Over `max_message_bytes`: only the header was read; the sender is told what was too large
    /// (in its request when the mail belongs to one).
    case tooLarge(followUp: RequestID?)

    /// What the decision needs to know beyond the mail itself.
    struct Facts: Sendable, Equatable {
        /// The request the mail belongs to (subject tag, In-Reply-To/References), if any.
        var thread: RequestID?
        /// Requests this sender opened today, and how many a day are answered.
        var openedTodayBySender: Int
        var dailyLimit: Int
        /// Only the header could be fetched.
        var oversize: Bool
        /// Backfill or a re-read after UIDVALIDITY changed: mail that arrived before this is backlog.
        var backlogBefore: Date?
    }

    /// `arrived`: when the mail reached OCM (INTERNALDATE, Maildir file time; the Date header only
    /// when the server gave nothing), for the backlog cut.
    static func decide(_ inspection: Inspection, arrived: Date?, facts: Facts) -> IntakeDecision {
        if let cut = facts.backlogBefore, let arrived, arrived < cut { return .skip("backlog") }
        if let reason = inspection.skipReason {
            // A reply to one of our mails may carry no request text of its own: it is still a follow-up.
            if reason != SkipReason.notARequest.rawValue || facts.thread == nil { return .skip(reason) }
        }
        if facts.oversize { return .tooLarge(followUp: facts.thread) }
        if let thread = facts.thread { return .followUp(thread) }
        if facts.openedTodayBySender >= facts.dailyLimit { return .skip(SkipReason.rateLimited.rawValue) }
        return .open
    }
}
