/// The three replies the daemon drafts, each rendered from its own template file.
public enum ReplyKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// 5.2.4: what is missing or late, and what to do next.
    case observaciones
    /// 5.2.3 → 5.2.5: viable concept with the operational plan.
    case aprobacion
    /// The mail could not be read (over the size limit, broken, unreadable files): asks for a
    /// readable resend and says what was wrong.
    case ilegible

    /// `observaciones.mustache`, …
    public var templateFile: String { rawValue + ReplyTemplates.fileExtension }
}
