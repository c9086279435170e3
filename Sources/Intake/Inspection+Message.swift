import MIME

extension Inspection {
    /// The facts read straight from the parsed mail; the procedure's fields and verdict are
    /// filled by the evaluation on top of this.
    public init(file: String, message: Message) {
        self.init(file: file)
        messageId = message.messageID
        from = message.from?.normalizedAddress
        subject = message.subject
        attachments = message.attachments.map { part in
            Attachment(filename: part.filename, contentType: part.mimeType, bytes: part.decodedSize ?? 0)
        }
    }
}
