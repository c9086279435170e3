/// A non-fatal problem found while parsing. Warnings travel with the parsed value so an admin
/// (`ocm-intake mime`) and the ledger can see what the parser tolerated or cut.
public struct MIMEWarning: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        case headerTooLarge, tooManyHeaderFields, malformedHeaderLine
        case malformedEncodedWord, unknownCharset, undeclared8Bit, invalidBytesForCharset
        case malformedParameter, malformedAddress, malformedDate
        case malformedBase64, malformedQuotedPrintable, unknownTransferEncoding
        case missingBoundary, missingFinalBoundary, emptyMultipart
        case depthLimit, partLimit, partSizeLimit, totalSizeLimit, bodyTextTruncated
        /// Outlook's winmail.dat (TNEF): unreadable or cut stream, a wrong attribute checksum,
        /// more files than `maxTNEFAttachments`, content kept but not read (RTF, embedded mail).
        case malformedTNEF, tnefChecksumMismatch, tnefAttachmentLimit, tnefUnreadContent
    }

    public var kind: Kind
    /// Part path in the tree ("" for the message's own header, "1.2" for the second child of the first part).
    public var part: String
    /// A short human detail with the offending excerpt (never a whole body).
    public var detail: String

    public init(_ kind: Kind, part: String = "", _ detail: String = "") {
        self.kind = kind
        self.part = part
        self.detail = detail
    }

    public var description: String {
        let place = part.isEmpty ? "message" : "part \(part)"
        return detail.isEmpty ? "\(kind.rawValue) (\(place))" : "\(kind.rawValue) (\(place)): \(detail)"
    }
}
