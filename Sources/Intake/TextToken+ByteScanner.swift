/// The byte-wise reading behind `TextToken.tokenize`.
extension TextToken {
    /// What one Character is to the tokenizer.
    enum CharacterClass: Equatable {
        case space, newline, token(Kind)
    }

    /// Walks valid UTF-8 (a String's storage) one Character at a time, by table for ASCII.
    struct ByteScanner {
        let text: String
        let utf8: UnsafeBufferPointer<UInt8>
        /// `asciiClass`, read once (a static is checked for lazy initialisation on every access).
        let ascii = ByteScanner.asciiClass

        /// Class of each ASCII byte as a lone Character.
        static let asciiClass: [CharacterClass] = (0..<128).map { byte in
            switch byte {
            case 0x0A...0x0D: return .newline
            case 0x09, 0x20: return .space
            case 0x30...0x39: return .token(.number)
            case 0x41...0x5A, 0x61...0x7A: return .token(.word)
            default: return .token(.symbol)
            }
        }

        /// Class of each scalar U+0080–U+02FF as a lone Character, from the Character's own properties.
        static let latinClass: [CharacterClass] = (0x80..<0x300).map { value in
            let character = Character(Unicode.Scalar(UInt32(value))!)
            if character.isWhitespace { return character.isNewline ? .newline : .space }
            return .token(TextToken.kindOf(character))
        }

        /// The class of the Character starting at byte `i` and the offset after it.
        func character(at i: Int) -> (CharacterClass, next: Int) {
            let b = utf8[i]
            if b < 0x80 {
                let following = i + 1 < utf8.count ? utf8[i + 1] : 0
                if following < 0x80 {
                    if b == 0x0D && following == 0x0A { return (.newline, i + 2) }
                    return (ascii[Int(b)], i + 1)
                }
            }
            // Speed: a scalar below U+0300 that no scalar of U+0300 or above follows is a Character
            // of its own (nothing below U+0300 extends or prepends): its class comes from a table.
            if b >= 0xC2 && b < 0xCC && i + 1 < utf8.count {
                let next = i + 2
                if next == utf8.count || utf8[next] < 0xCC {
                    let scalar = Int(b & 0x1F) << 6 | Int(utf8[i + 1] & 0x3F)
                    return (Self.latinClass[scalar - 0x80], next)
                }
            }
            // Non-ASCII, or ASCII that a combining mark may extend: ask the Character.
            let index = text.utf8.index(text.utf8.startIndex, offsetBy: i)
            let character = text[index]
            let next = text.utf8.distance(from: text.utf8.startIndex, to: text.index(after: index))
            if character.isWhitespace { return (character.isNewline ? .newline : .space, next) }
            return (.token(TextToken.kindOf(character)), next)
        }

        mutating func tokens() -> [TextToken] {
            var tokens: [TextToken] = []
            var i = 0
            var spaces = false
            var newlines = 0
            while i < utf8.count {
                let (first, afterFirst) = character(at: i)
                guard case .token(let kind) = first else {
                    spaces = true
                    if first == .newline { newlines += 1 }
                    i = afterFirst
                    continue
                }
                var end = afterFirst
                if kind != .symbol {
                    while end < utf8.count {
                        let (next, afterNext) = character(at: end)
                        guard next == .token(kind) else { break }
                        end = afterNext
                    }
                }
                tokens.append(TextToken(kind: kind, text: folded(i..<end), range: index(i)..<index(end),
                                        spaceBefore: spaces, newlinesBefore: newlines))
                spaces = false
                newlines = 0
                i = end
            }
            return tokens
        }

        func index(_ offset: Int) -> String.Index { text.utf8.index(text.utf8.startIndex, offsetBy: offset) }

        /// `TextNormalizer.fold` of the bytes: lowercase for ASCII, the full fold otherwise.
        func folded(_ range: Range<Int>) -> String {
            let bytes = UnsafeBufferPointer(rebasing: utf8[range])
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return TextNormalizer.fold(text[index(range.lowerBound)..<index(range.upperBound)]) }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for (k, b) in bytes.enumerated() { out[k] = b &- 0x41 < 26 ? b | 0x20 : b }
                return bytes.count
            }
        }
    }
}
