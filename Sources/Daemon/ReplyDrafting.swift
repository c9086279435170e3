import Foundation
import Intake
import MIME
import Replies

/// What the daemon needs from the reply renderer: a finished RFC 5322 message whose Message-ID
/// is derived from the request id and revision (composing twice gives the same id, which is
/// how the outbox avoids sending twice).
public protocol ReplyDrafting: Sendable {
    func draft(_ request: DraftRequest) throws -> DraftedReply
}

/// Everything a reply is made from; values only, no ledger or transport types.
public struct DraftRequest: Sendable {
    /// The reply kind (one enum end to end, see `ReplyKind`).
    public typealias Kind = ReplyKind

    public var requestID: String
    public var revision: Int
    public var kind: Kind
    /// The OCM mailbox the reply comes from, and the other one in Cc.
    public var from: Mailbox
    public var cc: [Mailbox]
    /// The incoming mail being answered (To: its Reply-To or From).
    public var incoming: Message
    public var inspection: Inspection
    /// For `ilegible`: what could not be read or was too large.
    public var problems: [ReadProblem]
    public var date: Date
    public var hostname: String
}

public struct DraftedReply: Sendable {
    public var raw: [UInt8]
    public var messageID: String
    /// Envelope recipients (To + Cc).
    public var recipients: [String]
}
