import Intake

/// What the planner offers for a request: the session, when the provider replicates it, and
/// when the conciliation with the provider has to start.
public struct SessionProposal: Sendable, Hashable {
    public var session: TrainingSession
    public var diffusionWeek: ISOWeek
    /// First day of the 16 business days of conciliation before the session.
    public var conciliationStart: CivilDate
    /// Training hours already booked in the session's week (other requests).
    public var weekHoursBooked: Double
}

/// The ANS rules of 5.2.5 as a pure check, and the earliest day that keeps all of them.
public struct SessionPlanner: Sendable {
    public let rules: SchedulingRules
    public let calendar: BusinessCalendar

    public init(rules: SchedulingRules = .standard, calendar: BusinessCalendar) {
        self.rules = rules
        self.calendar = calendar
    }

    /// Hours booked in `week` by sessions other than `requestID`'s own.
    public func bookedHours(in week: ISOWeek, sessions: [TrainingSession], excluding requestID: String?) -> Double {
        sessions.filter { $0.requestID != requestID && ISOWeek(containing: $0.date) == week }.reduce(0) { $0 + $1.hours }
    }

    /// Every rule a session on `date` would break; empty when the day is fine. `window` nil: no
    /// window check (a date staff chose without a plan).
    public func violations(date: CivilDate, hours: Double, requestID: String, window: TrainingWindow?,
                           today: CivilDate, sessions: [TrainingSession]) -> [ANSViolation] {
        var found: [ANSViolation] = []
        if !calendar.isBusinessDay(date) { found.append(.notBusinessDay(date)) }
        if let window, !window.contains(date) { found.append(.outsideWindow(date, window)) }
        let available = calendar.businessDays(after: today, through: date.adding(days: -1))
        if available < rules.conciliationBusinessDays {
            found.append(.conciliationDoesNotFit(date, needed: rules.conciliationBusinessDays, available: available))
        }
        let week = ISOWeek(containing: date)
        let booked = bookedHours(in: week, sessions: sessions, excluding: requestID)
        if booked + hours > rules.weeklyHoursCap + 1e-9 {
            found.append(.weeklyCapExceeded(week, booked: booked, adding: hours, cap: rules.weeklyHoursCap))
        }
        return found
    }

    /// The earliest day in `window` keeping every rule, or nil when none does.
    public func proposeEarliest(requestID: String, hours: Double, window: TrainingWindow, today: CivilDate,
                                sessions: [TrainingSession]) -> SessionProposal? {
        var day = max(window.earliest, today.adding(days: 1))
        while day <= window.latest {
            if violations(date: day, hours: hours, requestID: requestID, window: window, today: today, sessions: sessions).isEmpty {
                return proposal(on: day, requestID: requestID, hours: hours, sessions: sessions)
            }
            day = day.adding(days: 1)
        }
        return nil
    }

    /// The proposal for a day already chosen.
    public func proposal(on day: CivilDate, requestID: String, hours: Double, sessions: [TrainingSession],
                         startMinutes: Int? = nil) -> SessionProposal {
        let session = TrainingSession(requestID: requestID, date: day, startMinutes: startMinutes ?? rules.defaultStartMinutes,
                                      hours: hours, audience: rules.defaultAudience, place: rules.defaultPlace)
        return SessionProposal(
            session: session, diffusionWeek: DiffusionWeek.of(session: day),
            conciliationStart: calendar.addingBusinessDays(-rules.conciliationBusinessDays, to: day),
            weekHoursBooked: bookedHours(in: ISOWeek(containing: day), sessions: sessions, excluding: requestID))
    }
}
