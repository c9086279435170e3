/// A word, number or single symbol of a text, folded for comparison but keeping its place in
/// the original. Dates and trigger phrases are matched on tokens so that "1ro", "1°" and
/// "15.03.2026" split the same way whatever the spacing, and matches report original ranges.
struct TextToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case word, number, symbol }

    var kind: Kind
    /// Folded text (see `TextNormalizer.fold`).
    var text: String
    var range: Range<String.Index>
    /// Whether whitespace separates this token from the previous one.
    var spaceBefore: Bool
    /// Newlines between the previous token and this one (2 or more: a paragraph break).
    var newlinesBefore: Int

    var isNumber: Bool { kind == .number }
    func isWord(_ word: String) -> Bool { kind == .word && text == word }
    func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }
    /// Adjacent to the previous token, as the parts of "15/03/2026" are.
    var attached: Bool { !spaceBefore }

    /// The tokens of `text`, as `tokenizeByCharacters` defines them. Speed: reads the UTF-8
    /// bytes; an ASCII byte followed by another ASCII byte is a Character of its own (only CR LF
    /// joins two, and it is handled), so nearly all of a Spanish mail is classified by table and
    /// an ASCII token is folded by lowercasing its bytes. Anything else goes through Characters.
    static func tokenize(_ text: String) -> [TextToken] {
        var copy = text
        return copy.withUTF8 { utf8 in
            var scanner = ByteScanner(text: text, utf8: utf8)
            return scanner.tokens()
        }
    }

    /// The definition of `tokenize`, one Character at a time (kept for the equivalence test).
    static func tokenizeByCharacters(_ text: String) -> [TextToken] {
        var tokens: [TextToken] = []
        var index = text.startIndex
        var spaces = false
        var newlines = 0
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                spaces = true
                if character.isNewline { newlines += 1 }
                index = text.index(after: index)
                continue
            }
            let kind = kindOf(character)
            var end = text.index(after: index)
            if kind != .symbol {
                while end < text.endIndex, kindOf(text[end]) == kind { end = text.index(after: end) }
            }
            let range = index..<end
            tokens.append(TextToken(kind: kind, text: TextNormalizer.fold(text[range]), range: range,
                                    spaceBefore: spaces, newlinesBefore: newlines))
            spaces = false
            newlines = 0
            index = end
        }
        return tokens
    }

    static func kindOf(_ character: Character) -> Kind {
        if character.isASCII && character.isNumber { return .number }
        if character.isLetter { return .word }
        return .symbol
    }
}
