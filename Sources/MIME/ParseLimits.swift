/// The bounds every parse stays within. Past a limit the parser degrades (an opaque part, a
/// truncated header block) and records a `MIMEWarning`; it never throws for bad mail.
public struct ParseLimits: Sendable, Hashable {
    /// Bytes of one header block (a message's or a part's) before the rest is ignored.
    public var maxHeaderBytes: Int
    /// Header fields in one block.
    public var maxHeaderFields: Int
    /// Nesting depth of multiparts and `message/rfc822` parts; deeper parts become opaque.
    public var maxDepth: Int
    /// Parts in the whole tree; later parts become opaque.
    public var maxParts: Int
    /// Decoded bytes of one leaf part; past it the part is opaque (its raw size still reported).
    public var maxPartDecodedBytes: Int
    /// Decoded bytes of the whole message.
    public var maxTotalDecodedBytes: Int
    /// Characters of the body text produced from text/plain or text/html.
    public var maxBodyTextCharacters: Int
    /// Files taken out of one winmail.dat (TNEF); later ones are skipped. Their bytes count
    /// against `maxTotalDecodedBytes`.
    public var maxTNEFAttachments: Int

    public init(
        maxHeaderBytes: Int = 256 * 1024,
        maxHeaderFields: Int = 2_000,
        maxDepth: Int = 16,
        maxParts: Int = 500,
        maxPartDecodedBytes: Int = 40 * 1024 * 1024,
        maxTotalDecodedBytes: Int = 100 * 1024 * 1024,
        maxBodyTextCharacters: Int = 2 * 1024 * 1024,
        maxTNEFAttachments: Int = 200
    ) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderFields = maxHeaderFields
        self.maxDepth = maxDepth
        self.maxParts = maxParts
        self.maxPartDecodedBytes = maxPartDecodedBytes
        self.maxTotalDecodedBytes = maxTotalDecodedBytes
        self.maxBodyTextCharacters = maxBodyTextCharacters
        self.maxTNEFAttachments = maxTNEFAttachments
    }

    public static let `default` = ParseLimits()
}
