/// What a winmail.dat (TNEF) carries that a reader of the mail cares about: the files Outlook
/// packed into it, the message text and subject, and what was tolerated on the way.
public struct TNEFContent: Sendable, Hashable {
    /// False when the bytes are not a TNEF stream at all (wrong signature): then nothing else
    /// was read and the part is best treated as the opaque file it claims to be.
    public var isReadable: Bool
    public var attachments: [TNEFAttachment]
    /// The message text: PR_BODY (attMsgProps) or attBody, else PR_BODY_HTML as text; nil
    /// when the stream only has the compressed RTF body.
    public var bodyText: String?
    /// PR_SUBJECT (attMsgProps) or attSubject.
    public var subject: String?
    public var warnings: [MIMEWarning]

    public init(isReadable: Bool, attachments: [TNEFAttachment] = [], bodyText: String? = nil, subject: String? = nil,
                warnings: [MIMEWarning] = []) {
        self.isReadable = isReadable
        self.attachments = attachments
        self.bodyText = bodyText
        self.subject = subject
        self.warnings = warnings
    }
}

/// One file packed in a TNEF stream.
public struct TNEFAttachment: Sendable, Hashable {
    /// PR_ATTACH_LONG_FILENAME, else attAttachTitle, PR_ATTACH_FILENAME or PR_DISPLAY_NAME.
    public var filename: String?
    /// PR_ATTACH_MIME_TAG when the writer set it (lowercased).
    public var contentType: String?
    public var data: [UInt8]
    /// Bytes the stream holds for the file; more than `data.count` only when the data was left
    /// out past `ParseLimits.maxTotalDecodedBytes` (see `isDataOmitted`).
    public var byteCount: Int

    public init(filename: String?, contentType: String?, data: [UInt8], byteCount: Int? = nil) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
        self.byteCount = byteCount ?? data.count
    }

    public var isDataOmitted: Bool { data.count < byteCount }

    /// `contentType`, else a type guessed from the file name's extension, else
    /// `application/octet-stream`.
    public var mediaType: String {
        contentType ?? filename.flatMap(MediaTypeGuess.forFilename) ?? "application/octet-stream"
    }
}
