/// Finds the dates Colombian mails write: numeric day-first ("15/03/2026", "15-03-26",
/// "15.03.2026"), ISO ("2026-03-15"), and in words ("lunes, 15 de marzo del 2026",
/// "marzo 15, 2026", "1ro de julio de 2026", "15 mar 2026", "15-mar-2026"). Dates that do not
/// exist (31/02/2026) are not dates. A day and month in words without a year ("1 de julio")
/// take their year from `reference` (the mail's date, given by the caller): the same year,
/// or the next one when that would put the date more than `pastWindowDays` before the mail.
public enum SpanishDateParser {
    /// How far before the mail a year-less date may fall and still be read in the mail's year
    /// ("la convocatoria abrió el 2 de marzo" written on 20 March).
    public static let pastWindowDays = 60

    /// Every date in `text`, in order, non-overlapping.
    public static func dates(in text: String, reference: DateParts? = nil) -> [SpanishDate] {
        dates(tokens: TextToken.tokenize(text), reference: reference)
    }

    /// Every date in already tokenized text (callers that also read the tokens tokenize once).
    static func dates(tokens: [TextToken], reference: DateParts? = nil) -> [SpanishDate] {
        var found: [SpanishDate] = []
        var index = 0
        while index < tokens.count {
            if mayStartDate(tokens[index]), let match = match(tokens, at: index, reference: reference) {
                let range = tokens[index].range.lowerBound..<tokens[match.last].range.upperBound
                found.append(SpanishDate(parts: match.parts, range: range))
                index = match.last + 1
            } else {
                index += 1
            }
        }
        return found
    }

    /// Whether a date can start at `token`: every form opens with a number, a weekday or a
    /// month (`numeric`, `rangeStart`, `dayFirst`, `monthFirst`). Speed: most tokens of a long
    /// thread are other words, ruled out by one lookup instead of four attempts.
    static func mayStartDate(_ token: TextToken) -> Bool {
        token.kind == .number || (token.kind == .word && SpanishDateVocabulary.dateOpeners.contains(token.text))
    }

    /// The first date in `text`.
    public static func firstDate(in text: String, reference: DateParts? = nil) -> SpanishDate? {
        dates(in: text, reference: reference).first
    }

    /// The date `text` consists of, allowing surrounding whitespace and punctuation
    /// ("15/06/2026.") but no other words: for values of a date field.
    public static func parse(_ text: String) -> DateParts? {
        guard let date = firstDate(in: text) else { return nil }
        let outside = text[..<date.range.lowerBound] + text[date.range.upperBound...]
        return outside.allSatisfy({ $0.isWhitespace || $0.isPunctuation }) ? date.parts : nil
    }

    typealias Match = (parts: DateParts, last: Int)

    static func match(_ tokens: [TextToken], at start: Int, reference: DateParts? = nil) -> Match? {
        numeric(tokens, at: start) ?? rangeStart(tokens, at: start, reference: reference)
            ?? dayFirst(tokens, at: start, reference: reference) ?? monthFirst(tokens, at: start, reference: reference)
    }

    /// "del 16 al 30 de junio de 2026", "16 y 17 de junio", "16-30 de junio": a range of days
    /// written with one month; it starts on its first day (an opening, a training week).
    static func rangeStart(_ tokens: [TextToken], at i: Int, reference: DateParts? = nil) -> Match? {
        guard i + 2 < tokens.count, tokens[i].isNumber, tokens[i].text.count <= 2, let first = Int(tokens[i].text) else { return nil }
        let joiner = tokens[i + 1]
        guard joiner.isWord("al") || joiner.isWord("a") || joiner.isWord("y") || joiner.isSymbol("-") else { return nil }
        guard let end = dayFirst(tokens, at: i + 2, reference: reference), first < end.parts.day,
              let start = date(year: end.parts.year, month: end.parts.month, day: first) else { return nil }
        return (start, end.last)
    }

    /// The year a year-less day and month mean, seen from `reference`.
    static func inferred(month: Int, day: Int, reference: DateParts) -> DateParts? {
        guard let sameYear = DateParts(validYear: reference.year, month: month, day: day),
              let ref = CivilDate(year: reference.year, month: reference.month, day: reference.day),
              let candidate = CivilDate(year: sameYear.year, month: month, day: day) else {
            // 29 February of a common year: the next leap year is too far to guess.
            return nil
        }
        if ref.days(to: candidate) >= -pastWindowDays { return sameYear }
        return DateParts(validYear: reference.year + 1, month: month, day: day)
    }

    /// "15/03/2026", "15-03-26", "15.03.2026", "2026-03-15": three attached numbers with the
    /// same separator twice, not part of a longer chain such as an IP address or "1.234.567".
    static func numeric(_ tokens: [TextToken], at i: Int) -> Match? {
        guard i + 4 < tokens.count else { return nil }
        let a = tokens[i], sep = tokens[i + 1], b = tokens[i + 2], sep2 = tokens[i + 3], c = tokens[i + 4]
        guard a.isNumber, b.isNumber, c.isNumber, sep.kind == .symbol,
              SpanishDateVocabulary.numericSeparators.contains(sep.text), sep2.text == sep.text,
              sep.attached, b.attached, sep2.attached, c.attached
        else { return nil }
        if continuesChain(tokens, from: i + 5, separator: sep.text) { return nil }
        if i >= 2, tokens[i - 1].text == sep.text, tokens[i - 1].kind == .symbol, a.attached,
           tokens[i - 2].isNumber { return nil }
        let parts: DateParts?
        if a.text.count == 4, b.text.count <= 2, c.text.count <= 2 {
            parts = date(year: a.text, month: Int(b.text), day: Int(c.text))
        } else if a.text.count <= 2, b.text.count <= 2 {
            parts = date(year: c.text, month: Int(b.text), day: Int(a.text))
        } else {
            parts = nil
        }
        return parts.map { ($0, i + 4) }
    }

    /// "[lunes[,]] 15[°|ro] [de] marzo[.] [de|del|,] 2026", and "15-mar-2026".
    static func dayFirst(_ tokens: [TextToken], at i: Int, reference: DateParts? = nil) -> Match? {
        var cursor = Cursor(tokens: tokens, index: i)
        if cursor.takeWeekday() { _ = cursor.take(symbol: ",") }
        guard let day = cursor.takeNumber(maxDigits: 2) else { return nil }
        cursor.takeOrdinalMark()
        let dashed = cursor.takeAttachedSeparator()
        if !dashed { _ = cursor.takeConnector() }
        guard let month = cursor.takeMonth(allowPeriod: !dashed) else { return nil }
        if dashed {
            guard cursor.takeAttachedSeparator(), let year = cursor.takeYear(allowTwoDigits: true)
            else { return nil }
            return date(year: year, month: month, day: day).map { ($0, cursor.index - 1) }
        }
        let afterMonth = cursor.index
        if !cursor.takeConnector() { _ = cursor.take(symbol: ",") }
        guard let year = cursor.takeYear(allowTwoDigits: false) else {
            guard let reference else { return nil }
            return inferred(month: month, day: day, reference: reference).map { ($0, afterMonth - 1) }
        }
        return date(year: year, month: month, day: day).map { ($0, cursor.index - 1) }
    }

    /// "marzo 15 de 2026", "marzo 15, 2026", "lunes, marzo 15 de 2026".
    static func monthFirst(_ tokens: [TextToken], at i: Int, reference: DateParts? = nil) -> Match? {
        var cursor = Cursor(tokens: tokens, index: i)
        if cursor.takeWeekday() { _ = cursor.take(symbol: ",") }
        guard let month = cursor.takeMonth(allowPeriod: true),
              let day = cursor.takeNumber(maxDigits: 2) else { return nil }
        cursor.takeOrdinalMark()
        let afterDay = cursor.index
        if !cursor.takeConnector() { _ = cursor.take(symbol: ",") }
        guard let year = cursor.takeYear(allowTwoDigits: false) else {
            guard let reference else { return nil }
            return inferred(month: month, day: day, reference: reference).map { ($0, afterDay - 1) }
        }
        return date(year: year, month: month, day: day).map { ($0, cursor.index - 1) }
    }

    private static func continuesChain(_ tokens: [TextToken], from i: Int, separator: String) -> Bool {
        i + 1 < tokens.count && tokens[i].kind == .symbol && tokens[i].text == separator
            && tokens[i].attached && tokens[i + 1].isNumber && tokens[i + 1].attached
    }

    private static func date(year: String, month: Int?, day: Int?) -> DateParts? {
        guard let month, let day, let year = fullYear(year) else { return nil }
        return date(year: year, month: month, day: day)
    }

    private static func date(year: Int, month: Int, day: Int) -> DateParts? {
        guard SpanishDateVocabulary.years.contains(year) else { return nil }
        return DateParts(validYear: year, month: month, day: day)
    }

    static func fullYear(_ digits: String) -> Int? {
        guard let value = Int(digits) else { return nil }
        switch digits.count {
        case 2: return SpanishDateVocabulary.twoDigitYearBase + value
        case 4: return value
        default: return nil
        }
    }

    /// Reads tokens left to right; each `take` consumes only on success.
    struct Cursor {
        let tokens: [TextToken]
        var index: Int

        var current: TextToken? { index < tokens.count ? tokens[index] : nil }

        mutating func take(symbol: String) -> Bool {
            guard let token = current, token.isSymbol(symbol) else { return false }
            index += 1
            return true
        }

        mutating func takeWeekday() -> Bool {
            guard let token = current, token.kind == .word,
                  SpanishDateVocabulary.weekdays.contains(token.text) else { return false }
            index += 1
            return true
        }

        mutating func takeNumber(maxDigits: Int) -> Int? {
            guard let token = current, token.isNumber, token.text.count <= maxDigits else { return nil }
            index += 1
            return Int(token.text)
        }

        /// "1°", "1º", "1ro": the mark is written against the number.
        mutating func takeOrdinalMark() {
            guard let token = current, token.attached, token.kind != .number,
                  SpanishDateVocabulary.ordinalMarks.contains(token.text) else { return }
            index += 1
        }

        mutating func takeConnector() -> Bool {
            guard let token = current, token.kind == .word,
                  SpanishDateVocabulary.connectors.contains(token.text) else { return false }
            index += 1
            return true
        }

        /// The "-" of "15-mar-2026", written against both neighbours.
        mutating func takeAttachedSeparator() -> Bool {
            guard let token = current, token.kind == .symbol, token.attached,
                  SpanishDateVocabulary.numericSeparators.contains(token.text),
                  index + 1 < tokens.count, tokens[index + 1].attached else { return false }
            index += 1
            return true
        }

        /// A month name, with the period some abbreviations carry ("15 sept. 2026").
        mutating func takeMonth(allowPeriod: Bool) -> Int? {
            guard let token = current, let month = SpanishDateVocabulary.month(token) else { return nil }
            index += 1
            if allowPeriod, SpanishDateVocabulary.isAbbreviation(token), let dot = current, dot.isSymbol("."),
               dot.attached, index + 1 < tokens.count, tokens[index + 1].isNumber {
                index += 1
            }
            return month
        }

        mutating func takeYear(allowTwoDigits: Bool) -> Int? {
            guard let token = current, token.isNumber,
                  token.text.count == 4 || (allowTwoDigits && token.text.count == 2),
                  let year = SpanishDateParser.fullYear(token.text) else { return nil }
            index += 1
            return year
        }
    }
}
