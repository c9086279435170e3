/// Finds the training day the area proposes: the labelled FECHA DE CAPACITACIÓN field, else
/// prose ("la sesión la tenemos prevista para el miércoles 20 de mayo", "la capacitación sería
/// el 3 de junio"), else a weekday named after such a phrase ("la capacitación será el
/// próximo martes": the first such weekday after the mail's day). A date that belongs to
/// something else ("la capacitación, antes de la salida a producción del 15 de junio") is not
/// read as the training day.
public struct TrainingDateFinder: Sendable {
    public static let triggers = ["capacitacion", "capacitaciones", "sesion", "formacion", "entrenamiento", "taller",
                                  "socializacion", "espacio formativo", "jornada",
                                  // 4.1.1 b: a reinforcement is the session itself ("el refuerzo lo haríamos el…").
                                  "refuerzo", "reforzo", "refuerzos",
                                  // The session named by a verb ("lo podríamos realizar el lunes 25 de mayo").
                                  "realizar", "realizarlo", "realizarla", "realizaria", "realizariamos", "realizaremos",
                                  "hariamos", "haremos", "dictar", "dictarla", "dictaria", "capacitar",
                                  "hacerla", "hacerlo", "socializar", "socializarlo", "socializarla", "socializarlos",
                                  "socializarlas", "informarlo", "informarla"]
    /// Words between the phrase and the date that make it another date (opening, closing, ...).
    public static let gapVetoes = ["produccion", "apertura", "abre", "abrira", "lanzamiento", "cierre", "cierra", "inicia",
                                   "iniciara", "publicacion", "material", "entrega", "enviar", "envio", "antes", "despues",
                                   "postulacion", "postulaciones", "inscripcion", "inscripciones", "vence", "plazo", "sale", "saldra",
                                   // A session already given ("la capacitación del pasado 26 de mayo").
                                   "pasado", "pasada", "anterior", "realizada", "dictada", "recibida"]
    /// Characters between the phrase and the date: "capacitar al proveedor en la nueva
    /// convocatoria del Fondo de Ciencias Básicas el lunes 20 de julio" (the same sentence).
    public static let window = 90
    /// How far after the mail a weekday with a day ("el martes 14") is looked for.
    static let weekdayDayHorizon = 62

    let prose: ProductionDateFinder

    public init() {
        var prose = ProductionDateFinder(triggers: Self.triggers, vetoes: [], window: Self.window, gapVetoes: Self.gapVetoes)
        prose.sameLine = true
        self.prose = prose
    }

    public func trainingDate(fields: LabeledFields, text: String, reference: DateParts?) -> CivilDate? {
        trainingDate(fields: fields, prose: DatedText(text, reference: reference))
    }

    /// `trainingDate` with the text's tokens and dates shared with other readers of the text.
    func trainingDate(fields: LabeledFields, prose text: DatedText) -> CivilDate? {
        for field in fields.all(.fechaCapacitacion) {
            if let first = field.lines.first, let date = SpanishDateParser.firstDate(in: first, reference: text.reference) {
                return CivilDate(parts: date.parts)
            }
        }
        if let date = prose.proseDate(in: text) { return CivilDate(parts: date.parts) }
        return text.reference.flatMap { weekdayDate(tokens: text.tokens, after: $0) }
    }

    /// "… capacitación … el (próximo) martes" with no date written: the next Tuesday after the mail.
    func weekdayDate(in text: String, after reference: DateParts) -> CivilDate? {
        weekdayDate(tokens: TextToken.tokenize(text), after: reference)
    }

    func weekdayDate(tokens: [TextToken], after reference: DateParts) -> CivilDate? {
        guard let mailDay = CivilDate(year: reference.year, month: reference.month, day: reference.day) else { return nil }
        for line in Self.lines(of: tokens) where line.contains(where: Self.mayBeTrigger) {
            let words = line.filter { $0.kind == .word || $0.kind == .number }
            // Every trigger of the line: "solicitamos capacitar al proveedor… La capacitación la haríamos el martes 14".
            for trigger in words.indices where Self.triggerWords.contains(words[trigger].text) {
                let after = words[(trigger + 1)...].prefix(10)
                guard !after.contains(where: { Self.gapVetoSet.contains($0.text) }) else { continue }
                if let date = weekdayDate(in: Array(after), after: mailDay) { return date }
            }
        }
        return nil
    }

    /// The first weekday named in `words`: "el próximo martes" (the next Tuesday) or "el martes
    /// 14" (the next Tuesday the 14th); "martes 20 de mayo" is a full date, read elsewhere.
    private func weekdayDate(in words: [TextToken], after mailDay: CivilDate) -> CivilDate? {
        for (offset, word) in words.enumerated() {
            guard let weekday = Self.weekdays[word.text] else { continue }
            let next = words.dropFirst(offset + 1).first
            if let next, next.kind == .number {
                guard words.dropFirst(offset + 2).first?.text != "de" else { return nil }
                return Int(next.text).flatMap { dayDate($0, on: weekday, after: mailDay) }
            }
            let ahead = (weekday.rawValue - mailDay.weekday.rawValue + 7) % 7
            return mailDay.adding(days: ahead == 0 ? 7 : ahead)
        }
        return nil
    }

    /// "el martes 14" with no month: the first day after the mail that is a Tuesday the 14th.
    func dayDate(_ day: Int, on weekday: Weekday, after mailDay: CivilDate) -> CivilDate? {
        (1...Self.weekdayDayHorizon).lazy.map { mailDay.adding(days: $0) }.first { $0.day == day && $0.weekday == weekday }
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
    /// Byte lengths of the trigger words: most words of a line are ruled out without hashing.
    static let triggerLengths = triggerWords.map(\.utf8.count).min()!...triggerWords.map(\.utf8.count).max()!

    /// Whether `token` is a trigger word. Speed: a line without one is skipped whole (a number
    /// is never one: the trigger words are letters).
    static func mayBeTrigger(_ token: TextToken) -> Bool {
        token.kind == .word && triggerLengths.contains(token.text.utf8.count) && triggerWords.contains(token.text)
    }
    static let gapVetoSet = Set(gapVetoes)
    static let weekdays: [String: Weekday] = [
        "lunes": .monday, "martes": .tuesday, "miercoles": .wednesday, "jueves": .thursday, "viernes": .friday,
        "sabado": .saturday, "domingo": .sunday,
    ]
}
