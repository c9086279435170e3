import Foundation

/// Folding of Spanish text for comparison. Mails write the same label or month as "PRODUCCIÓN",
/// "produccion" or "Producción"; every matcher in Intake compares folded text so none of them
/// carries its own accent table.
public enum TextNormalizer {
    /// Lowercase without diacritics. One Character out for one Character in, so an offset in
    /// the folded text is an offset in the original (the date parser relies on it).
    public static func fold(_ character: Character) -> Character {
        if character.isASCII { return Character(character.lowercased()) }
        let decomposed = character.lowercased().decomposedStringWithCanonicalMapping
        var kept = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where !isCombiningMark(scalar) {
            kept.append(scalar)
        }
        let folded = String(kept)
        return folded.count == 1 ? folded.first! : character
    }

    /// `fold` applied to every Character.
    public static func fold<S: StringProtocol>(_ text: S) -> String {
        String(text.map(fold))
    }

    /// The comparison key of a short phrase (a label, a closing): folded, punctuation and
    /// symbols turned into spaces, whitespace collapsed. "FECHA DE SALIDA A PRODUCCIÓN:" and
    /// "Fecha de salida a produccion" share a key.
    public static func key<S: StringProtocol>(_ text: S) -> String {
        var out = ""
        var pendingSpace = false
        for character in text {
            let folded = fold(character)
            if folded.isLetter || folded.isNumber {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(folded)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// Lines of a body. Splits on every newline Character, `\r\n` included (Swift keeps
    /// `\r\n` as one Character, so splitting on "\n" alone would miss it).
    public static func lines<S: StringProtocol>(_ text: S) -> [S.SubSequence] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    /// Whether a line holds nothing but whitespace.
    static func isBlank<S: StringProtocol>(_ line: S) -> Bool {
        line.allSatisfy(\.isWhitespace)
    }

    /// A line without surrounding whitespace.
    static func trimmed<S: StringProtocol>(_ line: S) -> S.SubSequence {
        guard let first = line.firstIndex(where: { !$0.isWhitespace }),
              let last = line.lastIndex(where: { !$0.isWhitespace })
        else { return line[line.endIndex...] }
        return line[first...last]
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
