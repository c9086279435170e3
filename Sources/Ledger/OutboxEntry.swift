// A reply recorded before delivery (Postfix's queue file): its target, where it stands, and the raw
// bytes to deliver. Its Message-ID is derived from the request id and revision, so after a crash
// the daemon can look for it in Drafts/Sent before delivering again.
import Foundation
import GRDB

public enum OutboxStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Waiting for `nextAttemptAt`.
    case pending
    /// Review mode `queue`: waits for `ocm-intake review approve`.
    case held
    /// A delivery started. Found in this state at start-up, the outcome is unknown: check the target.
    case delivering
    case delivered
    /// Permanent failure, or retries exhausted; needs a person.
    case failed
    /// Dropped by staff in review.
    case discarded

    /// Where each status may go; `moveOutbox` checks every move against this table (docs/ledger.md).
    /// `delivering` ends delivered, back to pending (transient), failed (permanent) or held (the
    /// outcome is unknown: never resent blindly); a person moves held and failed entries on.
    public var next: Set<OutboxStatus> {
        switch self {
        case .pending: return [.delivering, .held, .discarded]
        case .delivering: return [.delivered, .pending, .failed, .held]
        case .held: return [.pending, .discarded]
        case .failed: return [.pending, .held, .discarded]
        case .delivered, .discarded: return []
        }
    }
}

/// Where a reply goes: a mailbox's Drafts folder (review mode `drafts`), SMTP, or a Maildir.
public struct OutboxTarget: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case drafts, smtp, maildir
    }

    public var kind: Kind
    /// The configured mailbox (or SMTP account) name the reply is delivered through.
    public var mailbox: String

    public init(kind: Kind, mailbox: String) {
        self.kind = kind
        self.mailbox = mailbox
    }
}

/// A reply to put in the outbox.
public struct OutgoingReply: Sendable, Hashable {
    public var target: OutboxTarget
    public var messageID: String
    public var raw: Data
    /// Review mode `queue`: enqueue as `held` instead of `pending`.
    public var hold: Bool
    /// The SMTP envelope, stored with the entry so delivery never re-parses the reply.
    public var envelope: OutboxEnvelope?

    public init(target: OutboxTarget, messageID: String, raw: Data, hold: Bool = false, envelope: OutboxEnvelope? = nil) {
        self.target = target
        self.messageID = messageID
        self.raw = raw
        self.hold = hold
        self.envelope = envelope
    }
}

public struct OutboxEntry: Sendable, Hashable {
    public let id: Int64
    public let request: RequestID
    public let revision: Int
    public let target: OutboxTarget
    public let status: OutboxStatus
    /// Deliveries started so far.
    public let attempts: Int
    public let nextAttemptAt: Date?
    public let lastError: String?
    /// `<id>`, normalized as the ledger stores Message-IDs.
    public let messageID: String
    public let raw: Data
    public let createdAt: Date
    public let updatedAt: Date
    public let deliveredAt: Date?
    /// `nil` for entries enqueued before the envelope was stored (v1 ledgers).
    public let envelope: OutboxEnvelope?

    init(row: Row) {
        id = row["id"]
        request = RequestID(row["request"]) ?? RequestID(year: 0, number: 0)
        revision = row["revision"]
        target = OutboxTarget(kind: OutboxTarget.Kind(rawValue: row["target_kind"]) ?? .drafts, mailbox: row["target_mailbox"])
        status = OutboxStatus(rawValue: row["status"]) ?? .failed
        attempts = row["attempts"]
        nextAttemptAt = row["next_attempt_at"]
        lastError = row["last_error"]
        messageID = row["message_id"]
        raw = row["raw"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
        deliveredAt = row["delivered_at"]
        envelope = OutboxEnvelope(from: row["envelope_from"], recipients: row["envelope_to"])
    }
}
