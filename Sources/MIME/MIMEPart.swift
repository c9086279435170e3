/// One node of a message's MIME tree, with everything the daemon and an admin need to know
/// about it already decoded.
public struct MIMEPart: Sendable {
    /// Position in the tree: "" for a single-part message's body, "1", "1.2", ...
    public var path: String
    public var headers: HeaderFields
    /// Parsed Content-Type; `text/plain; charset=us-ascii` when absent (RFC 2045), or
    /// `message/rfc822` inside multipart/digest.
    public var contentType: ParameterizedValue
    /// Lowercased transfer encoding as declared (`base64`, `quoted-printable`, `7bit`, ...).
    public var transferEncoding: String
    public var disposition: ParameterizedValue?
    /// Decoded filename from `filename` (Content-Disposition) or `name` (Content-Type).
    public var filename: String?
    /// Content-ID without angle brackets.
    public var contentID: String?
    public var body: Body
    /// Warnings about this part (also collected on the message).
    public var warnings: [MIMEWarning]
    /// `type/subtype` of the multipart directly holding this part; nil for a message's root.
    /// The attachment rule needs it (a Content-ID image inside multipart/related is inline).
    public var enclosingType: String?
    /// True for the text/plain and text/html parts chosen as the message's body: such a part
    /// is never an attachment, whatever its headers say.
    public var isBodyText: Bool

    public indirect enum Body: Sendable {
        /// Decoded content bytes of a leaf part.
        case leaf([UInt8])
        case multipart([MIMEPart])
        /// `message/rfc822` (or `message/global`) parsed as a nested message.
        case message(Message)
        /// Content kept undecoded because a limit was reached; `byteCount` is its raw size.
        case opaque(byteCount: Int)
    }

    public init(path: String, headers: HeaderFields, contentType: ParameterizedValue, transferEncoding: String,
                disposition: ParameterizedValue?, filename: String?, contentID: String?, body: Body,
                warnings: [MIMEWarning] = [], enclosingType: String? = nil, isBodyText: Bool = false) {
        self.path = path
        self.headers = headers
        self.contentType = contentType
        self.transferEncoding = transferEncoding
        self.disposition = disposition
        self.filename = filename
        self.contentID = contentID
        self.body = body
        self.warnings = warnings
        self.enclosingType = enclosingType
        self.isBodyText = isBodyText
    }

    /// `type/subtype`, lowercased.
    public var mimeType: String { contentType.value }

    /// Declared charset parameter, if any.
    public var charset: String? { contentType["charset"] }

    /// The leaf's content as text in its declared charset; nil for containers and opaque parts.
    /// Without a Content-Type field the RFC 2045 default (us-ascii) is not passed on: the
    /// charset is guessed, since such 8-bit bodies are nearly always UTF-8 or Windows-1252.
    public var decodedText: DecodedText? {
        guard case .leaf(let bytes) = body else { return nil }
        return Charset.decode(bytes, declared: headers["Content-Type"] == nil ? nil : charset)
    }

    /// The leaf's decoded content bytes; nil for containers and opaque parts.
    public var content: [UInt8]? {
        if case .leaf(let bytes) = body { return bytes }
        return nil
    }

    /// Decoded size in bytes: content of a leaf, raw size of an opaque part, nil otherwise.
    public var decodedSize: Int? {
        switch body {
        case .leaf(let b): return b.count
        case .opaque(let n): return n
        case .multipart, .message: return nil
        }
    }
}
