/// "La semana del 8 de junio": the area names a week, not a day. The lead times then count
/// against the week's first business day (the reader keeps the day written and marks it a
/// week; `RequestEvaluator.settled` moves it to a business day with the calendar), and a week
/// that starts on a holiday ("semana del 8 de junio", Corpus Christi 2026) is no holiday
/// training day to object to.
extension TrainingDateFinder {
    /// Words right before a date that make it the start of a week (folded, as keys).
    static let weekLeads = ["semana del", "semana de", "semana del lunes", "semana que inicia el", "semana que empieza el",
                            "semana que comienza el"]
    /// Characters looked at before a date for a week lead.
    static let weekLeadReach = 32

    /// The day written for the training week: the labelled FECHA DE CAPACITACIÓN when it says
    /// "semana del…" (a labelled day that is no week wins: nil), else a "semana del <date>" in
    /// a line that names the session before it ("un refuerzo … la semana del 8 de junio").
    func trainingWeek(fields: LabeledFields, prose text: DatedText) -> CivilDate? {
        for field in fields.all(.fechaCapacitacion) {
            guard let first = field.lines.first.map({ String($0) }),
                  let date = SpanishDateParser.dates(in: first, reference: text.reference).first else { continue }
            return Self.isWeekLead(first[..<date.range.lowerBound]) ? CivilDate(parts: date.parts) : nil
        }
        for date in text.dates where Self.isWeekLead(text.text[..<date.range.lowerBound].suffix(Self.weekLeadReach)) {
            let lineStart = text.text[..<date.range.lowerBound].lastIndex(where: \.isNewline).map { text.text.index(after: $0) }
                ?? text.text.startIndex
            let before = TextToken.tokenize(String(text.text[lineStart..<date.range.lowerBound])).filter { $0.kind == .word }
            guard let trigger = before.lastIndex(where: { Self.triggerWords.contains($0.text) }),
                  !before[trigger...].contains(where: { Self.gapVetoSet.contains($0.text) }) else { continue }
            return CivilDate(parts: date.parts)
        }
        return nil
    }

    static func isWeekLead(_ before: Substring) -> Bool {
        let key = TextNormalizer.key(before)
        return weekLeads.contains { key == $0 || key.hasSuffix(" " + $0) }
    }
}
