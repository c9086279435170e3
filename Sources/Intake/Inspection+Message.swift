import MIME

extension Inspection {
    /// The facts read straight from the parsed mail; the procedure's fields and verdict are
    /// filled by the evaluation on top of this.
    public init(file: String, message: Message) {
        self.init(file: file)
        messageId = message.messageID
        from = message.from?.normalizedAddress
        subject = message.subject
        // A readable winmail.dat is listed as the files inside it, as the evaluation sees them.
        attachments = message.attachments.flatMap { part -> [Attachment] in
            if let tnef = part.tnefContent(limits: message.limits), tnef.isReadable {
                return tnef.attachments.map { Attachment(filename: $0.filename, contentType: $0.mediaType, bytes: $0.byteCount) }
            }
            return [Attachment(filename: part.filename, contentType: part.mimeType, bytes: part.decodedSize ?? 0)]
        }
    }
}
