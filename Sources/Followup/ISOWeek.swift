import Intake

/// An ISO 8601 week (`2026-W23`, Monday to Sunday): the ANS counts training hours per week, and
/// the provider's diffusion is announced by week.
public struct ISOWeek: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    /// The week holding `date`; its year is the year of that week's Thursday.
    public init(containing date: CivilDate) {
        let thursday = date.adding(days: 4 - date.weekday.rawValue)
        year = thursday.year
        week = (thursday.dayOfYear - 1) / 7 + 1
    }

    /// `YYYY-Www` (also `YYYYWww`); nil for a week the year does not have.
    public init?(_ text: String) {
        let parts = text.uppercased().replacingOccurrences(of: "-", with: "").split(separator: "W", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let week = Int(parts[1]),
              (1...53).contains(week) else { return nil }
        self.year = year
        self.week = week
        guard ISOWeek(containing: monday) == self else { return nil }
    }

    /// Monday of the week.
    public var monday: CivilDate {
        let jan4 = CivilDate(year: year, month: 1, day: 4)!
        let firstMonday = jan4.adding(days: 1 - jan4.weekday.rawValue)
        return firstMonday.adding(days: 7 * (week - 1))
    }

    public var days: [CivilDate] { (0..<7).map { monday.adding(days: $0) } }

    public var next: ISOWeek { ISOWeek(containing: monday.adding(days: 7)) }

    public var description: String {
        "\(year)-W\(week < 10 ? "0" : "")\(week)"
    }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }
}

/// 4.2.1 Nota: a session the misional gives Monday–Wednesday is replicated by the provider the
/// same week; Thursday or Friday, from the following week.
public enum DiffusionWeek {
    public static func of(session date: CivilDate) -> ISOWeek {
        let week = ISOWeek(containing: date)
        return date.weekday <= .wednesday ? week : week.next
    }
}
