import Foundation

/// Writing RFC 2047 encoded words: unstructured text (Subject) and display names become header
/// tokens, with non-ASCII runs as `=?UTF-8?Q?…?=` or `=?UTF-8?B?…?=` words short enough that a
/// field folds within 78 characters.
extension EncodedWord {
    /// Longest encoded word we write. RFC 2047 allows 75; a shorter word also fits on the first
    /// line after a name like `Subject: ` or `Reply-To: `, so no field starts with a bare fold.
    static let maxWordLength = 66
    /// `=?UTF-8?Q?` + `?=`.
    static let wordOverhead = 12
    /// A plain word longer than this could not fold onto a line of its own: it is encoded instead,
    /// since encoded words can be split anywhere between characters.
    static let maxPlainWordLength = 76

    /// The tokens of an unstructured value: plain words where they can stay plain, runs of words
    /// that need encoding as encoded words (the spaces inside a run go into the words, since
    /// decoders drop whitespace between adjacent encoded words).
    static func tokens(for text: String) -> [HeaderFolder.Token] {
        let words = HeaderText.flattened(text).split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var tokens: [HeaderFolder.Token] = []
        var run: [String] = []
        func flush() {
            guard !run.isEmpty else { return }
            tokens += encodedWords(run.joined(separator: " "))
            run.removeAll()
        }
        for word in words {
            if needsEncoding(word) { run.append(word); continue }
            flush()
            tokens.append(HeaderFolder.Token(word))
        }
        flush()
        return tokens
    }

    /// Whether a word cannot stand as itself: non-ASCII, too long to fold, or looking like an
    /// encoded word (it would be decoded on the way back).
    static func needsEncoding(_ word: String) -> Bool {
        word.utf8.count > maxPlainWordLength || word.contains("=?") || !word.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }

    /// `text` as one or more encoded words, each of whole characters (RFC 2047 5), each at most
    /// `maxWordLength` long. Q, readable for mostly-Latin text, unless it comes out more than
    /// half as long again as B would.
    static func encodedWords(_ text: String) -> [HeaderFolder.Token] {
        let bytes = Array(text.utf8)
        let useQ = 2 * encodedLength(bytes, q: true) <= 3 * encodedLength(bytes, q: false)
        var tokens: [HeaderFolder.Token] = []
        var chunk: [UInt8] = []
        let room = maxWordLength - wordOverhead
        for scalar in text.unicodeScalars {
            let scalarBytes = Array(String(scalar).utf8)
            if !chunk.isEmpty, encodedLength(chunk + scalarBytes, q: useQ) > room {
                tokens.append(HeaderFolder.Token(word(chunk, q: useQ)))
                chunk.removeAll()
            }
            chunk += scalarBytes
        }
        if !chunk.isEmpty { tokens.append(HeaderFolder.Token(word(chunk, q: useQ))) }
        return tokens
    }

    static func word(_ bytes: [UInt8], q: Bool) -> String {
        q ? "=?UTF-8?Q?" + qEncode(bytes) + "?=" : "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    static func encodedLength(_ bytes: [UInt8], q: Bool) -> Int {
        q ? bytes.reduce(0) { $0 + qLength($1) } : (bytes.count + 2) / 3 * 4
    }

    /// RFC 2047 5 (3): the characters that may stand for themselves in a Q word anywhere, a
    /// phrase included.
    static func isQLiteral(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: "-"), UInt8(ascii: "/"), 0x20:
            return true
        default:
            return false
        }
    }

    static func qLength(_ b: UInt8) -> Int { isQLiteral(b) ? 1 : 3 }

    static func qEncode(_ bytes: [UInt8]) -> String {
        var out = ""
        for b in bytes {
            if b == 0x20 {
                out += "_"
            } else if isQLiteral(b) {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                out += "=" + hexDigits(b)
            }
        }
        return out
    }

    static func hexDigits(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".unicodeScalars)
        return String(String.UnicodeScalarView([digits[Int(b >> 4)], digits[Int(b & 0x0F)]]))
    }
}
