/// What a part's header says about its content: type, transfer encoding, disposition,
/// filename and Content-ID, each read tolerantly.
struct PartMetadata {
    var contentType: ParameterizedValue
    var transferEncoding: String
    var disposition: ParameterizedValue?
    var filename: String?
    var contentID: String?
    var issues: [MIMEWarning.Kind]

    static let plainText = ParameterizedValue(value: "text/plain", parameters: [("charset", "us-ascii")])
    static let rfc822 = ParameterizedValue(value: "message/rfc822")

    init(_ headers: HeaderFields, defaultType: ParameterizedValue) {
        var issues: [MIMEWarning.Kind] = []
        var type = defaultType
        if let raw = headers["Content-Type"]?.rawValue {
            let parsed = ParameterizedValue.parse(raw)
            issues += parsed.issues
            // QUIRK: `Content-Type: text` or an empty value (hand-made mail, old scripts):
            // the default type is used, but parameters such as charset are kept.
            if Self.isValidType(parsed.value) {
                type = parsed
            } else {
                type = ParameterizedValue(value: defaultType.value, parameters: parsed.parameters, issues: parsed.issues)
            }
        }
        contentType = type
        // QUIRK: `Content-Transfer-Encoding: base64 ` with trailing blanks (a 2005 postcard
        // sender in mime4j's corpus): field values come trimmed and only the first token counts.
        // Python 3.11's `email` keeps the blank, misses `base64` and returns the encoded text.
        let encoding = headers["Content-Transfer-Encoding"].map { Self.token($0.rawValue) } ?? ""
        transferEncoding = encoding.isEmpty ? "7bit" : encoding  // RFC 2045 6.1 default
        if let raw = headers["Content-Disposition"]?.rawValue, !raw.isEmpty {
            let d = ParameterizedValue.parse(raw)
            issues += d.issues
            disposition = d
        }
        // In message/external-body, `name` is where the content lives (the remote file of
        // ANON-FTP, local-file, ... access, RFC 2046 5.2.3), not a name for this part.
        let typeName = type.value == "message/external-body" ? nil : type["name"]
        filename = Self.decodedFilename(disposition?["filename"] ?? typeName)
        contentID = headers["Content-ID"].map { Self.stripAngles(String(decoding: $0.rawValue, as: UTF8.self)) }
        if contentID?.isEmpty == true { contentID = nil }
        self.issues = issues
    }

    static func isValidType(_ v: String) -> Bool {
        // ASCII (nearly every type) by bytes: one byte is one Character there.
        if v.utf8.allSatisfy({ $0 < 0x80 }) {
            guard let slash = v.utf8.firstIndex(of: UInt8(ascii: "/")) else { return false }
            return slash != v.utf8.startIndex && v.utf8.index(after: slash) != v.utf8.endIndex && !v.utf8.contains(0x20)
        }
        guard let slash = v.firstIndex(of: "/") else { return false }
        return slash != v.startIndex && v.index(after: slash) != v.endIndex && !v.utf8.contains(0x20)
    }

    /// Lowercased first token of a Content-Transfer-Encoding value (comments and junk dropped).
    /// ASCII values (all real ones) by bytes, without splitting the whole value into strings.
    static func token(_ raw: [UInt8]) -> String {
        guard raw.allSatisfy({ $0 < 0x80 }) else { return token(String(decoding: raw, as: UTF8.self)) }
        let separator: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "(") }
        guard let start = raw.firstIndex(where: { !separator($0) }) else { return "" }
        let end = raw[start...].firstIndex(where: separator) ?? raw.endIndex
        return String(decoding: raw[start..<end].map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    static func token(_ s: String) -> String {
        let t = s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ";" || $0 == "(" }).first ?? ""
        return t.lowercased()
    }

    /// Parameter values come decoded from `ParameterizedValue`; a value that still holds
    /// encoded words is decoded here.
    static func decodedFilename(_ v: String?) -> String? {
        guard var name = v else { return nil }
        // QUIRK: Outlook and Exchange put RFC 2047 words inside quoted filename parameters.
        if hasEncodedWordStart(name) { name = EncodedWord.decodeHeaderText(Array(name.utf8)).text }
        let trimmed = name.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Whether `=?` occurs, by bytes: with Foundation visible in the module, `String.contains`
    /// went through `range(of:)` (4 % of `mime --json`), and `utf8.firstRange(of:)` costs more.
    static func hasEncodedWordStart(_ s: String) -> Bool {
        var previous: UInt8 = 0
        for byte in s.utf8 {
            if previous == UInt8(ascii: "="), byte == UInt8(ascii: "?") { return true }
            previous = byte
        }
        return false
    }

    /// Content-ID or Message-ID without whitespace and angle brackets.
    static func stripAngles(_ s: String) -> String {
        var t = Substring(s.trimmingWhitespace())
        if t.hasPrefix("<") { t = t.dropFirst() }
        if let gt = t.firstIndex(of: ">") { t = t[..<gt] }
        return String(t).trimmingWhitespace()
    }
}

extension String {
    /// Trims spaces, tabs and line breaks without Foundation.
    func trimmingWhitespace() -> String {
        let ws: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !ws($0) }), let last = lastIndex(where: { !ws($0) }) else { return "" }
        return String(self[first...last])
    }
}
