/// The line-by-line state behind `QuestionCounter`: what the current question looks like
/// (its number, numbering style, indentation) decides whether a numbered line that follows is
/// the next question or one of its answer options, and whether an unmarked line continues a
/// question that has not reached its "?" yet.
struct QuestionLineReader {
    enum Role: Equatable {
        case question, option, continuation, text, blank
        case topic(String)
    }

    /// Whole-line answers, as keys: "Verdadero", "Falso", "V/F", "Sí/No".
    static let optionLines: Set<String> = [
        "verdadero", "falso", "verdadero falso", "falso verdadero", "v f", "f v", "si", "no", "si no",
        "cierto", "cierto falso",
    ]
    /// Openings of answer-key lines, as keys: "Respuesta: b", "Rta: a", "Respuesta correcta: c".
    static let answerPrefixes: [String] = ["respuesta", "respuestas", "rta", "rpta", "opcion correcta", "clave"]

    /// Folded verbs that open a test item written as an instruction ("Mencione los requisitos
    /// de la convocatoria"); "Seleccione…", "Marque…" are left out: they usually open the
    /// test's own instructions.
    static let imperativeStems: Set<String> = [
        "mencione", "indique", "explique", "describa", "enumere", "cite", "defina", "identifique", "nombre", "relacione",
    ]

    private var inQuestion = false
    /// The question has no "?" yet and the next adjacent unmarked line may continue it.
    private var awaitingClose = false
    private var number: Int?
    private var style: Character?
    private var indent = 0
    private var lastOptionNumber: Int?

    mutating func read(_ raw: Substring) -> Role {
        if TextNormalizer.isBlank(raw) {
            awaitingClose = false
            return .blank
        }
        let line = TextNormalizer.trimmed(raw)
        if let topic = QuestionCounter.topicHeading(line) {
            self = QuestionLineReader()
            return .topic(topic)
        }
        let (marker, rest) = ListMarker.split(line)
        if marker == .checkbox || Self.isAnswer(rest) {
            awaitingClose = false
            return .option
        }
        if awaitingClose, marker == nil, rest.first != "¿", !Self.isImperative(rest) {
            if rest.contains("?") { awaitingClose = false }
            return .continuation
        }
        let lineIndent = Self.indentation(raw)
        switch marker {
        case .letter?:
            // Lettered questions exist ("a) ¿Qué es…?"); lettered answers rarely ask anything.
            if Self.asksQuestion(rest) { return start(number: nil, style: nil, indent: lineIndent, rest) }
            return inQuestion ? .option : .text
        case .number(let n, let numberStyle)?:
            if inQuestion, isOption(n, style: numberStyle, indent: lineIndent, rest) {
                lastOptionNumber = n
                return .option
            }
            return start(number: n, style: numberStyle, indent: lineIndent, rest)
        case .bullet?, .checkbox?, nil:
            return Self.asksQuestion(rest) ? start(number: nil, style: nil, indent: lineIndent, rest) : .text
        }
    }

    private mutating func start(number: Int?, style: Character?, indent: Int, _ rest: Substring) -> Role {
        inQuestion = true
        awaitingClose = !rest.contains("?") && !Self.isImperative(rest)
        self.number = number
        self.style = style
        self.indent = indent
        lastOptionNumber = nil
        return .question
    }

    /// A numbered line inside a question is an option when it is indented under it, numbered
    /// in another style ("1." question, "1)" options), follows an unnumbered question, or
    /// restarts/continues a count that is not the next question's number.
    private func isOption(_ n: Int, style lineStyle: Character, indent lineIndent: Int, _ rest: Substring) -> Bool {
        if lineStyle == "p" || Self.asksQuestion(rest) { return false }
        if lineIndent > indent { return true }
        guard let number, let style else { return true }
        if lineStyle != style { return true }
        let continuesOptions = lastOptionNumber.map { n == $0 + 1 } ?? false
        if n == number + 1 { return continuesOptions }
        return n == 1 || continuesOptions
    }

    static func isAnswer(_ rest: Substring) -> Bool {
        if asksQuestion(rest) { return false }
        let key = TextNormalizer.key(rest)
        return optionLines.contains(key) || answerPrefixes.contains { key == $0 || key.hasPrefix($0 + " ") }
    }

    /// Opens with "¿" or ends with "?" (closing brackets, quotes and emphasis aside).
    static func asksQuestion(_ rest: Substring) -> Bool {
        if rest.first == "¿" || isImperative(rest) { return true }
        let closers: Set<Character> = [")", "]", "\"", "”", "»", "*", "_", " ", "\t"]
        return rest.reversed().first { !closers.contains($0) } == "?"
    }

    /// A test item asked as an instruction: an imperative stem, then more words, not a heading
    /// ending in ":".
    static func isImperative(_ rest: Substring) -> Bool {
        let key = TextNormalizer.key(rest)
        guard let space = key.firstIndex(of: " "), imperativeStems.contains(String(key[..<space])) else { return false }
        return rest.last.map { $0 != ":" } ?? false
    }

    /// Leading whitespace width, a tab counting as four.
    static func indentation(_ raw: Substring) -> Int {
        raw.prefix(while: \.isWhitespace).reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
    }
}
