/// Business days (días hábiles) of procedure.md: Monday to Friday minus Colombian public
/// holidays, as computed by `ColombianHolidays` and corrected by OCM's `HolidayOverrides`.
///
/// Lead-time checks count days many times per mail, so the calendar keeps a running count of
/// business days over `precomputedYears` (one `Int32` per day, ~170 KB for 1984–2100) and answers
/// a count with one subtraction. Days outside that range are still answered, more slowly, from
/// the year's holiday list; the answers are the same.
public struct BusinessCalendar: Sendable {
    public let overrides: HolidayOverrides
    public let precomputedYears: ClosedRange<Int>

    /// Day number of 1 January of the first precomputed year, and of the year after the last.
    private let firstDay: Int
    private let endDay: Int
    /// `businessBefore[i]`: business days in `firstDay ..< firstDay + i`.
    private let businessBefore: [Int32]
    private let added: [Int: [HolidayOverrides.Addition]]
    private let removed: Set<CivilDate>

    public init(overrides: HolidayOverrides = .none, precomputing years: ClosedRange<Int> = 1984...2100) {
        self.overrides = overrides
        let years = max(years.lowerBound, 1)...max(years.upperBound, 1)
        self.precomputedYears = years
        let added = Dictionary(grouping: overrides.add, by: { $0.date.year })
        let removed = Set(overrides.remove)
        self.added = added
        self.removed = removed
        self.firstDay = CivilDate(year: years.lowerBound, month: 1, day: 1)!.dayNumber
        self.endDay = CivilDate(year: years.upperBound + 1, month: 1, day: 1)!.dayNumber
        var counts: [Int32] = [0]
        counts.reserveCapacity(endDay - firstDay + 1)
        var running: Int32 = 0
        for year in years {
            let holidays = Self.dayNumbers(of: Self.holidays(in: year, added: added, removed: removed))
            let start = CivilDate(year: year, month: 1, day: 1)!.dayNumber
            let end = CivilDate(year: year + 1, month: 1, day: 1)!.dayNumber
            for day in start..<end {
                if Self.isWeekday(day) && !holidays.contains(day) { running += 1 }
                counts.append(running)
            }
        }
        self.businessBefore = counts
    }

    // MARK: Holidays

    /// The year's holidays after overrides, by date: computed ones not removed, then OCM's
    /// additions (`rule == .configuration`). Weekend holidays are listed too.
    public func holidays(in year: Int) -> [Holiday] {
        Self.holidays(in: year, added: added, removed: removed)
    }

    private static func holidays(
        in year: Int, added: [Int: [HolidayOverrides.Addition]], removed: Set<CivilDate>
    ) -> [Holiday] {
        let computed = ColombianHolidays.holidays(in: year).filter { !removed.contains($0.date) }
        let configured = (added[year] ?? []).map { Holiday(date: $0.date, name: $0.name, rule: .configuration) }
        return (computed + configured).sorted {
            ($0.date, $0.isFromConfiguration ? 1 : 0, $0.origin) < ($1.date, $1.isFromConfiguration ? 1 : 0, $1.origin)
        }
    }

    /// The holidays whose day off is `date` (usually none, sometimes two).
    public func holidays(on date: CivilDate) -> [Holiday] {
        holidays(in: date.year).filter { $0.date == date }
    }

    // MARK: Counting

    /// Monday to Friday and not a holiday.
    public func isBusinessDay(_ date: CivilDate) -> Bool {
        let n = date.dayNumber
        return businessCount(n, n + 1) == 1
    }

    /// Business days d with r < d ≤ t (0 when t ≤ r): "N días hábiles before T" holds for R
    /// exactly when `businessDays(after: R, through: T) >= N`.
    public func businessDays(after r: CivilDate, through t: CivilDate) -> Int {
        businessCount(r.dayNumber + 1, t.dayNumber + 1)
    }

    /// Calendar days d with r < d ≤ t (0 when t ≤ r).
    public func calendarDays(after r: CivilDate, through t: CivilDate) -> Int {
        max(0, r.days(to: t))
    }

    /// For n > 0 the business day D after `date` with n business days in (date, D]: Friday + 1 is
    /// Monday. For n < 0 the business day D before `date` with |n| business days in [D, date).
    /// For n = 0, `date` itself.
    public func addingBusinessDays(_ n: Int, to date: CivilDate) -> CivilDate {
        let start = date.dayNumber
        if n > 0 { return CivilDate(dayNumber: firstReaching(n, countingFrom: start + 1)) }
        if n < 0 { return CivilDate(dayNumber: lastReaching(-n, countingBefore: start)) }
        return date
    }

    /// The last request day R for which "n business days before `target`" holds (procedure.md
    /// 4.1.1): at least n business days d with R < d ≤ target. For n ≤ 0, `target`.
    public func latestRequestDay(businessDaysBefore n: Int, target: CivilDate) -> CivilDate {
        guard n > 0 else { return target }
        return CivilDate(dayNumber: lastReaching(n, countingBefore: target.dayNumber + 1) - 1)
    }

    /// The last request day R for which "n calendar days before `target`" holds: target − n.
    public func latestRequestDay(calendarDaysBefore n: Int, target: CivilDate) -> CivilDate {
        target.adding(days: -max(0, n))
    }
}

// MARK: - Day-number arithmetic

extension BusinessCalendar {
    /// Business days in the half-open day-number range a ..< b.
    private func businessCount(_ a: Int, _ b: Int) -> Int {
        guard a < b else { return 0 }
        if a >= firstDay && b <= endDay {
            return Int(businessBefore[b - firstDay] - businessBefore[a - firstDay])
        }
        var total = 0
        var lo = a
        if lo < firstDay {
            let hi = min(b, firstDay)
            total += slowCount(lo, hi)
            lo = hi
        }
        if lo < b && lo < endDay {
            let hi = min(b, endDay)
            total += Int(businessBefore[hi - firstDay] - businessBefore[lo - firstDay])
            lo = hi
        }
        if lo < b { total += slowCount(lo, b) }
        return total
    }

    /// Outside the precomputed years: weekdays by arithmetic minus the year's weekday holidays.
    private func slowCount(_ a: Int, _ b: Int) -> Int {
        var total = 0
        var lo = a
        while lo < b {
            let year = CivilDate(dayNumber: lo).year
            let hi = min(b, CivilDate(year: year + 1, month: 1, day: 1)!.dayNumber)
            let holidays = holidayDayNumbers(in: year).filter { $0 >= lo && $0 < hi && Self.isWeekday($0) }
            total += Self.weekdaysBefore(hi) - Self.weekdaysBefore(lo) - holidays.count
            lo = hi
        }
        return total
    }

    /// Smallest D ≥ start with n business days in start ... D (n ≥ 1): gallop, then bisect.
    private func firstReaching(_ n: Int, countingFrom start: Int) -> Int {
        var lo = start + n - 1, hi = lo, step = max(n, 8)
        while businessCount(start, hi + 1) < n { lo = hi + 1; hi += step; step *= 2 }
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if businessCount(start, mid + 1) >= n { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// Largest D < end with n business days in D ..< end (n ≥ 1).
    private func lastReaching(_ n: Int, countingBefore end: Int) -> Int {
        var hi = end - n, lo = hi, step = max(n, 8)
        while businessCount(lo, end) < n { hi = lo - 1; lo -= step; step *= 2 }
        while lo < hi {
            let mid = hi - (hi - lo) / 2
            if businessCount(mid, end) >= n { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    private func holidayDayNumbers(in year: Int) -> Set<Int> {
        Self.dayNumbers(of: holidays(in: year))
    }

    private static func dayNumbers(of holidays: [Holiday]) -> Set<Int> {
        Set(holidays.map(\.date.dayNumber))
    }

    /// Monday–Friday. Day 4 (1970-01-05) is a Monday.
    private static func isWeekday(_ day: Int) -> Bool {
        (((day - 4) % 7) + 7) % 7 < 5
    }

    /// Monday–Friday days before `day`, counted from a Monday epoch (differences are what count).
    private static func weekdaysBefore(_ day: Int) -> Int {
        let m = day - 4
        let weeks = m >= 0 ? m / 7 : (m - 6) / 7
        return 5 * weeks + min(m - 7 * weeks, 5)
    }
}
