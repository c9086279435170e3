/// The two passes behind `OperationalPlan`. Forward: each step's earliest start and finish
/// counted from the request (4.1 "a partir del requerimiento"). Backward: each step's latest
/// finish for a production date P and a training day T (procedure.md, "The plan against the
/// area's date"). Every date is a business day.
struct PlanScheduler {
    struct Forward { var start, early, late: CivilDate }
    struct Backward { var start, finish: CivilDate }

    /// The activities that are scheduled (a "si aplica" one only when its condition holds).
    let rules: [PlanActivityRule]
    let calendar: BusinessCalendar
    let requestDay: CivilDate
    let target: PlanTarget
    /// The words of the rows that are not activities (rules.yaml `plan_wording`).
    var wording = PlanWording()

    static let materialID = "entrega_material"
    static let trainingID = "capacitacion"

    /// The principal step whose last day is the training (the conciliation, `by: capacitacion`).
    var trainingStep: PlanActivityRule? { rules.first { $0.chain == .principal && $0.by == Self.trainingID } }
    var firstPrincipal: PlanActivityRule? { rules.first { $0.chain == .principal } }

    func forward() -> [String: Forward] {
        var out: [String: Forward] = [:]
        var chain = (early: requestDay, late: requestDay)
        for rule in rules {
            var from = (early: requestDay, late: requestDay)
            if rule.chain == .principal { from = chain } else if let after = rule.after, let f = out[after] { from = (f.early, f.late) }
            let start = calendar.businessDay(onOrAfter: from.early.adding(days: 1))
            let early = calendar.businessDay(onOrAfter: finish(after: from.early, days: rule.minDays, unit: rule.unit))
            let late = calendar.businessDay(onOrAfter: finish(after: from.late, days: rule.maxDays, unit: rule.unit))
            out[rule.id] = Forward(start: start, early: early, late: late)
            guard rule.chain == .principal else { continue }
            chain = (early, late)
            // The steps after the training wait for the day the area fixed.
            if rule.by == Self.trainingID, let day = target.trainingDate { chain = (max(early, day), max(late, day)) }
        }
        return out
    }

    /// Latest start and finish of each constrained step. `training` is the area's day, else nil
    /// (then the latest day the diffusion and the steps after it allow).
    func backward(production: CivilDate?, training: CivilDate?) -> [String: Backward] {
        var out: [String: Backward] = [:]
        let freeTraining = production.map { ProviderDiffusion.latestTraining(before: $0, notAfter: $0, calendar: calendar) }
        var nextStart: CivilDate?
        for rule in rules.reversed() where rule.chain == .principal {
            var limits: [CivilDate] = []
            if rule.by == Self.trainingID, let training {
                limits = [training]
            } else {
                if let by = limit(rule.by, production: production, training: freeTraining, out) { limits.append(by) }
                if let nextStart { limits.append(calendar.addingBusinessDays(-1, to: nextStart)) }
            }
            guard let latest = limits.min() else { nextStart = nil; continue }
            let finish = calendar.businessDay(onOrBefore: latest)
            out[rule.id] = Backward(start: latestStart(rule, finish: finish), finish: finish)
            nextStart = out[rule.id]?.start
        }
        let trainingDay = training ?? trainingStep.flatMap { out[$0.id]?.finish }
        for rule in rules.reversed() where rule.chain == .apoyo {
            var limits: [CivilDate] = []
            if let by = limit(rule.by, production: production, training: trainingDay, out) { limits.append(by) }
            for next in rules where next.after == rule.id {
                if let start = out[next.id]?.start { limits.append(start.adding(days: -1)) }
            }
            guard let latest = limits.min() else { continue }
            let finish = calendar.businessDay(onOrBefore: latest)
            out[rule.id] = Backward(start: latestStart(rule, finish: finish), finish: finish)
        }
        if let trainingDay, let rule = target.materialRule {
            let due = rule.unit == .habiles
                ? calendar.latestRequestDay(businessDaysBefore: target.materialDays, target: trainingDay)
                : calendar.latestRequestDay(calendarDaysBefore: target.materialDays, target: trainingDay)
            let finish = calendar.businessDay(onOrBefore: due)
            out[Self.materialID] = Backward(start: finish, finish: finish)
        }
        return out
    }

    /// The last day a `by:` target leaves: the training day, the business day before P, or the
    /// latest finish of a principal step.
    func limit(_ by: String?, production: CivilDate?, training: CivilDate?, _ done: [String: Backward]) -> CivilDate? {
        switch by {
        case nil: nil
        case Self.trainingID?: training
        case "produccion"?: production.map { calendar.addingBusinessDays(-1, to: $0) }
        case let id?: done[id]?.finish
        }
    }

    /// The worst step for P (and the area's training day, if any): the most negative slack, or
    /// a training whose diffusion would end on or after P. Nil when everything fits.
    func shortfall(production: CivilDate?, training: CivilDate?, forward: [String: Forward]) -> PlanShortfall? {
        let backward = backward(production: production, training: training)
        var worst: PlanShortfall?
        for (id, name, early) in milestones(forward) {
            guard let late = backward[id]?.finish else { continue }
            let slack = calendar.signedBusinessDays(from: early, to: late)
            if slack < 0, slack < -(worst?.businessDays ?? 0) { worst = PlanShortfall(activity: id, name: name, businessDays: -slack) }
        }
        if let training, let production, let latest = latestTraining(production: production, forward: forward), training > latest {
            let days = calendar.signedBusinessDays(from: latest, to: training)
            if days > (worst?.businessDays ?? 0) {
                worst = PlanShortfall(activity: Self.trainingID, name: wording.trainingShortfall, businessDays: days)
            }
        }
        return worst
    }

    /// The latest training day P allows (diffusion before P, the steps after the training in time).
    func latestTraining(production: CivilDate, forward: [String: Forward]) -> CivilDate? {
        trainingStep.flatMap { backward(production: production, training: nil)[$0.id]?.finish }
    }

    /// (id, name, earliest finish) of every step with a window, material review included.
    func milestones(_ forward: [String: Forward]) -> [(String, String, CivilDate)] {
        var out = rules.compactMap { rule in forward[rule.id].map { (rule.id, rule.name, $0.early) } }
        if target.materialRule != nil, let first = firstPrincipal, let early = forward[first.id]?.early {
            out.append((Self.materialID, wording.materialName, early))
        }
        return out
    }


    /// The first day of `rule` at its longest duration ending on `finish`.
    func latestStart(_ rule: PlanActivityRule, finish: CivilDate) -> CivilDate {
        let days = max(rule.maxDays - 1, 0)
        let start = rule.unit == .habiles ? calendar.addingBusinessDays(-days, to: finish) : finish.adding(days: -days)
        return calendar.businessDay(onOrBefore: start)
    }

    /// The last day of `days` days that start the day after `day`.
    func finish(after day: CivilDate, days: Int, unit: LeadTimeRule.Unit) -> CivilDate {
        guard days > 0 else { return day }
        switch unit {
        case .habiles: return calendar.addingBusinessDays(days, to: day)
        case .calendario: return day.adding(days: days)
        }
    }
}
