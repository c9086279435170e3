import Foundation

/// Builds an RFC 5322 message as bytes: header fields in the order they are added, then
/// MIME-Version and the body's own fields, then the body; CRLF everywhere, no line over 998
/// octets, header lines within 78 characters wherever the values allow.
///
/// Every value goes through an encoder that knows its grammar (unstructured text, addresses,
/// message ids, a date), and every encoder removes control characters first: a value copied
/// from an incoming mail can never add a header field or end the header, whatever it holds.
/// Pure: the date and the ids are given, nothing is read from a clock or the host.
public struct MessageBuilder: Sendable {
    /// One header field, already laid out on its lines.
    struct Field: Sendable, Hashable {
        var name: String
        var tokens: [HeaderFolder.Token]
    }

    /// Names the body writes itself; adding them by hand is ignored so they cannot disagree.
    static let bodyFieldNames: Set<String> = ["mime-version", "content-type", "content-transfer-encoding"]

    private(set) var fields: [Field] = []
    public var body: MessageBody

    public init(body: MessageBody = .plain("")) {
        self.body = body
    }

    /// Unstructured text (Subject, Auto-Submitted, X-…): words kept as they are where possible,
    /// the rest as RFC 2047 encoded words.
    public mutating func add(_ name: String, text: String) {
        append(name, EncodedWord.tokens(for: text))
    }

    /// An address list (From, To, Cc, Reply-To). An empty list adds no field.
    public mutating func add(_ name: String, mailboxes: [Mailbox]) {
        guard !mailboxes.isEmpty else { return }
        append(name, Mailbox.listTokens(mailboxes))
    }

    /// Message ids (Message-ID, In-Reply-To, References), with or without their brackets; ids
    /// that are empty once cleaned are dropped, and no field is added when none is left.
    public mutating func add(_ name: String, messageIDs: [String]) {
        let tokens = MessageIDList.tokens(messageIDs)
        guard !tokens.isEmpty else { return }
        append(name, tokens)
    }

    /// A date field at the given offset from UTC (Bogotá: -300).
    public mutating func add(_ name: String, date: Date, offsetMinutes: Int) {
        append(name, MailDate.format(date, offsetMinutes: offsetMinutes).split(separator: " ").map { HeaderFolder.Token(String($0)) })
    }

    private mutating func append(_ name: String, _ tokens: [HeaderFolder.Token]) {
        let clean = HeaderText.fieldName(name)
        guard !clean.isEmpty, !Self.bodyFieldNames.contains(clean.lowercased()) else { return }
        fields.append(Field(name: clean, tokens: tokens))
    }

    /// The whole message.
    public func build() -> [UInt8] {
        var out: [UInt8] = []
        for field in fields { out += HeaderFolder.fold(name: field.name, field.tokens) }
        out += HeaderFolder.fold(name: "MIME-Version", [HeaderFolder.Token("1.0")])
        out += body.headerLines
        out += [0x0D, 0x0A]
        out += body.bytes
        return out
    }

    /// `<id>` as the builder writes it (controls, whitespace and stray brackets removed), or nil.
    public static func formatMessageID(_ id: String) -> String? { MessageIDList.format(id) }
}
