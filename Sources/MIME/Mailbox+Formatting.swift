/// Writing addresses (RFC 5322 3.4): `Name <local@domain>`, the name as atoms, a quoted string
/// or encoded words, whichever it needs. Names and addresses may come from incoming mail, so
/// both are cleaned of anything that could end the field or the angle address.
extension Mailbox {
    /// RFC 5322 `atext`: what a word of a display name may hold without quotes.
    static func isAtext(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-/=?^_`{|}~".utf8).contains(b)
        }
    }

    /// The address as written on the wire and given to SMTP: no controls, whitespace or angle
    /// brackets (which could end the angle address or the field).
    public var wireAddress: String { HeaderText.compact(address, dropping: ["<", ">"]) }

    /// The mailbox as header tokens: the name's words (foldable between them), then `<address>`.
    func headerTokens() -> [HeaderFolder.Token] {
        let name = HeaderText.flattened(displayName ?? "")
        guard !name.isEmpty else { return [HeaderFolder.Token(wireAddress)] }
        return Self.phraseTokens(name) + [HeaderFolder.Token("<" + wireAddress + ">")]
    }

    /// A display name as atoms when it can be, a quoted string when it is printable ASCII that
    /// fits on a line, encoded words otherwise (non-ASCII, `=?`, or too long to quote).
    static func phraseTokens(_ name: String) -> [HeaderFolder.Token] {
        let words = name.split(separator: " ").map(String.init)
        if words.allSatisfy({ !EncodedWord.needsEncoding($0) && $0.utf8.allSatisfy(isAtext) }) {
            return words.map { HeaderFolder.Token($0) }
        }
        if !name.contains("=?"), name.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) {
            var quoted = "\""
            for c in name.unicodeScalars {
                if c == "\"" || c == "\\" { quoted += "\\" }
                quoted.unicodeScalars.append(c)
            }
            quoted += "\""
            if quoted.utf8.count <= EncodedWord.maxPlainWordLength { return [HeaderFolder.Token(quoted)] }
        }
        return EncodedWord.encodedWords(name)
    }

    /// `a, B <b@x>, …`: each mailbox's tokens, a comma glued to the end of all but the last.
    static func listTokens(_ mailboxes: [Mailbox]) -> [HeaderFolder.Token] {
        var tokens: [HeaderFolder.Token] = []
        for (i, mailbox) in mailboxes.enumerated() {
            var own = mailbox.headerTokens()
            if i < mailboxes.count - 1 { own[own.count - 1].text += "," }
            tokens += own
        }
        return tokens
    }
}
