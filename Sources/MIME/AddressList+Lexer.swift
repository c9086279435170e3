/// RFC 5322 3.2 lexical tokens of address headers, read tolerantly: unterminated quotes and
/// comments run to the end, 8-bit bytes are atom text, and encoded words stay whole.
extension AddressList {
    enum Token: Equatable {
        /// Atom text (may hold 8-bit bytes or a whole encoded word).
        case atom([UInt8])
        /// Quoted-string content, escapes undone.
        case quoted([UInt8])
        /// Comment content (inner parentheses kept).
        case comment([UInt8])
        /// `[...]`, brackets included.
        case domainLiteral([UInt8])
        /// One of `< > , : ; @ .`
        case special(UInt8)
    }

    struct Lexeme {
        var token: Token
        /// Whitespace (or a comment) stood before it: display names keep one space there.
        var spaceBefore: Bool
    }

    /// Encoded words longer than this are not looked for (bounds the lookahead in atoms).
    static let maxEncodedWordScan = 256

    static func isSpecial(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"),
             UInt8(ascii: "@"), UInt8(ascii: "."), UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: "["):
            return true
        default:
            return false
        }
    }

    static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }

    static func tokenize(_ raw: [UInt8], _ issues: inout IssueList) -> [Lexeme] {
        var lexemes: [Lexeme] = []
        var i = 0
        var space = false
        while i < raw.count {
            let b = raw[i]
            if isBlank(b) { space = true; i += 1; continue }
            let token: Token
            switch b {
            case UInt8(ascii: "\""):
                token = .quoted(readDelimited(raw, &i, close: UInt8(ascii: "\""), nests: false, &issues))
            case UInt8(ascii: "("):
                token = .comment(readDelimited(raw, &i, close: UInt8(ascii: ")"), nests: true, &issues))
            case UInt8(ascii: "["):
                let content = readDelimited(raw, &i, close: UInt8(ascii: "]"), nests: false, &issues)
                token = .domainLiteral([UInt8(ascii: "[")] + content + [UInt8(ascii: "]")])
            case _ where isSpecial(b):
                token = .special(b)
                i += 1
            default:
                token = .atom(readAtom(raw, &i))
            }
            lexemes.append(Lexeme(token: token, spaceBefore: space))
            if case .comment = token { space = true } else { space = false }
        }
        return lexemes
    }

    /// Content between an opening byte at `i` and `close`, with `\` escapes; nested parentheses
    /// for comments. Unterminated: to the end, with an issue.
    static func readDelimited(_ raw: [UInt8], _ i: inout Int, close: UInt8, nests: Bool,
                              _ issues: inout IssueList) -> [UInt8] {
        let open = raw[i]
        i += 1
        var depth = 1
        var out: [UInt8] = []
        while i < raw.count {
            let b = raw[i]
            i += 1
            if b == UInt8(ascii: "\\"), i < raw.count { out.append(raw[i]); i += 1; continue }
            if nests, b == open { depth += 1 }
            if b == close { depth -= 1; if depth == 0 { return out } }
            out.append(b)
        }
        issues.note(.malformedAddress)
        return out
    }

    /// Atom text; an encoded word is taken whole even if its text holds specials.
    /// QUIRK: encoders that ignore RFC 2047 5(3) (not yet pinned down) Q-encode `,` or `.` in display names without quoting the word.
    static func readAtom(_ raw: [UInt8], _ i: inout Int) -> [UInt8] {
        let start = i
        while i < raw.count, !isBlank(raw[i]) {
            if raw[i] == UInt8(ascii: "="), let end = encodedWordEnd(raw, from: i) { i = end; continue }
            if isSpecial(raw[i]) { break }
            i += 1
        }
        if i == start { i += 1 }  // a lone `)`, `]` or `\`: one byte of junk text
        return Array(raw[start..<i])
    }

    /// End of an `=?cs?e?text?=` starting at `start`, if it is one (no blanks inside).
    static func encodedWordEnd(_ raw: [UInt8], from start: Int) -> Int? {
        guard start + 1 < raw.count, raw[start + 1] == UInt8(ascii: "?") else { return nil }
        var marks = 0
        var j = start + 2
        let limit = min(raw.count, start + maxEncodedWordScan)
        while j < limit, !isBlank(raw[j]) {
            if raw[j] == UInt8(ascii: "?") {
                if marks >= 2, j + 1 < raw.count, raw[j + 1] == UInt8(ascii: "=") { return j + 2 }
                marks += 1
            }
            j += 1
        }
        return nil
    }
}
