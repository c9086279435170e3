/// Day of the week, numbered as ISO 8601 does (Monday = 1): business days are Monday–Friday,
/// and replies name the day in Spanish, so both live here.
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Saturday and Sunday: never business days, whatever the holiday calendar says.
    public var isWeekend: Bool { self == .saturday || self == .sunday }

    /// Lower-case Spanish name, as written in running text ("lunes 13 de julio").
    public var spanishName: String {
        switch self {
        case .monday: "lunes"
        case .tuesday: "martes"
        case .wednesday: "miércoles"
        case .thursday: "jueves"
        case .friday: "viernes"
        case .saturday: "sábado"
        case .sunday: "domingo"
        }
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
