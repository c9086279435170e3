import Foundation

/// The request day R of procedure.md is the mail's date *in America/Bogota*: a mail sent at
/// 23:30 in Bogotá on Friday is 04:30 UTC on Saturday and must count as Friday.
extension CivilDate {
    /// Colombia's zone: UTC−5 all year, no DST since 1993. Falls back to a fixed −5 h when the
    /// system has no tz database (minimal containers).
    public static let bogotaTimeZone: TimeZone =
        TimeZone(identifier: "America/Bogota") ?? TimeZone(secondsFromGMT: -5 * 3600)!

    /// The calendar day of `instant` at a fixed offset from UTC (seconds east, so −18000 for Bogotá).
    public init(instant: Date, timeZoneOffsetSeconds offset: Int) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + offset
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        self.init(dayNumber: day)
    }

    /// The calendar day of `instant` in `timeZone` (pass `CivilDate.bogotaTimeZone` for R).
    public init(instant: Date, timeZone: TimeZone) {
        self.init(instant: instant, timeZoneOffsetSeconds: timeZone.secondsFromGMT(for: instant))
    }
}

extension CivilDate {
    /// The first instant of this day in `timeZone` (midnight local time).
    public func startInstant(in timeZone: TimeZone) -> Date {
        let utcMidnight = Date(timeIntervalSince1970: TimeInterval(dayNumber) * 86_400)
        return utcMidnight.addingTimeInterval(-TimeInterval(timeZone.secondsFromGMT(for: utcMidnight)))
    }
}
