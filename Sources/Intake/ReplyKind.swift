/// The reply a mail gets: one enum from the verdict to the drafter, the outbox and the ledger
/// (the verdict's `Verdict.Reply`, the daemon's `DraftRequest.Kind` and the renderer's kind are
/// this type). The raw value is the `reply` of `inspect --json` and part of the reply's Message-ID.
public enum ReplyKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// 5.2.4: what is missing or late, and what to do next.
    case observaciones
    /// 5.2.3 → 5.2.5: viable concept with the operational plan.
    case aprobacion
    /// The mail could not be read (over the size limit, broken, unreadable files): asks for a
    /// readable resend and says what was wrong.
    case ilegible
    /// The area or the kind could not be decided: a note to OCM staff (To: the OCM mailbox,
    /// nothing to the area) saying what to decide; the request waits in `requiere_revision`.
    case revisionManual = "revision-manual"
    /// No reply (skipped mail: auto-reply, bounce, not a request, …).
    case ninguna

    /// The kinds drafted from a template: all but `ninguna`.
    public static var drafted: [ReplyKind] { allCases.filter { $0 != .ninguna } }

    /// Replies that go to OCM staff, not to the area.
    public var isInternal: Bool { self == .revisionManual }
}
