/// Finds the training day the area proposes: the labelled FECHA DE CAPACITACIÓN field, else
/// prose ("la sesión la tenemos prevista para el miércoles 20 de mayo", "la capacitación sería
/// el 3 de junio"), else a weekday named after such a phrase ("la capacitación será el
/// próximo martes": the first such weekday after the mail's day). A date that belongs to
/// something else ("la capacitación, antes de la salida a producción del 15 de junio") is not
/// read as the training day.
public struct TrainingDateFinder: Sendable {
    public static let triggers = ["capacitacion", "capacitaciones", "sesion", "formacion", "entrenamiento", "taller",
                                  "socializacion", "espacio formativo", "jornada"]
    /// Words between the phrase and the date that make it another date (opening, closing, ...).
    public static let gapVetoes = ["produccion", "apertura", "abre", "abrira", "lanzamiento", "cierre", "cierra", "inicia",
                                   "iniciara", "publicacion", "material", "entrega", "enviar", "envio", "antes", "despues"]

    let prose: ProductionDateFinder

    public init() {
        var prose = ProductionDateFinder(triggers: Self.triggers, vetoes: [], window: 60, gapVetoes: Self.gapVetoes)
        prose.sameLine = true
        self.prose = prose
    }

    public func trainingDate(fields: LabeledFields, text: String, reference: DateParts?) -> CivilDate? {
        for field in fields.all(.fechaCapacitacion) {
            if let first = field.lines.first, let date = SpanishDateParser.firstDate(in: first, reference: reference) {
                return CivilDate(parts: date.parts)
            }
        }
        let tokens = TextToken.tokenize(text)
        if let date = prose.proseDate(in: text, tokens: tokens, reference: reference) { return CivilDate(parts: date.parts) }
        return reference.flatMap { weekdayDate(tokens: tokens, after: $0) }
    }

    /// "… capacitación … el (próximo) martes" with no date written: the next Tuesday after the mail.
    func weekdayDate(in text: String, after reference: DateParts) -> CivilDate? {
        weekdayDate(tokens: TextToken.tokenize(text), after: reference)
    }

    func weekdayDate(tokens: [TextToken], after reference: DateParts) -> CivilDate? {
        guard let mailDay = CivilDate(year: reference.year, month: reference.month, day: reference.day) else { return nil }
        for line in Self.lines(of: tokens) {
            let words = line.filter { $0.kind == .word || $0.kind == .number }
            guard let trigger = words.firstIndex(where: { Self.triggerWords.contains($0.text) }) else { continue }
            let after = words[(trigger + 1)...].prefix(10)
            guard !after.contains(where: { Self.gapVetoSet.contains($0.text) }) else { continue }
            for (offset, word) in after.enumerated() {
                guard let weekday = Self.weekdays[word.text] else { continue }
                let next = after.dropFirst(offset + 1).first
                if next?.kind == .number { break }  // "martes 20 de mayo": a full date, read above
                let ahead = (weekday.rawValue - mailDay.weekday.rawValue + 7) % 7
                return mailDay.adding(days: ahead == 0 ? 7 : ahead)
            }
        }
        return nil
    }

    /// The tokens of each line (a newline always ends a Character, so tokenizing the whole
    /// text once gives each line's tokens; a line without tokens has no words to read).
    static func lines(of tokens: [TextToken]) -> [ArraySlice<TextToken>] {
        var lines: [ArraySlice<TextToken>] = []
        var start = 0
        for index in tokens.indices where index > start && tokens[index].newlinesBefore > 0 {
            lines.append(tokens[start..<index])
            start = index
        }
        if start < tokens.count { lines.append(tokens[start...]) }
        return lines
    }

    static let triggerWords = Set(triggers.filter { !$0.contains(" ") })
    static let gapVetoSet = Set(gapVetoes)
    static let weekdays: [String: Weekday] = [
        "lunes": .monday, "martes": .tuesday, "miercoles": .wednesday, "jueves": .thursday, "viernes": .friday,
        "sabado": .saturday, "domingo": .sunday,
    ]
}
