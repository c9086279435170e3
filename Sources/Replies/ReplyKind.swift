/// The replies the daemon drafts, each rendered from its own template file.
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

    /// Replies that go to OCM staff, not to the area.
    public var isInternal: Bool { self == .revisionManual }

    /// `observaciones.mustache`, …
    public var templateFile: String { rawValue + ReplyTemplates.fileExtension }
}
