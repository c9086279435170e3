/// A printable, JSON-able outline of a parsed message: what `ocm-intake mime` shows an admin
/// so they see exactly what the daemon saw (types, charsets, encodings, names, sizes, warnings).
public struct MessageOutline: Sendable, Codable, Hashable {
    public struct Part: Sendable, Codable, Hashable {
        public var path: String
        public var contentType: String
        public var charset: String?
        public var transferEncoding: String
        public var disposition: String?
        public var filename: String?
        public var contentID: String?
        /// Decoded bytes of a leaf (raw bytes when opaque); nil for containers.
        public var bytes: Int?
        public var attachment: Bool
        public var opaque: Bool
        /// Subject of a nested message/rfc822.
        public var nestedSubject: String?
        public var children: [Part]
    }

    public var subject: String?
    public var from: String?
    public var messageID: String?
    public var root: Part
    public var warnings: [String]

    public init(_ message: Message) {
        subject = message.subject
        from = message.from?.description
        messageID = message.messageID
        var tnefWarnings: [MIMEWarning] = []
        root = Self.outline(message.root, limits: message.limits, tnefWarnings: &tnefWarnings)
        warnings = (message.warnings + tnefWarnings).map(\.description)
    }

    private static func outline(_ part: MIMEPart, limits: ParseLimits, tnefWarnings: inout [MIMEWarning]) -> Part {
        var children: [Part] = []
        var nestedSubject: String?
        var opaque = false
        switch part.body {
        case .multipart(let parts): children = parts.map { outline($0, limits: limits, tnefWarnings: &tnefWarnings) }
        case .message(let inner):
            nestedSubject = inner.subject
            children = [outline(inner.root, limits: inner.limits, tnefWarnings: &tnefWarnings)]
        case .opaque: opaque = true
        case .leaf:
            // Outlook's winmail.dat: show the files inside, as the daemon reads them.
            if let tnef = part.tnefContent(limits: limits) {
                tnefWarnings += tnef.warnings
                let base = part.path.isEmpty ? "1" : part.path
                children = tnef.attachments.enumerated().map { index, file in
                    Part(path: "\(base).tnef.\(index + 1)", contentType: file.mediaType, charset: nil, transferEncoding: "tnef",
                         disposition: "attachment", filename: file.filename, contentID: nil, bytes: file.byteCount,
                         attachment: true, opaque: file.isDataOmitted, nestedSubject: nil, children: [])
                }
            }
        }
        return Part(path: part.path.isEmpty ? "1" : part.path, contentType: part.mimeType, charset: part.charset,
                    transferEncoding: part.transferEncoding, disposition: part.disposition?.value,
                    filename: part.filename, contentID: part.contentID, bytes: part.decodedSize,
                    attachment: part.isAttachment, opaque: opaque, nestedSubject: nestedSubject, children: children)
    }

    /// Indented text, one line per part, then the warnings.
    public var text: String {
        var lines: [String] = []
        if let subject { lines.append("Subject: \(subject)") }
        if let from { lines.append("From: \(from)") }
        if let messageID { lines.append("Message-ID: \(messageID)") }
        Self.render(root, depth: 0, into: &lines)
        if warnings.isEmpty {
            lines.append("warnings: none")
        } else {
            lines.append("warnings (\(warnings.count)):")
            lines.append(contentsOf: warnings.map { "  - \($0)" })
        }
        return lines.joined(separator: "\n")
    }

    private static func render(_ part: Part, depth: Int, into lines: inout [String]) {
        var facts = [part.contentType]
        if let charset = part.charset { facts.append("charset=\(charset)") }
        if !part.children.isEmpty || part.contentType.hasPrefix("multipart/") {
            // containers: encoding is meaningless
        } else {
            facts.append(part.transferEncoding)
        }
        if let disposition = part.disposition { facts.append(disposition) }
        if let filename = part.filename { facts.append("name=\"\(filename)\"") }
        if let id = part.contentID { facts.append("cid=<\(id)>") }
        if let bytes = part.bytes { facts.append("\(bytes) bytes") }
        if part.attachment { facts.append("[attachment]") }
        if part.opaque { facts.append("[opaque]") }
        if let subject = part.nestedSubject { facts.append("subject=\"\(subject)\"") }
        lines.append(String(repeating: "  ", count: depth) + part.path + " " + facts.joined(separator: " "))
        for child in part.children { render(child, depth: depth + 1, into: &lines) }
    }
}
