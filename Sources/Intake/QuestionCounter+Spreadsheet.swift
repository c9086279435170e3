/// Tests delivered as spreadsheets: a header row names the question column ("Pregunta",
/// "Enunciado") and optionally a topic column ("Tema"); every filled cell below it is a
/// question. Reading cells by column avoids counting the answer options of the other columns.
extension QuestionCounter {
    /// Header cells of the question column, as keys.
    public static let questionHeaders: Set<String> = [
        "pregunta", "preguntas", "enunciado", "enunciados", "enunciado de la pregunta",
        "texto de la pregunta", "pregunta enunciado",
    ]
    /// Header cells of the topic column, as keys.
    public static let topicHeaders: Set<String> = [
        "tema", "temas", "modulo", "tema de la capacitacion", "eje tematico",
    ]

    /// Questions in `rows`, or nil when no row has a question header (the caller may then
    /// read the rows as lines). A blank topic cell continues the topic above it (merged cells
    /// export that way); a heading in the question column ("Tema 2: …") opens a topic too.
    public static func count(rows: [[String]]) -> QuestionCount? {
        func isQuestionHeader(_ cell: String) -> Bool { questionHeaders.contains(TextNormalizer.key(cell)) }
        guard let header = rows.firstIndex(where: { $0.contains(where: isQuestionHeader) }),
              let questionColumn = rows[header].firstIndex(where: isQuestionHeader)
        else { return nil }
        let topicColumn = rows[header].firstIndex { topicHeaders.contains(TextNormalizer.key($0)) }
        var groups: [QuestionCount.Group] = []
        var topic: String?
        for row in rows[(header + 1)...] {
            if let topicColumn, topicColumn < row.count {
                let cell = TextNormalizer.trimmed(row[topicColumn])
                if !cell.isEmpty { topic = String(cell) }
            }
            guard questionColumn < row.count else { continue }
            let cell = TextNormalizer.trimmed(row[questionColumn])
            if let heading = topicHeading(cell) {
                topic = heading
                add(0, to: topic, in: &groups)
                continue
            }
            // A repeated header row (a second table on the sheet) is no question.
            guard !cell.isEmpty, !isOptionCell(cell), !isQuestionHeader(String(cell)) else { continue }
            add(1, to: topic, in: &groups)
        }
        return QuestionCount(groups: groups)
    }

    private static func isOptionCell(_ cell: Substring) -> Bool {
        switch ListMarker.split(cell).marker {
        case .letter?, .checkbox?: return true
        default: return QuestionLineReader.isAnswer(cell)
        }
    }

    /// Adds to the group of `topic`, wherever it first appeared.
    private static func add(_ questions: Int, to topic: String?, in groups: inout [QuestionCount.Group]) {
        if let index = groups.firstIndex(where: { $0.topic == topic }) {
            groups[index].questions += questions
        } else {
            groups.append(QuestionCount.Group(topic: topic, questions: questions))
        }
    }
}
