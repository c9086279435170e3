// A message the daemon fetched, and the state machine it goes through. Nothing is lost: every row
// ends `linked` (a request or a follow-up), `skipped` with its reason, or `quarantined` with its error.
import Foundation
import GRDB

public enum MessageState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Raw bytes are in the ledger; nothing else was done yet.
    case stored
    /// MIME parsed and screened; waiting to be linked to a request.
    case parsed
    /// Part of a request (its origin or a follow-up).
    case linked
    /// No reply, with a reason (`SkipReason` raw values: `duplicate`, `bounce`, …).
    case skipped
    /// Could not be processed; `error` says why.
    case quarantined

    /// Where each state may go. Going to a state already reached (or passed) is a re-run, not an error.
    var next: Set<MessageState> {
        switch self {
        case .stored: return [.parsed, .skipped, .quarantined]
        case .parsed: return [.linked, .skipped, .quarantined]
        case .linked, .skipped, .quarantined: return []
        }
    }

    var isFinal: Bool { next.isEmpty }
}

public struct SeenMessage: Sendable, Hashable {
    public let rowID: Int64
    public let mailbox: String
    public let uidValidity: UInt32
    public let uid: UInt32
    /// `<id>` for a mail with a Message-ID, `sha256:…` of its header without trace fields otherwise.
    public let key: String
    /// The normalized Message-ID (`<id>`), `nil` when the mail had none.
    public var messageID: String? { hasMessageID ? key : nil }
    let hasMessageID: Bool
    /// The first row with the same key, when this one repeats it (other mailbox, re-read after a
    /// UIDVALIDITY change, re-delivery). Such rows are `skipped` with reason `duplicate`.
    public let duplicateOf: Int64?
    public let state: MessageState
    public let skipReason: String?
    public let error: String?
    public let rawSize: Int
    public let recordedAt: Date
    /// When the mail reached the mailbox, as the server says (IMAP INTERNALDATE, Maildir file
    /// time), else its Date header; nil when neither was known.
    public let arrivedAt: Date?
    public let updatedAt: Date
    /// Only the header was stored: the mail was over the size limit (`serverSize`, when the server
    /// said it). Intake answers it "too large", whether fetched now or drained after a crash.
    public let headerOnly: Bool
    public let serverSize: Int?
    /// True only in the answer of the `recordMessage` call that created the row.
    public internal(set) var isNew = false

    public var isDuplicate: Bool { duplicateOf != nil }

    init(row: Row) {
        rowID = row["id"]
        mailbox = row["mailbox"]
        uidValidity = UInt32(truncatingIfNeeded: row["uid_validity"] as Int64)
        uid = UInt32(truncatingIfNeeded: row["uid"] as Int64)
        key = row["message_key"]
        hasMessageID = row["has_message_id"]
        duplicateOf = row["duplicate_of"]
        state = MessageState(rawValue: row["state"]) ?? .quarantined
        skipReason = row["skip_reason"]
        error = row["error"]
        rawSize = row["raw_size"]
        recordedAt = row["recorded_at"]
        arrivedAt = row["arrived_at"]
        updatedAt = row["updated_at"]
        headerOnly = row["header_only"] ?? false
        serverSize = row["server_size"]
    }
}
