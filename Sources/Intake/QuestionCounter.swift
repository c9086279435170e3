/// Counts the questions of a test written as text lines: a TEST field, docx paragraphs, pptx
/// slide text, xlsx rows read as lines. Questions are numbered items ("1.", "1)", "P1",
/// "Pregunta N°1:") and lines opening with "¿" or ending with "?"; answer options ("a)",
/// "B.", "( )", "Verdadero/Falso", "Respuesta: …", or a numbering restarting inside a
/// question) are not. "Tema: X" / "TEMA 1 - X" headings group the questions that follow.
public enum QuestionCounter {
    /// Questions in `text`, one line at a time.
    public static func count(text: String) -> QuestionCount {
        count(lines: TextNormalizer.lines(text))
    }

    /// Questions in `lines`; a line may itself hold newlines (a docx paragraph with breaks).
    public static func count<S: StringProtocol>(lines: [S]) -> QuestionCount {
        read(lines).count
    }

    /// Declared and counted questions of a TEST field value. The declaration is read only
    /// from lines that are neither questions nor options ("¿Cuáles son las 3 etapas?" declares
    /// nothing).
    public static func tally(_ text: String) -> QuestionTally {
        let reading = read(TextNormalizer.lines(text))
        return QuestionTally(declared: declaredCount(in: reading.prose.joined(separator: "\n")),
                             counted: reading.count)
    }

    struct Reading {
        var count: QuestionCount
        /// Lines that were neither questions, options, continuations nor headings.
        var prose: [String]
    }

    static func read<S: StringProtocol>(_ lines: [S]) -> Reading {
        var reader = QuestionLineReader()
        var groups = [QuestionCount.Group(topic: nil, questions: 0)]
        var prose: [String] = []
        for paragraph in lines {
            for line in TextNormalizer.lines(paragraph) {
                switch reader.read(Substring(line)) {
                case .question: groups[groups.count - 1].questions += 1
                case .topic(let name): groups.append(QuestionCount.Group(topic: name, questions: 0))
                case .text: prose.append(String(line))
                case .option, .continuation, .blank: break
                }
            }
        }
        if groups[0].questions == 0 { groups.removeFirst() }
        return Reading(count: QuestionCount(groups: groups), prose: prose)
    }

    /// Words that open a topic heading, folded: "Tema 2 - Legalización", "Módulo 1: …".
    public static let topicHeadingWords: [String] = ["tema", "modulo", "eje tematico"]

    /// The topic a heading line names, or nil when the line is no heading. "Tema: X" and
    /// "TEMA 1 - X" name X; "Tema 3" names itself. "Temas a tratar" is no heading.
    static func topicHeading(_ line: Substring) -> String? {
        let text = TextNormalizer.trimmed(line)
        let folded = Array(TextNormalizer.fold(text))
        for word in topicHeadingWords where folded.starts(with: word) {
            var i = word.count
            guard i == folded.count || !folded[i].isLetter else { continue }
            while i < folded.count, folded[i].isWhitespace { i += 1 }
            let digitsStart = i
            while i < folded.count, folded[i].isASCII, folded[i].isNumber { i += 1 }
            let numbered = i > digitsStart
            while i < folded.count, folded[i].isWhitespace { i += 1 }
            let separated = i < folded.count && headingSeparators.contains(folded[i])
            guard numbered || separated else { continue }
            if separated { i += 1 }
            let name = TextNormalizer.trimmed(text.dropFirst(i))
            return name.isEmpty ? String(text) : String(name)
        }
        return nil
    }

    static let headingSeparators: Set<Character> = [":", "-", "–", "—", ".", ")"]
}
