/// The operational plan of 4.1 for a viable request: the primary chain in sequence, the support
/// activities in parallel, all counted from the request day, and the earliest production date
/// the plan allows. Pure: rules and calendar in, dates out.
public struct OperationalPlan: Sendable, Hashable, Codable {
    public var requestDay: CivilDate
    public var activities: [PlannedActivity]
    /// First business day after every activity can have finished at its shortest duration.
    public var earliestProductionDate: CivilDate
    /// The same with every activity at its longest duration: the date to plan against.
    public var plannedProductionDate: CivilDate

    public init(requestDay: CivilDate, rules: [PlanActivityRule], calendar: BusinessCalendar) {
        self.requestDay = requestDay
        var activities: [PlannedActivity] = []
        var chainEnd: (early: CivilDate, late: CivilDate) = (requestDay, requestDay)
        var ends: [String: (early: CivilDate, late: CivilDate)] = [:]
        for rule in rules {
            // Principal steps follow each other; support steps start with the request, or after
            // the support step they depend on. The earliest and latest schedules are kept apart.
            let from: (early: CivilDate, late: CivilDate)
            if rule.chain == .principal { from = chainEnd } else if let after = rule.after, let end = ends[after] {
                from = end
            } else {
                from = (requestDay, requestDay)
            }
            let early = Self.finish(after: from.early, days: rule.minDays, unit: rule.unit, calendar)
            let late = Self.finish(after: from.late, days: rule.maxDays, unit: rule.unit, calendar)
            let start = Self.finish(after: from.early, days: 1, unit: rule.unit, calendar)
            ends[rule.id] = (early, late)
            if rule.chain == .principal { chainEnd = (early, late) }
            activities.append(PlannedActivity(
                id: rule.id, owner: rule.owner, name: rule.name, chain: rule.chain.rawValue, start: start,
                earliestEnd: early, latestEnd: late, duration: Self.duration(rule)))
        }
        self.activities = activities
        let lastEarly = activities.map(\.earliestEnd).max() ?? requestDay
        let lastLate = activities.map(\.latestEnd).max() ?? requestDay
        earliestProductionDate = calendar.addingBusinessDays(1, to: lastEarly)
        plannedProductionDate = calendar.addingBusinessDays(1, to: lastLate)
    }

    /// The last day of `days` days that start the day after `day`.
    static func finish(after day: CivilDate, days: Int, unit: LeadTimeRule.Unit, _ calendar: BusinessCalendar) -> CivilDate {
        guard days > 0 else { return day }
        switch unit {
        case .habiles: return calendar.addingBusinessDays(days, to: day)
        case .calendario: return day.adding(days: days)
        }
    }

    static func duration(_ rule: PlanActivityRule) -> String {
        let one = rule.unit == .habiles ? "día hábil" : "día"
        let many = rule.unit == .habiles ? "días hábiles" : "días"
        if rule.minDays == rule.maxDays { return "\(rule.maxDays) \(rule.maxDays == 1 ? one : many)" }
        return "\(rule.minDays)–\(rule.maxDays) \(many)"
    }
}
