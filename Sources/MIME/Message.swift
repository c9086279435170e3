/// A parsed mail: its header, its MIME tree and what was tolerated on the way. The accessors
/// are what the domain reads: decoded subject, sender, body text, attachments.
public struct Message: Sendable {
    public var headers: HeaderFields
    /// The top-level part (the message's own body).
    public var root: MIMEPart
    /// Every warning in the tree, in document order (nested messages' warnings included).
    public var warnings: [MIMEWarning]
    /// The limits it was parsed with; `bodyText` applies `maxBodyTextCharacters`.
    public var limits: ParseLimits

    public init(headers: HeaderFields, root: MIMEPart, warnings: [MIMEWarning], limits: ParseLimits = .default) {
        self.headers = headers
        self.root = root
        self.warnings = warnings
        self.limits = limits
    }
}
