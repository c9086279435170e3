/// Finds the production date when the sender wrote it in prose instead of the 4.2.1 field:
/// "saldrá a producción el próximo 14 de septiembre de 2026", "la convocatoria abre el 1 de
/// julio de 2026". A date counts when it follows a trigger phrase closely, in the same sentence.
public struct ProductionDateFinder: Sendable {
    /// Folded phrases that announce the opening date.
    public static let defaultTriggers: [String] = [
        "salida a produccion", "saldra a produccion", "sale a produccion", "salir a produccion",
        "entra en produccion", "entrara en produccion", "paso a produccion",
        "apertura", "abre", "abrira", "inicia", "iniciara", "lanzamiento",
        // "la nueva línea, que sale el 10 de agosto".
        "sale", "saldra",
    ]

    /// Words that, just before a trigger, make it about the training rather than the product:
    /// "la capacitación inicia el 10 de marzo".
    public static let defaultVetoes: [String] = [
        "capacitacion", "sesion", "formacion", "entrenamiento", "curso", "taller",
    ]

    /// Characters allowed between the end of the trigger and the start of the date.
    public static let defaultWindow = 60
    /// Words looked at before a trigger for a veto.
    static let vetoLookBehind = 3

    public var triggers: [[String]]
    public var vetoes: Set<String>
    public var window: Int
    /// Words that, between the trigger and the date, make the date someone else's ("la
    /// capacitación, antes de la salida a producción del 15 de junio").
    public var gapVetoes: Set<String>
    /// The date must be on the trigger's line (prose, not the next labelled field).
    public var sameLine = false

    public init(triggers: [String] = ProductionDateFinder.defaultTriggers,
                vetoes: [String] = ProductionDateFinder.defaultVetoes,
                window: Int = ProductionDateFinder.defaultWindow, gapVetoes: [String] = []) {
        self.triggers = triggers.map { TextNormalizer.key($0).split(separator: " ").map(String.init) }
        self.vetoes = Set(vetoes.map(TextNormalizer.key))
        self.window = window
        self.gapVetoes = Set(gapVetoes.map(TextNormalizer.key))
    }

    /// The labelled field's date when it has one (it wins), else the first prose date. Only
    /// the field's first value line is read: a date field's value is one line, and the lines
    /// a value runs on into are often the next sentence of the mail.
    /// `reference` (the mail's day) gives a year to "1 de julio" written without one.
    public func productionDate(fields: LabeledFields, text: String, reference: DateParts? = nil) -> ProductionDate? {
        productionDate(fields: fields, prose: DatedText(text, reference: reference))
    }

    /// `productionDate` with the prose's tokens and dates shared with other readers of the text.
    func productionDate(fields: LabeledFields, prose: DatedText) -> ProductionDate? {
        for field in fields.all(.fechaProduccion) {
            if let first = field.lines.first, let date = SpanishDateParser.firstDate(in: first, reference: prose.reference) {
                return ProductionDate(parts: date.parts, source: .labeled)
            }
        }
        return proseDate(in: prose).map { ProductionDate(parts: $0.parts, source: .prose) }
    }

    /// The first date that closely follows a trigger phrase in `text`.
    public func proseDate(in text: String, reference: DateParts? = nil) -> SpanishDate? {
        proseDate(in: DatedText(text, reference: reference))
    }

    /// `proseDate` over a text already tokenized and dated (callers reading them again share them).
    func proseDate(in prose: DatedText) -> SpanishDate? {
        let text = prose.text, tokens = prose.tokens, words = prose.words, dates = prose.dates
        let initials = triggerInitials
        let byFirstWord = triggersByFirstWord
        for position in words.indices {
            guard let length = triggerLength(words: words, tokens: tokens, at: position, initials: initials, byFirstWord: byFirstWord)
            else { continue }
            let before = words[max(0, position - Self.vetoLookBehind)..<position]
            if before.contains(where: { vetoes.contains(tokens[$0].text) }) { continue }
            let end = tokens[words[position + length - 1]].range.upperBound
            if let date = firstFollowing(dates, triggerEnd: end, in: text) { return date }
        }
        return nil
    }

    /// The first date of `dates` (in order, non-overlapping) that `follows` the trigger.
    /// Speed: dates before the trigger are skipped by bisection and the scan stops at the
    /// first date beyond the window (later ones are further still), so a long thread costs a
    /// few dates per trigger instead of every date, each measured from the trigger.
    private func firstFollowing(_ dates: [SpanishDate], triggerEnd: String.Index, in text: String) -> SpanishDate? {
        var low = 0, high = dates.count
        while low < high {
            let mid = (low + high) / 2
            if dates[mid].range.lowerBound < triggerEnd { low = mid + 1 } else { high = mid }
        }
        for date in dates[low...] {
            guard within(window, from: triggerEnd, to: date.range.lowerBound, in: text) else { return nil }
            if follows(date, triggerEnd: triggerEnd, in: text) { return date }
        }
        return nil
    }

    /// Whether at most `limit` characters lie between `start` and `end`, walking no further.
    private func within(_ limit: Int, from start: String.Index, to end: String.Index, in text: String) -> Bool {
        text.index(start, offsetBy: limit + 1, limitedBy: end) == nil
    }

    /// Whether each byte is the first byte of a trigger phrase's first word; nil when a phrase
    /// is empty (it matches anywhere). A table, not a set: it is read once per word of the text.
    private var triggerInitials: [Bool]? {
        guard !triggers.contains(where: { $0.first?.utf8.first == nil }) else { return nil }
        var table = [Bool](repeating: false, count: 256)
        for phrase in triggers { table[Int(phrase[0].utf8.first!)] = true }
        return table
    }

    /// The phrases of `triggers` (in their order) by the first byte of their first word: a word
    /// is compared only with the phrases it can open (a table, not a dictionary: hashing every
    /// word cost more than the comparisons).
    private var triggersByFirstWord: [[[String]]] {
        var table = [[[String]]](repeating: [], count: 256)
        for phrase in triggers { table[Int(phrase.first?.utf8.first ?? 0)].append(phrase) }
        return table
    }

    private func triggerLength(words: [Int], tokens: [TextToken], at position: Int, initials: [Bool]?,
                               byFirstWord: [[[String]]]) -> Int? {
        // Speed: most words start no trigger; a look at the first byte rules them out.
        let initial = Int(tokens[words[position]].text.utf8.first ?? 0)
        if let initials, !initials[initial] { return nil }
        guard initials != nil else { return triggerLength(words: words, tokens: tokens, at: position, among: triggers) }
        return triggerLength(words: words, tokens: tokens, at: position, among: byFirstWord[initial])
    }

    private func triggerLength(words: [Int], tokens: [TextToken], at position: Int, among triggers: [[String]]) -> Int? {
        for phrase in triggers where position + phrase.count <= words.count {
            let matches = phrase.indices.allSatisfy { tokens[words[position + $0]].text == phrase[$0] }
            if matches { return phrase.count }
        }
        return nil
    }

    /// Same sentence and paragraph, within `window` characters.
    private func follows(_ date: SpanishDate, triggerEnd: String.Index, in text: String) -> Bool {
        guard date.range.lowerBound >= triggerEnd else { return false }
        let gap = text[triggerEnd..<date.range.lowerBound]
        guard gap.count <= window else { return false }
        if sameLine, gap.contains(where: \.isNewline) { return false }
        if !gapVetoes.isEmpty, TextToken.tokenize(String(gap)).contains(where: { $0.kind == .word && gapVetoes.contains($0.text) }) {
            return false
        }
        var previous: Character = " "
        var newlinesSinceText = 0
        for character in gap {
            if character.isNewline { newlinesSinceText += 1 } else if !character.isWhitespace { newlinesSinceText = 0 }
            let sentenceEnd = Self.sentenceEnders.contains(previous) && character.isWhitespace
            if sentenceEnd || newlinesSinceText >= 2 { return false }
            previous = character
        }
        return true
    }

    static let sentenceEnders: Set<Character> = [".", "?", "!", ";"]
}
