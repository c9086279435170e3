/// Counts stated in words: "Adjunto, 6 preguntas", "test de cinco (5) preguntas". What the
/// sender claims is kept apart from what is counted; both go into the observation.
extension QuestionCounter {
    /// Spanish number words a count is written with, folded. "un"/"una" are left out: in
    /// "una pregunta abierta por tema" they are articles, and a one-question test says nothing.
    public static let numberWords: [String: Int] = [
        "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
        "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
        "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
        "veinticinco": 25, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
    ]

    /// Nouns a count may qualify, folded.
    public static let questionNouns: Set<String> = [
        "pregunta", "preguntas", "item", "items", "reactivo", "reactivos",
    ]

    /// The first "N preguntas" in `text` (digits or words, "cinco (5)" once), or nil.
    public static func declaredCount(in text: String) -> Int? {
        let tokens = TextToken.tokenize(text)
        for index in tokens.indices {
            guard let value = countValue(tokens[index]) else { continue }
            var next = index + 1
            if next + 2 < tokens.count, tokens[next].isSymbol("("), tokens[next + 1].isNumber,
               tokens[next + 2].isSymbol(")") {
                next += 3
            }
            if next < tokens.count, tokens[next].kind == .word, questionNouns.contains(tokens[next].text) {
                return value
            }
        }
        return nil
    }

    private static func countValue(_ token: TextToken) -> Int? {
        switch token.kind {
        case .number: return token.text.count <= 3 ? Int(token.text) : nil
        case .word: return numberWords[token.text]
        case .symbol: return nil
        }
    }
}
