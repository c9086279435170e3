/// What the domain reads from a message, decoded.
extension Message {
    /// Decoded Subject (RFC 2047 words joined), nil when absent.
    public var subject: String? { headers["Subject"]?.text }

    /// First mailbox of From.
    public var from: Mailbox? { AddressList.parse(headers["From"]?.rawValue ?? []).entries.first?.mailboxes.first }

    /// Message-ID with its angle brackets, as written (trimmed).
    public var messageID: String? {
        // PLACEHOLDER (helper B refines).
        headers["Message-ID"].map { String(decoding: $0.rawValue, as: UTF8.self) }
    }

    /// Every leaf part that is an attachment (see `MIMEPart.isAttachment`), depth first.
    public var attachments: [MIMEPart] { [] }  // PLACEHOLDER (helper B replaces)

    /// The body a person reads: the text/plain part, or text/html converted to text.
    public var bodyText: String { "" }  // PLACEHOLDER (helper B replaces)
}
