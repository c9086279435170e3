import Foundation

/// A day on the proleptic Gregorian calendar, with no time and no zone.
///
/// Lead times are counted in whole days of the Bogotá calendar, so deadlines are computed on
/// these values, never on `Date`: no hour, zone or DST can shift a count by one. Arithmetic goes
/// through a day number (days since 1970-01-01) computed with Howard Hinnant's
/// days-from-civil algorithm, so the hot paths never touch Foundation's `Calendar`.
public struct CivilDate: Sendable, Hashable {
    public let year: Int
    /// 1...12
    public let month: Int
    /// 1...daysInMonth
    public let day: Int

    /// Nil when the triple names no real day (2026-02-29, month 13, day 0).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `dayNumber` days after 1970-01-01 (negative: before).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = doy - (153 * mp + 2) / 5 + 1
    }

    /// Days since 1970-01-01 (days-from-civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// 1970-01-01 was a Thursday.
    public var weekday: Weekday {
        let r = ((dayNumber % 7) + 7) % 7   // 0 = Thursday
        return Weekday(rawValue: (r + 3) % 7 + 1)!
    }

    /// 1 for 1 January, 365 or 366 for 31 December.
    public var dayOfYear: Int {
        dayNumber - CivilDate(year: year, month: 1, day: 1)!.dayNumber + 1
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> CivilDate {
        CivilDate(dayNumber: dayNumber + days)
    }

    /// Signed number of days from `self` to `other`: 1 from Monday to Tuesday.
    public func days(to other: CivilDate) -> Int {
        other.dayNumber - dayNumber
    }

    public static func isLeap(year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year: year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension CivilDate: Comparable {
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// Lets `a...b` be iterated day by day.
extension CivilDate: Strideable {
    public func advanced(by n: Int) -> CivilDate { adding(days: n) }
    public func distance(to other: CivilDate) -> Int { days(to: other) }
}
