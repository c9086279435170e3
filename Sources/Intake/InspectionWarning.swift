/// Why an attachment could only be read in part, or not at all. A value, not a failure: the
/// rules turn it into "please resend a readable file" instead of dropping the mail.
///
/// Each case names the place (zip entry, limit) so a reviewer can tell a hostile file from a
/// merely unusual one.
public enum InspectionWarning: Error, Sendable, Hashable {
    /// The attachment has no bytes at all.
    case emptyInput
    /// Not a zip (and not an OLE file): the first bytes, in hex, to tell what it is.
    case notAZip(leadingBytesHex: String)
    /// A zip whose directory cannot be read: cut off in transit, or corrupt.
    case unreadableArchive(reason: String)
    /// An OLE compound file holding `EncryptedPackage`: a password-protected docx/pptx/xlsx.
    case encryptedOOXML
    /// An OLE compound file without encryption: .doc/.ppt/.xls from Office 97–2003.
    case legacyOfficeFormat(filename: String?)
    /// A zip, but no pptx/docx/xlsx main part in it.
    case unknownPackageKind
    /// More zip entries than `OfficeLimits.maxEntries`; nothing was extracted.
    case tooManyEntries(limit: Int)
    /// A part the reader needs is not in the package.
    case missingPart(entry: String)
    /// A part declares (or inflates to) more than `maxEntryInflatedBytes`.
    case entryTooLarge(entry: String, bytes: UInt64, limit: Int)
    /// A part inflates beyond `maxCompressionRatio` times its compressed size.
    case compressionRatioExceeded(entry: String, compressed: UInt64, inflated: UInt64, limit: Int)
    /// Reading this part would pass `maxTotalInflatedBytes`; it and later parts were skipped.
    case totalInflatedBytesExceeded(entry: String, limit: Int)
    /// A part could not be inflated (bad deflate data, unsupported method, CRC mismatch).
    case unreadableEntry(entry: String, reason: String)
    /// XML that does not parse; what was read before the error is kept.
    case malformedXML(entry: String, line: Int, column: Int, message: String)
    /// XML nested deeper than `maxXMLDepth`; parsing of that part stopped there.
    case xmlTooDeep(entry: String, limit: Int)
    /// The document's text passed `maxTextCharacters` (or a workbook `maxSheetCells`);
    /// the rest was dropped.
    case textTruncated(entry: String, limit: Int)
    /// An XML part in an encoding other than UTF-8 or UTF-16; it was not parsed.
    case unsupportedXMLEncoding(entry: String, encoding: String)
}

extension InspectionWarning: CustomStringConvertible {
    public var description: String {
        switch self {
        case .emptyInput:
            return "empty attachment"
        case .notAZip(let hex):
            return "not an Office (zip) file; starts with \(hex)"
        case .unreadableArchive(let reason):
            return "broken or truncated zip: \(reason)"
        case .encryptedOOXML:
            return "password-protected Office document"
        case .legacyOfficeFormat(let name):
            return "legacy Office 97–2003 file\(name.map { " (\($0))" } ?? ""); please send it as .docx/.pptx/.xlsx"
        case .unknownPackageKind:
            return "zip without a Word, PowerPoint or Excel document in it"
        case .tooManyEntries(let limit):
            return "more than \(limit) zip entries"
        case .missingPart(let entry):
            return "\(entry): part missing"
        case .entryTooLarge(let entry, let bytes, let limit):
            return "\(entry): \(bytes) bytes inflated, limit \(limit)"
        case .compressionRatioExceeded(let entry, let compressed, let inflated, let limit):
            return "\(entry): \(compressed) bytes inflate to \(inflated)+, ratio limit \(limit):1"
        case .totalInflatedBytesExceeded(let entry, let limit):
            return "\(entry): total inflated bytes would pass \(limit)"
        case .unreadableEntry(let entry, let reason):
            return "\(entry): cannot inflate (\(reason))"
        case .malformedXML(let entry, let line, let column, let message):
            return "\(entry):\(line):\(column): malformed XML: \(message)"
        case .xmlTooDeep(let entry, let limit):
            return "\(entry): XML nested deeper than \(limit)"
        case .textTruncated(let entry, let limit):
            return "\(entry): text cut at limit \(limit)"
        case .unsupportedXMLEncoding(let entry, let encoding):
            return "\(entry): XML in \(encoding), only UTF-8 and UTF-16 are read"
        }
    }
}
