import Foundation

/// Writing the Date field (RFC 5322 3.3): `Tue, 17 Feb 2026 09:30:00 -0500`, from an instant and
/// an offset the caller chooses (Bogotá is -0500 all year). Plain arithmetic: no Calendar, no
/// locale, no clock.
extension MailDate {
    static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The RFC 5322 text of `instant` as seen at `offsetMinutes` from UTC (whole seconds).
    public static func format(_ instant: Date, offsetMinutes: Int) -> String {
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + offsetMinutes * 60
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let seconds = local - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        let weekday = ((days % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(offsetMinutes)
        return "\(weekdayNames[weekday]), \(day) \(monthNames[month - 1]) \(year) "
            + "\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60)) "
            + "\(sign)\(pad(offset / 60))\(pad(offset % 60))"
    }

    /// The text of this date at its own offset.
    public var formatted: String { Self.format(instant, offsetMinutes: offsetMinutes) }

    /// Inverse of `daysFromCivil` (H. Hinnant's civil_from_days).
    static func civil(fromDays dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (153 * mp + 2) / 5 + 1)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
