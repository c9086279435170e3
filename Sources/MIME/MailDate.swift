import Foundation

/// An RFC 5322 date with the offset the sender wrote (kept: the request day is computed in
/// America/Bogota from the instant, but the written offset is useful evidence).
public struct MailDate: Sendable, Hashable {
    public var instant: Date
    /// Offset from UTC in minutes as written (`-0500` → -300).
    public var offsetMinutes: Int

    public init(instant: Date, offsetMinutes: Int) {
        self.instant = instant
        self.offsetMinutes = offsetMinutes
    }

    /// Parses `Mon, 16 Feb 2026 09:12:00 -0500` and the usual variants (no weekday, 2-digit year,
    /// obsolete zone names, missing seconds, comments). `nil` when no date can be read.
    public static func parse(_ raw: String) -> MailDate? {
        var fields = Fields()
        for token in tokens(raw) { fields.take(token) }
        return fields.date()
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil):
    /// exact, locale-free and much cheaper than a Calendar.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
