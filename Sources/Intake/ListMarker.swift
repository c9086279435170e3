/// What opens a list line: "-", "•", "1.", "1)", "1.-", "P1", "Pregunta N°1:", "a)", "B.",
/// "( )", "[x]". Its shape is what tells a question ("3.") from an answer option ("c)") and
/// what is stripped from TEMAS items.
enum ListMarker: Sendable, Hashable {
    case bullet
    /// A numbered item; `style` is the punctuation after the number ("." ")" "-" ":"),
    /// or "p" for "P1" / "Pregunta 1".
    case number(Int, style: Character)
    case letter(Character, style: Character)
    /// "( )", "[ ]", "[x]", "☐": a box to tick, always an answer option.
    case checkbox

    static let bullets: Set<Character> = [
        "-", "•", "*", "·", "–", "—", "▪", "◦", "○", "●", "►", "➢", "✓",
    ]
    static let numberPunctuation: Set<Character> = [".", ")", "-", "–", ":"]
    static let letterPunctuation: Set<Character> = [")", "."]
    static let letters: ClosedRange<Character> = "a"..."j"
    static let checkboxes: [String] = ["( )", "()", "[ ]", "[]", "[x]", "(x)", "☐", "☑", "☒", "□"]
    /// Words that introduce a numbered question, folded: "Pregunta 1", "Preg. 2", "P3".
    static let questionWords: [String] = ["pregunta", "preg.", "preg", "p"]
    /// What may stand between "Pregunta" and its number: "N°", "No.", "Nro.", "#".
    static let numberSigns: [String] = ["n°", "nº", "no.", "nro.", "nro", "num.", "numero", "no", "n.", "#"]

    /// The ASCII bytes a marker can start with: "(" "[" for boxes and letters, "p" for
    /// question words, digits, letters "a"–"j" (either case), "-" and "*" bullets.
    static let firstBytes: Set<UInt8> = Set("([-*0123456789abcdefghijpABCDEFGHIJP".utf8)

    /// Whether two ASCII bytes (two Characters, folded to themselves lowercased) can open a
    /// marker when the first is a letter: "a)" "b." need the punctuation, "P1" "Preg" a digit or "r".
    static func possibleAfterLetter(_ first: UInt8, _ second: UInt8) -> Bool {
        let lower = first | 0x20
        guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") else { return true }
        if lower == UInt8(ascii: "p") { return (0x30...0x39).contains(second) || second | 0x20 == UInt8(ascii: "r") }
        return second == UInt8(ascii: ")") || second == UInt8(ascii: ".")
    }

    /// The marker at the start of `line` (leading whitespace ignored) and the text after it.
    static func split(_ line: Substring) -> (marker: ListMarker?, rest: Substring) {
        let text = line.drop(while: \.isWhitespace)
        // Speed: every marker's first folded Character is one of `firstBytes` or not ASCII,
        // and an ASCII first byte folds to itself lowercased: most prose lines stop here.
        if let first = text.utf8.first, first < 0x80 {
            if !firstBytes.contains(first) { return (nil, text) }
            if let second = text.utf8.dropFirst().first, second < 0x80, !possibleAfterLetter(first, second) { return (nil, text) }
        }
        let folded = Array(TextNormalizer.fold(text))
        let readers: [([Character]) -> (ListMarker, Int)?] = [checkbox, questionWord, number, letter, bullet]
        for read in readers {
            if let (marker, length) = read(folded) {
                let rest = text.dropFirst(length).drop(while: \.isWhitespace)
                return (marker, rest)
            }
        }
        return (nil, text)
    }

    private static func checkbox(_ f: [Character]) -> (ListMarker, Int)? {
        for box in checkboxes where f.starts(with: box) { return (.checkbox, box.count) }
        return nil
    }

    private static func questionWord(_ f: [Character]) -> (ListMarker, Int)? {
        for word in questionWords where f.starts(with: word) {
            var i = word.count
            if word != "p" { i = skipSpaces(f, i); i = skipNumberSign(f, i) }
            guard let (n, afterDigits) = digits(f, i) else { continue }
            var end = afterDigits
            while end < f.count, numberPunctuation.contains(f[end]) { end += 1 }
            guard end == f.count || f[end].isWhitespace else { continue }
            return (.number(n, style: "p"), end)
        }
        return nil
    }

    private static func number(_ f: [Character]) -> (ListMarker, Int)? {
        guard let (n, afterDigits) = digits(f, 0), afterDigits <= 3,
              afterDigits < f.count, numberPunctuation.contains(f[afterDigits]) else { return nil }
        var end = afterDigits + 1
        if end < f.count, f[end] == "-" { end += 1 }  // "1.-" as Spanish typists number
        guard end == f.count || f[end].isWhitespace else { return nil }
        return (.number(n, style: f[afterDigits]), end)
    }

    private static func letter(_ f: [Character]) -> (ListMarker, Int)? {
        var i = 0
        let parenthesised = f.first == "("
        if parenthesised { i = 1 }
        guard i + 1 < f.count, letters.contains(f[i]) else { return nil }
        let style = f[i + 1]
        guard parenthesised ? style == ")" : letterPunctuation.contains(style) else { return nil }
        let end = i + 2
        guard end == f.count || f[end].isWhitespace else { return nil }
        return (.letter(f[i], style: style), end)
    }

    private static func bullet(_ f: [Character]) -> (ListMarker, Int)? {
        guard let first = f.first, bullets.contains(first),
              f.count == 1 || f[1].isWhitespace else { return nil }
        return (.bullet, 1)
    }

    private static func digits(_ f: [Character], _ start: Int) -> (Int, Int)? {
        var end = start
        while end < f.count, end - start < 3, f[end].isASCII, f[end].isNumber { end += 1 }
        guard end > start, end == f.count || !(f[end].isASCII && f[end].isNumber),
              let value = Int(String(f[start..<end])) else { return nil }
        return (value, end)
    }

    private static func skipSpaces(_ f: [Character], _ start: Int) -> Int {
        var i = start
        while i < f.count, f[i].isWhitespace { i += 1 }
        return i
    }

    private static func skipNumberSign(_ f: [Character], _ start: Int) -> Int {
        for sign in numberSigns where f[start...].starts(with: sign) {
            let after = skipSpaces(f, start + sign.count)
            if after < f.count, f[after].isASCII, f[after].isNumber { return after }
        }
        return start
    }
}
