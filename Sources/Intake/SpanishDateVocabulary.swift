/// The words Spanish dates are written with, as data: month names and abbreviations (folded,
/// "setiembre" included), weekdays, ordinal marks of the first day ("1°", "1ro").
enum SpanishDateVocabulary {
    static let months: [String: Int] = [
        "enero": 1, "ene": 1,
        "febrero": 2, "feb": 2,
        "marzo": 3, "mar": 3,
        "abril": 4, "abr": 4,
        "mayo": 5, "may": 5,
        "junio": 6, "jun": 6,
        "julio": 7, "jul": 7,
        "agosto": 8, "ago": 8,
        "septiembre": 9, "setiembre": 9, "sep": 9, "sept": 9, "set": 9,
        "octubre": 10, "oct": 10,
        "noviembre": 11, "nov": 11,
        "diciembre": 12, "dic": 12,
    ]

    static let weekdays: Set<String> = [
        "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo",
    ]

    /// Written right after the day number: "1°", "1º", "1ro", "1er", "1ero", "2do", "1o".
    static let ordinalMarks: Set<String> = ["°", "º", "ro", "er", "ero", "do", "o"]

    /// Between day, month and year: "15 de marzo de 2026", "15 de marzo del 2026".
    static let connectors: Set<String> = ["de", "del"]

    /// Separators of numeric dates ("15/03/2026", "15-03-2026", "15.03.2026") and of
    /// spreadsheet-style ones ("15-mar-2026").
    static let numericSeparators: Set<String> = ["/", "-", "."]

    /// Years accepted at all: anything else is a number that happens to look like a date.
    static let years = 1900...2199

    /// Two-digit years are this century's ("15/03/26" is 2026).
    static let twoDigitYearBase = 2000

    /// Words a date may open with: a weekday or a month.
    static let dateOpeners: Set<String> = weekdays.union(months.keys)

    static func month(_ token: TextToken) -> Int? {
        token.kind == .word ? months[token.text] : nil
    }

    static func isAbbreviation(_ token: TextToken) -> Bool {
        token.text.count <= 4 && months[token.text] != nil
    }
}
