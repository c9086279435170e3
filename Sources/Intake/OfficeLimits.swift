/// Hard limits for reading an Office attachment: a mail is hostile input, so every size the
/// inspector can be made to allocate or loop over has a named ceiling here.
///
/// Past a limit the inspector degrades (skips the part, stops reading, warns); it never fails
/// the mail. The defaults sit far above what ICETEX's areas send (a 40-slide deck inflates to
/// a few MB) and far below what could hurt a 2-core daemon.
public struct OfficeLimits: Sendable, Hashable {
    /// Zip entries in the package; a real pptx has ~50–300, a docx ~20.
    public var maxEntries: Int
    /// Inflated bytes of one part we read (slide, document.xml, sheet).
    public var maxEntryInflatedBytes: Int
    /// Inflated bytes of all the parts we read from one attachment together.
    public var maxTotalInflatedBytes: Int
    /// Inflated : compressed ratio of one entry. Real OOXML parts sit at 5–40:1;
    /// a run of zeros reaches 1000:1.
    public var maxCompressionRatio: Int
    /// The ratio is only held against parts larger than this: tiny parts cannot bomb, and
    /// a nearly empty part compresses oddly.
    public var compressionRatioFloorBytes: Int
    /// Element nesting in any XML part (libxml2's own ceiling is 256).
    public var maxXMLDepth: Int
    /// Characters of text kept from one document; the rest is dropped with a warning.
    public var maxTextCharacters: Int
    /// Cells kept from one workbook, empty ones included.
    public var maxSheetCells: Int

    public init(
        maxEntries: Int = 2_000,
        maxEntryInflatedBytes: Int = 20 * 1_024 * 1_024,
        maxTotalInflatedBytes: Int = 60 * 1_024 * 1_024,
        maxCompressionRatio: Int = 100,
        compressionRatioFloorBytes: Int = 1_024 * 1_024,
        maxXMLDepth: Int = 128,
        maxTextCharacters: Int = 2_000_000,
        maxSheetCells: Int = 500_000
    ) {
        self.maxEntries = maxEntries
        self.maxEntryInflatedBytes = maxEntryInflatedBytes
        self.maxTotalInflatedBytes = maxTotalInflatedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.compressionRatioFloorBytes = compressionRatioFloorBytes
        self.maxXMLDepth = maxXMLDepth
        self.maxTextCharacters = maxTextCharacters
        self.maxSheetCells = maxSheetCells
    }

    public static let `default` = OfficeLimits()
}
