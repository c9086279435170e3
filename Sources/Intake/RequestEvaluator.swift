/// Judges a `TrainingRequest` by M5-1-21 (rules.yaml + the business-day calendar): required
/// material per area and kind, the test minimum, the production date, the lead times, and the
/// operational plan for a viable request. Pure: the request day comes in, nothing is read.
public struct RequestEvaluator: Sendable {
    public let rules: Rules
    public let calendar: BusinessCalendar

    public init(rules: Rules, calendar: BusinessCalendar) {
        self.rules = rules
        self.calendar = calendar
    }

    /// `materialDay` is when the material arrived: the request day for a single mail, the last
    /// mail's day for a request completed over several mails.
    public func evaluate(_ request: TrainingRequest, requestDay: CivilDate, materialDay: CivilDate? = nil) -> Verdict {
        let target = request.trainingDate ?? request.productionDate
        let deadlines = leadTimes(request, requestDay: requestDay, materialDay: materialDay ?? requestDay, target: target)
        let materialDue = deadlines.first { $0.rule.appliesTo == .material }?.due
        var observations: [Observation] = []
        if request.productionDate == nil { observations.append(.missingProductionDate) }
        for item in rules.requiredItems(area: request.area, kind: request.kind) {
            if let condition = item.when, !request.conditions.contains(condition) { continue }
            if request.material[item.code] != nil { continue }
            observations.append(.missingMaterial(code: item.code, name: rules.material(item.code)?.name ?? item.code,
                                                 condition: item.when, due: materialDue))
        }
        if request.material["test"] != nil, let shortfall = testShortfall(request) {
            observations.append(.insufficientTest(questions: shortfall.questions, topics: shortfall.topics,
                                                  minimumPerTopic: rules.minQuestionsPerTopic, due: materialDue))
        }
        for deadline in deadlines where !deadline.met {
            guard let target else { continue }
            let day = deadline.rule.appliesTo == .material ? (materialDay ?? requestDay) : requestDay
            observations.append(.lateRequest(rule: deadline.rule, days: deadline.days, requestDay: day, target: target,
                                             due: deadline.due, earliestTarget: earliestTarget(deadline.rule, days: deadline.days, requestDay: day),
                                             targetIsTraining: request.trainingDate != nil))
        }
        let missing = observations.compactMap(\.missingCode).sorted()
        var verdict = Verdict(missing: missing,
                              deadlines: deadlines.map { Verdict.Deadline(rule: $0.rule.id, due: $0.due, met: $0.met) },
                              observations: observations, plan: nil, requestDay: requestDay)
        if verdict.viable { verdict.plan = OperationalPlan(requestDay: requestDay, rules: rules.plan, calendar: calendar) }
        return verdict
    }

    struct LeadTimeCheck {
        var rule: LeadTimeRule
        var days: Int
        var due: CivilDate
        var met: Bool
    }

    /// "N days before T" holds for R when the days d with R < d ≤ T number at least N; the
    /// relief of Nota 2 applies when the request states its condition.
    func leadTimes(_ request: TrainingRequest, requestDay: CivilDate, materialDay: CivilDate, target: CivilDate?) -> [LeadTimeCheck] {
        guard let target, let kind = rules.kind(request.kind) else { return [] }
        return kind.leadTimes.map { rule in
            var days = rule.days
            if let relief = rule.relief, request.conditions.contains(relief.condition) { days = min(days, relief.days) }
            let due = rule.unit == .habiles ? calendar.latestRequestDay(businessDaysBefore: days, target: target)
                : calendar.latestRequestDay(calendarDaysBefore: days, target: target)
            let day = rule.appliesTo == .material ? materialDay : requestDay
            return LeadTimeCheck(rule: rule, days: days, due: due, met: day <= due)
        }
    }

    /// The first target date a request made on `requestDay` can meet.
    func earliestTarget(_ rule: LeadTimeRule, days: Int, requestDay: CivilDate) -> CivilDate {
        rule.unit == .habiles ? calendar.addingBusinessDays(days, to: requestDay) : requestDay.adding(days: days)
    }

    /// Questions against the minimum: per named topic group when the test has topic headings,
    /// else the total against the number of topics (TEMAS, at least one).
    func testShortfall(_ request: TrainingRequest) -> (questions: Int, topics: Int)? {
        let minimum = rules.minQuestionsPerTopic
        let questions = request.questions ?? 0
        let named = request.questionCount.topics
        if named.count > 1 {
            return named.contains { $0.questions < minimum } ? (questions, named.count) : nil
        }
        let topics = max(request.topics.count, 1)
        return questions < minimum * topics ? (questions, topics) : nil
    }
}
