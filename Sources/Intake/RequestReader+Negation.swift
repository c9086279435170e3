/// Conditions said in the negative: "esta convocatoria no requiere revisión documental", "el
/// fondo no es condonable", "sin validación de documentos". An OCM professional does not ask
/// for the F521 or the condonation conditions of such a request; the words alone would.
extension RequestReader {
    /// Folded words that deny what follows them in the same clause.
    static let negationCues: Set<String> = ["no", "sin", "ni", "tampoco", "ningun", "ninguna", "nunca"]
    /// Words after a cue that it denies ("no requiere revisión documental": 3).
    static let negationReach = 5
    static let denial = KeywordMatcher(Array(negationCues))

    /// Whether `matcher` names something in `text` that no cue denies: clause by clause, the
    /// words a cue reaches are taken out before matching.
    func affirms(_ matcher: KeywordMatcher, in text: String) -> Bool {
        for clause in text.split(whereSeparator: { ".;,\n()".contains($0) }) where matcher.firstMatch(in: clause) != nil {
            let words = TextToken.tokenize(String(clause)).filter { $0.kind == .word || $0.kind == .number }.map(\.text)
            var kept: [String] = []
            var denied = 0
            for word in words {
                if Self.negationCues.contains(word) {
                    denied = Self.negationReach
                } else if denied > 0 {
                    denied -= 1
                } else {
                    kept.append(word)
                }
            }
            if matcher.firstMatch(in: kept.joined(separator: " ")) != nil { return true }
        }
        return false
    }
}
