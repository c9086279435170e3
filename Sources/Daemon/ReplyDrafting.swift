import Foundation
import Intake
import MIME
import Replies

/// What the daemon needs from the reply renderer: a finished RFC 5322 message whose Message-ID
/// is derived from the request id and revision (composing twice gives the same id, which is
/// how the outbox avoids sending twice).
public protocol ReplyDrafting: Sendable {
    func draft(_ request: DraftRequest) throws -> DraftedReply
    /// How observations read in the verdict JSON the ledger keeps: the same words as the reply.
    var wording: ObservationWording { get }
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
    /// The request as read from its mails, and the procedure's verdict on it (typed, with its
    /// plan): nil for `ilegible`, whose mail could not be read.
    public var request: TrainingRequest?
    public var verdict: Verdict?
    /// For `ilegible`: what could not be read or was too large.
    public var problems: [ReadProblem]
    public var date: Date
    public var hostname: String

    public init(requestID: String, revision: Int, kind: Kind, from: Mailbox, cc: [Mailbox], incoming: Message,
                request: TrainingRequest? = nil, verdict: Verdict? = nil, problems: [ReadProblem] = [], date: Date,
                hostname: String) {
        self.requestID = requestID
        self.revision = revision
        self.kind = kind
        self.from = from
        self.cc = cc
        self.incoming = incoming
        self.request = request
        self.verdict = verdict
        self.problems = problems
        self.date = date
        self.hostname = hostname
    }
}

public struct DraftedReply: Sendable {
    public var raw: [UInt8]
    public var messageID: String
    /// Envelope recipients (To + Cc).
    public var recipients: [String]
}
