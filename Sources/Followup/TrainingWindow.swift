import Intake

/// The days a request's training may take place (the engine's backward plan gives it; until
/// then `TrainingWindow.simple` derives one from the request's dates).
public struct TrainingWindow: Sendable, Hashable {
    public var earliest: CivilDate
    public var latest: CivilDate

    public init(earliest: CivilDate, latest: CivilDate) {
        self.earliest = earliest
        self.latest = latest
    }

    public func contains(_ date: CivilDate) -> Bool { earliest <= date && date <= latest }

    /// A stand-in for the engine's plan (issue 9), kept in one place so it can be swapped: the
    /// training must end its diffusion before production P, so the latest day is the last
    /// business day of the week before P's week (a Thursday/Friday session diffuses the next week);
    /// a training date the area gave narrows the window to that day when it is earlier. The
    /// earliest day is the first business day after `today`.
    public static func simple(productionDate: CivilDate?, trainingDate: CivilDate?, today: CivilDate,
                              calendar: BusinessCalendar, horizonDays: Int = 120) -> TrainingWindow {
        let earliest = calendar.addingBusinessDays(1, to: today)
        var latest = today.adding(days: horizonDays)
        if let p = productionDate {
            // Diffusion must finish before P: the session's diffusion week must be before P's week.
            let lastAllowedWeekEnd = ISOWeek(containing: p).monday.adding(days: -1)
            var day = lastAllowedWeekEnd
            while day > today, !(calendar.isBusinessDay(day) && DiffusionWeek.of(session: day).monday <= lastAllowedWeekEnd.adding(days: -6)) {
                day = day.adding(days: -1)
            }
            latest = day
        }
        if let t = trainingDate, t >= earliest, t < latest { latest = t }
        return TrainingWindow(earliest: earliest, latest: latest)
    }
}
