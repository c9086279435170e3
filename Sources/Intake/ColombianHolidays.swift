/// The Colombian public holidays of a year as the law computes them (procedure.md, "Colombian
/// public holidays"): Ley 51 de 1983 for the moves to Monday, Ley 2578 de 2026 for 9 July.
/// OCM's own additions and removals are `HolidayOverrides`, applied by `BusinessCalendar`.
public enum ColombianHolidays {
    /// Ley 51 de 1983 governs from 1984; earlier years get today's rules, which is not history.
    public static let lawInForceSince = 1984

    private struct Fixed { let month: Int, day: Int, name: String, since: Int }
    private struct EasterBased { let offset: Int, name: String, movedToMonday: Bool }

    private static let fixed: [Fixed] = [
        Fixed(month: 1, day: 1, name: "Año Nuevo", since: 0),
        Fixed(month: 5, day: 1, name: "Día del Trabajo", since: 0),
        Fixed(month: 7, day: 20, name: "Día de la Independencia", since: 0),
        Fixed(month: 8, day: 7, name: "Batalla de Boyacá", since: 0),
        Fixed(month: 12, day: 8, name: "La Inmaculada Concepción", since: 0),
        Fixed(month: 12, day: 25, name: "Navidad", since: 0),
    ]

    /// Moved to the following Monday when not on a Monday (Ley 51 de 1983, art. 1).
    private static let emiliani: [Fixed] = [
        Fixed(month: 1, day: 6, name: "Día de los Reyes Magos", since: 0),
        Fixed(month: 3, day: 19, name: "Día de San José", since: 0),
        Fixed(month: 6, day: 29, name: "San Pedro y San Pablo", since: 0),
        // Ley 2578 de 2026 adds it, under the same Monday rule.
        Fixed(month: 7, day: 9, name: "Nuestra Señora del Rosario de Chiquinquirá", since: 2026),
        Fixed(month: 8, day: 15, name: "La Asunción de la Virgen", since: 0),
        Fixed(month: 10, day: 12, name: "Día de la Raza", since: 0),
        Fixed(month: 11, day: 1, name: "Día de Todos los Santos", since: 0),
        Fixed(month: 11, day: 11, name: "Independencia de Cartagena", since: 0),
    ]

    /// Offsets from Easter Sunday of the day commemorated; the moved ones land on +43, +64, +71.
    private static let easterBased: [EasterBased] = [
        EasterBased(offset: -3, name: "Jueves Santo", movedToMonday: false),
        EasterBased(offset: -2, name: "Viernes Santo", movedToMonday: false),
        EasterBased(offset: 39, name: "Ascensión del Señor", movedToMonday: true),
        EasterBased(offset: 60, name: "Corpus Christi", movedToMonday: true),
        EasterBased(offset: 68, name: "Sagrado Corazón", movedToMonday: true),
    ]

    /// The year's holidays sorted by day off, then by day commemorated. Two can share a day off
    /// (Sagrado Corazón and San Pedro y San Pablo in 2038, 2052, ...): both are listed. Empty for
    /// years before 1 (no Gregorian Easter to compute).
    public static func holidays(in year: Int) -> [Holiday] {
        guard year >= 1 else { return [] }
        var result: [Holiday] = []
        result.reserveCapacity(19)
        for f in fixed {
            result.append(Holiday(date: CivilDate(year: year, month: f.month, day: f.day)!, name: f.name, rule: .fixed))
        }
        for f in emiliani where year >= f.since {
            let origin = CivilDate(year: year, month: f.month, day: f.day)!
            result.append(Holiday(date: mondayOnOrAfter(origin), name: f.name, origin: origin, rule: .movedToMonday))
        }
        let easter = easterSunday(year: year)
        for e in easterBased {
            let origin = easter.adding(days: e.offset)
            result.append(e.movedToMonday
                ? Holiday(date: mondayOnOrAfter(origin), name: e.name, origin: origin, rule: .movedToMonday)
                : Holiday(date: origin, name: e.name, rule: .easter))
        }
        return result.sorted { ($0.date, $0.origin) < ($1.date, $1.origin) }
    }

    /// Western (Gregorian) Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    /// Requires `year >= 1`.
    public static func easterSunday(year: Int) -> CivilDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)!
    }

    /// The Monday of Ley Emiliani: the day itself when a Monday, else the next one.
    public static func mondayOnOrAfter(_ date: CivilDate) -> CivilDate {
        date.adding(days: (8 - date.weekday.rawValue) % 7)
    }
}
