/// Dates shown to an area and plan activities fall on business days: a day that is not one
/// moves back (a deadline) or forward (a start or an earliest finish) to the nearest that is.
extension BusinessCalendar {
    /// `date` when it is a business day, else the business day before it.
    public func businessDay(onOrBefore date: CivilDate) -> CivilDate {
        isBusinessDay(date) ? date : addingBusinessDays(-1, to: date)
    }

    /// `date` when it is a business day, else the business day after it.
    public func businessDay(onOrAfter date: CivilDate) -> CivilDate {
        isBusinessDay(date) ? date : addingBusinessDays(1, to: date)
    }

    /// Business days from `a` to `b`, signed: positive when `b` comes after `a` (the slack of a
    /// step whose earliest finish is `a` and latest finish `b`), negative when it comes before.
    public func signedBusinessDays(from a: CivilDate, to b: CivilDate) -> Int {
        a <= b ? businessDays(after: a, through: b) : -businessDays(after: b, through: a)
    }
}
