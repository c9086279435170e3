import Intake

/// Each drafted reply is rendered from its own template file.
extension ReplyKind {
    /// `observaciones.mustache`, …
    public var templateFile: String { rawValue + ReplyTemplates.fileExtension }
}
