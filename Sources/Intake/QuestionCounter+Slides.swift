/// Questions of a test laid out as slides: a slide per question titled (or opening with)
/// "Pregunta N", its options in the body. A presentation's FAQ slides ("¿Qué pasa si…?") are
/// not a test, so only the "Pregunta N" marker counts, each number once.
extension QuestionCounter {
    public static func slideQuestions(titles: [String], lines: [String]) -> QuestionCount {
        var numbers = Set<Int>()
        for line in titles + lines {
            if let n = preguntaNumber(line) { numbers.insert(n) }
        }
        return numbers.isEmpty ? QuestionCount() : QuestionCount(groups: [QuestionCount.Group(topic: nil, questions: numbers.count)])
    }

    /// "Pregunta 3", "PREGUNTA N° 3:", "Pregunta #3 - …" → 3.
    static func preguntaNumber(_ line: String) -> Int? {
        let folded = TextNormalizer.fold(TextNormalizer.trimmed(Substring(line)))
        guard folded.hasPrefix("pregunta") else { return nil }
        var rest = folded.dropFirst("pregunta".count)
        rest = rest.drop { $0 == " " || $0 == "n" || $0 == "o" || $0 == "°" || $0 == "º" || $0 == "." || $0 == "#" }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let after = rest.dropFirst(digits.count).first
        guard after == nil || !(after!.isLetter || after!.isNumber) else { return nil }
        return Int(digits)
    }
}
