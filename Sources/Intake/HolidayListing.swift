/// What `ocm-intake calendar --year Y [--json]` prints: the year's holidays as OCM reads them,
/// so whoever edits `config/holidays.yaml` can see the effect before the daemon uses it.
public struct HolidayListing: Sendable, Hashable, Codable {
    public struct Entry: Sendable, Hashable, Codable {
        public var date: CivilDate
        /// Spanish weekday, lower case ("lunes").
        public var weekday: String
        public var name: String
        /// The day commemorated when the holiday was moved to Monday, else nil.
        public var movedFrom: CivilDate?
        /// True when the day comes from `config/holidays.yaml` rather than the law.
        public var fromConfiguration: Bool

        enum CodingKeys: String, CodingKey { case date, weekday, name, movedFrom, fromConfiguration }

        /// `movedFrom` is written as `null` when absent: JSON consumers rely on the key set.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(date, forKey: .date)
            try c.encode(weekday, forKey: .weekday)
            try c.encode(name, forKey: .name)
            try c.encode(movedFrom, forKey: .movedFrom)
            try c.encode(fromConfiguration, forKey: .fromConfiguration)
        }
    }

    public var year: Int
    public var entries: [Entry]
    /// Computed holidays the configuration removed this year, so the listing explains their absence.
    public var removed: [CivilDate]

    public init(year: Int, calendar: BusinessCalendar) {
        self.year = year
        self.entries = calendar.holidays(in: year).map {
            Entry(date: $0.date, weekday: $0.date.weekday.spanishName, name: $0.name,
                  movedFrom: $0.isMoved ? $0.origin : nil, fromConfiguration: $0.isFromConfiguration)
        }
        self.removed = calendar.overrides.remove.filter { $0.year == year }.sorted()
    }

    /// One line per holiday for the terminal, e.g.
    /// `2026-07-13  lunes      Nuestra Señora del Rosario de Chiquinquirá (9 jul, trasladado)`.
    public var lines: [String] {
        entries.map { e in
            var line = "\(e.date)  \(e.weekday.padding(toLength: 10))\(e.name)"
            if let from = e.movedFrom { line += " (\(from.day) \(Self.monthAbbreviations[from.month - 1]), trasladado)" }
            if e.fromConfiguration { line += " [configuración]" }
            return line
        } + removed.map { "\($0)  \($0.weekday.spanishName.padding(toLength: 10))(festivo quitado por configuración)" }
    }

    private static let monthAbbreviations =
        ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]
}

extension String {
    fileprivate func padding(toLength width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
