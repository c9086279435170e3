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
        // A training day on a weekend or holiday is not a valid day: the deadlines, the plan and
        // the reply count from the business day before it, and the observation says so.
        let training = request.trainingDate.map { calendar.businessDay(onOrBefore: $0) }
        let target = training ?? request.productionDate
        let deadlines = leadTimes(request, requestDay: requestDay, materialDay: materialDay ?? requestDay, target: target)
        let day = materialDay ?? requestDay
        // Dates shown to the area are business days: the one on or before the rule's day.
        let rawDue = deadlines.first { $0.rule.appliesTo == .material }?.due
        let materialDue = rawDue.map { calendar.businessDay(onOrBefore: $0) }
        let overdue = rawDue.map { $0 < day } ?? false
        let section = rules.kind(request.kind)?.section ?? "4.2.1"
        var observations: [Observation] = []
        if request.productionDate == nil {
            // 4.1.1 b/c: a reinforcement or an OCM training may have no production date ("no aplica",
            // or simply none for a process already running); then the training date carries the
            // rule, and it must be given.
            if Self.withoutProduction.contains(request.kind), request.productionNotApplicable || request.trainingDate != nil {
                if request.trainingDate == nil { observations.append(.missingTrainingDate) }
            } else {
                observations.append(.missingProductionDate)
            }
        }
        if let proposed = request.trainingDate, let training, proposed != training {
            observations.append(.trainingNotBusinessDay(date: proposed, previous: training,
                                                        next: calendar.businessDay(onOrAfter: proposed)))
        }
        for item in rules.requiredItems(area: request.area, kind: request.kind) {
            if let condition = item.when, !request.conditions.contains(condition) { continue }
            if request.material[item.code] != nil { continue }
            // "Adjunto el test de 6 preguntas" with no test file: say so, not "Falta: Test" (issue 9, 4).
            if item.code == "test", request.testAnnounced || request.declaredQuestions != nil {
                observations.append(.declaredTestNotFound(declared: request.declaredQuestions, due: overdue ? nil : materialDue,
                                                          overdue: overdue))
                continue
            }
            let material = rules.material(item.code)
            observations.append(.missingMaterial(code: item.code, name: material?.name ?? item.code, condition: item.when,
                                                 due: overdue ? nil : materialDue, article: material?.article ?? "el",
                                                 section: item.code == "test" ? "4.2.1" : section, overdue: overdue))
        }
        if request.conditions.contains(Self.linkedMaterialCondition),
           let first = observations.firstIndex(where: \.asksForFile) {
            observations.insert(.linkedMaterial(due: overdue ? nil : materialDue, overdue: overdue), at: first)
        }
        if request.material["test"] != nil, let shortfall = testShortfall(request) {
            observations.append(.insufficientTest(questions: shortfall.questions, topics: shortfall.topics,
                                                  minimumPerTopic: rules.minQuestionsPerTopic, due: overdue ? nil : materialDue,
                                                  overdue: overdue))
        }
        for deadline in deadlines where !deadline.met {
            guard let target else { continue }
            let material = deadline.rule.appliesTo == .material
            let day = material ? (materialDay ?? requestDay) : requestDay
            let earliest = calendar.businessDay(onOrAfter: earliestTarget(deadline.rule, days: deadline.days, requestDay: day))
            observations.append(.lateRequest(rule: deadline.rule, days: deadline.days, requestDay: day, target: target,
                                             due: calendar.businessDay(onOrBefore: deadline.due), earliestTarget: earliest,
                                             targetIsTraining: request.trainingDate != nil, followUp: material && day != requestDay))
        }
        // The plan does not decide viability (5.2.3 checks material and the lead times of 4.1.1);
        // it says whether P is achievable, and the reply states it either way.
        let plan = OperationalPlan(requestDay: requestDay, rules: rules.plan, calendar: calendar,
                                   target: planTarget(request, training: training, deadlines: deadlines), wording: rules.planWording)
        let missing = observations.compactMap(\.missingCode).sorted()
        var undecided: [String] = []
        if request.area == "otra" && !Self.kindsForAnyArea.contains(request.kind) { undecided.append(rules.planWording.undecidedArea) }
        if request.kind == "otro" { undecided.append(rules.planWording.undecidedKind) }
        var verdict = Verdict(missing: missing,
                       deadlines: deadlines.map { Verdict.Deadline(rule: $0.rule.id, due: calendar.businessDay(onOrBefore: $0.due),
                                                                    met: $0.met, days: $0.days) },
                       observations: observations, plan: plan, requestDay: requestDay)
        // A mail whose area or kind cannot be decided is never approved (revision-manual).
        verdict.undecided = undecided
        if !verdict.viable { verdict.workTableDate = calendar.addingBusinessDays(Self.workTableBusinessDays, to: day) }
        return verdict
    }

    /// What the plan is scheduled against: the area's dates, the kind's material rule with its
    /// relief, the request's conditions and the area's professional.
    func planTarget(_ request: TrainingRequest, training: CivilDate?, deadlines: [LeadTimeCheck]) -> PlanTarget {
        let rule = rules.kind(request.kind)?.leadTimes.first { $0.appliesTo == .material }
        let days = deadlines.first { $0.rule.appliesTo == .material }?.days ?? rule?.days
        return PlanTarget(productionDate: request.productionDate, trainingDate: training, materialRule: rule,
                          materialDays: days, conditions: request.conditions,
                          professional: rules.area(request.area)?.professional)
    }

    /// 4.1.1 b asks the same material of every requesting area ("las áreas solicitantes"): an
    /// update or reinforcement from an area rules.yaml does not name is judged and answered.
    static let kindsForAnyArea: Set<String> = ["actualizacion", "refuerzo"]

    /// The work table of 5.2.4 is proposed this many business days after the mail.
    static let workTableBusinessDays = 3

    /// Kinds whose production date may be "no aplica": reinforcements, updates, OCM trainings.
    /// The condition of rules.yaml naming links to shared material (SharePoint, OneDrive, Forms…).
    static let linkedMaterialCondition = "material_enlazado"
    static let withoutProduction: Set<String> = ["actualizacion", "refuerzo", "ocm", "adicional"]

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
