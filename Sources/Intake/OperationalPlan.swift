/// The operational plan of 4.1 against the area's date. A forward pass from the request day
/// gives each step's earliest finish; a backward pass from the production date P (and the
/// training day, when the area fixed one) gives its latest finish; the difference is its slack.
/// P is achievable when no step's slack is negative; otherwise the plan names the step that
/// fails, by how many business days, and the earliest achievable production date. "Si aplica"
/// support activities are scheduled only when the request states their condition. Pure: rules
/// and calendar in, business days out.
public struct OperationalPlan: Sendable, Hashable, Codable {
    public var requestDay: CivilDate
    public var activities: [PlannedActivity]
    /// The earliest production date every step allows (training day free).
    public var earliestProductionDate: CivilDate
    /// The same with every activity at its longest duration: the date to plan against.
    public var plannedProductionDate: CivilDate
    /// The area's production date, when it gave one.
    public var productionDate: CivilDate?
    /// The area's training day, when it gave one.
    public var trainingDate: CivilDate?
    /// When the area's session may take place for P to hold.
    public var trainingWindow: TrainingWindow
    /// Nil when there is no date to plan against (no P, no training day).
    public var achievable: Bool?
    public var shortfall: PlanShortfall?
    /// "Si aplica" support activities the request gave no reason to schedule.
    public var unscheduled: [UnscheduledActivity]
    /// The OCM professional who follows the request end to end (4.1).
    public var professional: String?

    public init(requestDay: CivilDate, rules: [PlanActivityRule], calendar: BusinessCalendar, target: PlanTarget = PlanTarget(),
                wording: PlanWording = PlanWording()) {
        self.requestDay = requestDay
        let scheduled = rules.filter { $0.when.map(target.conditions.contains) ?? true }
        unscheduled = rules.filter { rule in rule.when.map { !target.conditions.contains($0) } ?? false }.map {
            UnscheduledActivity(id: $0.id, owner: $0.owner, name: $0.name, duration: wording.duration($0), condition: $0.when ?? "")
        }
        let scheduler = PlanScheduler(rules: scheduled, calendar: calendar, requestDay: requestDay, target: target, wording: wording)
        let forward = scheduler.forward()
        productionDate = target.productionDate
        trainingDate = target.trainingDate
        professional = target.professional
        let free = Self.earliestProduction(scheduler, forward)
        earliestProductionDate = free
        let longest = scheduled.map { rule in var rule = rule; rule.minDays = rule.maxDays; return rule }
        let slow = PlanScheduler(rules: longest, calendar: calendar, requestDay: requestDay, target: target, wording: wording)
        plannedProductionDate = Self.earliestProduction(slow, slow.forward())
        let backward = scheduler.backward(production: target.productionDate, training: target.trainingDate)
        activities = Self.rows(scheduler, forward, backward)
        let earliestTraining = scheduler.trainingStep.flatMap { forward[$0.id]?.early } ?? requestDay
        let latestTraining = target.productionDate.flatMap { scheduler.latestTraining(production: $0, forward: forward) }
            ?? target.trainingDate
        trainingWindow = TrainingWindow(earliest: earliestTraining, latest: latestTraining)
        if target.productionDate != nil || target.trainingDate != nil {
            shortfall = scheduler.shortfall(production: target.productionDate, training: target.trainingDate, forward: forward)
            achievable = shortfall == nil
        }
    }

    /// The first P for which every step fits, searched from the forward pass's end.
    static func earliestProduction(_ scheduler: PlanScheduler, _ forward: [String: PlanScheduler.Forward]) -> CivilDate {
        let lastEarly = forward.values.map(\.early).max() ?? scheduler.requestDay
        var candidate = scheduler.calendar.addingBusinessDays(1, to: lastEarly)
        // Two years of business days is far beyond any plan of 4.1; it only bounds bad rules.
        for _ in 0..<520 {
            if scheduler.shortfall(production: candidate, training: nil, forward: forward) == nil { return candidate }
            candidate = scheduler.calendar.addingBusinessDays(1, to: candidate)
        }
        return candidate
    }

    static func rows(_ scheduler: PlanScheduler, _ forward: [String: PlanScheduler.Forward],
                     _ backward: [String: PlanScheduler.Backward]) -> [PlannedActivity] {
        var rows: [PlannedActivity] = []
        for rule in scheduler.rules {
            guard let f = forward[rule.id] else { continue }
            let b = backward[rule.id]
            rows.append(PlannedActivity(
                id: rule.id, owner: rule.owner, name: rule.name, chain: rule.chain.rawValue, start: f.start,
                earliestEnd: f.early, latestEnd: f.late, duration: scheduler.wording.duration(rule), latestStart: b?.start,
                latestFinish: b?.finish, slack: b.map { scheduler.calendar.signedBusinessDays(from: f.early, to: $0.finish) }))
            guard rule.id == scheduler.firstPrincipal?.id, let material = scheduler.target.materialRule else { continue }
            let due = backward[PlanScheduler.materialID]
            let wording = scheduler.wording
            rows.append(PlannedActivity(
                id: PlanScheduler.materialID, owner: wording.materialOwner, name: wording.materialName,
                chain: rule.chain.rawValue, start: f.start, earliestEnd: f.early, latestEnd: f.late,
                duration: wording.materialDuration(days: scheduler.target.materialDays, unit: material.unit, section: material.section),
                latestStart: nil, latestFinish: due?.finish,
                slack: due.map { scheduler.calendar.signedBusinessDays(from: f.early, to: $0.finish) }))
        }
        return rows
    }
}
