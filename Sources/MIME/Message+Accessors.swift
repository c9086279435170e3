/// What the domain reads from a message, decoded.
extension Message {
    /// Decoded Subject (RFC 2047 words joined), nil when absent.
    public var subject: String? { headers["Subject"]?.text }

    /// First mailbox of From.
    public var from: Mailbox? { mailboxes("From").first }
    /// Sender, when set (mailing lists, delegates in Exchange).
    public var sender: Mailbox? { mailboxes("Sender").first }
    public var replyTo: [Mailbox] { mailboxes("Reply-To") }
    /// Every To mailbox (all To fields, groups flattened).
    public var to: [Mailbox] { mailboxes("To") }
    public var cc: [Mailbox] { mailboxes("Cc") }

    /// Message-ID with its angle brackets (`<x@y>`), comments and whitespace removed.
    public var messageID: String? { headers["Message-ID"].flatMap { MessageIDList.ids(in: $0.rawValue).first } }
    /// First id of In-Reply-To.
    public var inReplyTo: String? { headers["In-Reply-To"].flatMap { MessageIDList.ids(in: $0.rawValue).first } }
    /// Every id of References (all References fields), in order.
    public var references: [String] { headers.all("References").flatMap { MessageIDList.ids(in: $0.rawValue) } }

    /// The Date field, nil when absent or unreadable.
    public var date: MailDate? { headers["Date"].flatMap { MailDate.parse($0.text) } }

    /// A delivery report (bounce, read receipt): `multipart/report` at the top.
    public var isMultipartReport: Bool { root.mimeType == "multipart/report" }

    /// Attachments of this message's own tree, depth first. An attached `message/rfc822` is
    /// one attachment; files inside it are not listed here (see `allParts`).
    public var attachments: [MIMEPart] { ownParts.filter(\.isAttachment) }

    /// Every part of the tree depth first, nested messages' parts included (after their
    /// message/rfc822 part).
    public var allParts: [MIMEPart] { Self.walk(root, intoMessages: true) }

    /// The parts of this message's own tree, depth first, not descending into nested messages.
    public var ownParts: [MIMEPart] { Self.walk(root, intoMessages: false) }

    /// The first text/plain body part (not an attachment), decoded with its charset.
    public var textBody: String? { ownParts.first { $0.isBodyText && $0.mimeType == "text/plain" }?.decodedText?.text }

    /// The first text/html body part, decoded with its charset (markup kept).
    public var htmlBody: String? { ownParts.first { $0.isBodyText && $0.mimeType == "text/html" }?.decodedText?.text }

    /// The body a person reads: the text/plain part if present and not blank, else text/html
    /// converted to text; cut at `limits.maxBodyTextCharacters`.
    public var bodyText: String { bodyTextResult.text }

    /// `bodyText` with what was tolerated: charset issues, `.bodyTextTruncated`.
    public var bodyTextResult: DecodedText {
        let parts = ownParts
        let limit = limits.maxBodyTextCharacters
        if let plain = parts.first(where: { $0.isBodyText && $0.mimeType == "text/plain" })?.decodedText,
           plain.text.contains(where: { !$0.isWhitespace }) {
            // Speed: no Character count of a long body; a body of at most `limit` bytes has at
            // most `limit` Characters, and one walk finds where the longer ones are cut.
            let text = plain.text
            if text.utf8.count <= limit { return plain }
            guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), end < text.endIndex else {
                return plain
            }
            return DecodedText(String(text[..<end]), issues: plain.issues + [.bodyTextTruncated])
        }
        guard let html = parts.first(where: { $0.isBodyText && $0.mimeType == "text/html" })?.decodedText else {
            return DecodedText("")
        }
        let converted = HTMLText.convert(html.text, maxCharacters: limit)
        return DecodedText(converted.text, issues: html.issues + (converted.truncated ? [.bodyTextTruncated] : []))
    }

    private func mailboxes(_ name: String) -> [Mailbox] {
        headers.all(name).flatMap { AddressList.parse($0.rawValue).entries.flatMap(\.mailboxes) }
    }

    /// Iterative depth-first walk: no recursion, whatever the tree's depth.
    static func walk(_ root: MIMEPart, intoMessages: Bool) -> [MIMEPart] {
        var out: [MIMEPart] = []
        var stack: [MIMEPart] = [root]
        while let part = stack.popLast() {
            out.append(part)
            switch part.body {
            case .multipart(let children): stack.append(contentsOf: children.reversed())
            case .message(let nested) where intoMessages: stack.append(nested.root)
            default: break
            }
        }
        return out
    }
}
