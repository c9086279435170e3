/// What the area asked for, as the plan of 4.1 needs it: the production date P (4.2.1), the
/// training date when the mail gives one, the kind's material rule (4.1.1) with its relief
/// already applied, the conditions that schedule "si aplica" activities, and the OCM
/// professional who follows the request end to end.
public struct PlanTarget: Sendable, Hashable {
    public var productionDate: CivilDate?
    public var trainingDate: CivilDate?
    /// "Material reviewed N days before the training": the rule and its days (relief applied).
    public var materialRule: LeadTimeRule?
    public var materialDays: Int
    public var conditions: Set<String>
    public var professional: String?

    public init(productionDate: CivilDate? = nil, trainingDate: CivilDate? = nil, materialRule: LeadTimeRule? = nil,
                materialDays: Int? = nil, conditions: Set<String> = [], professional: String? = nil) {
        self.productionDate = productionDate
        self.trainingDate = trainingDate
        self.materialRule = materialRule
        self.materialDays = materialDays ?? materialRule?.days ?? 0
        self.conditions = conditions
        self.professional = professional
    }
}

/// The step that keeps P from holding, and by how many business days.
public struct PlanShortfall: Sendable, Hashable, Codable {
    /// An activity id, `entrega_material`, or `capacitacion` (diffusion would end after P).
    public var activity: String
    public var name: String
    public var businessDays: Int
}

/// When the area's training may take place: after the conciliation can end (earliest) and
/// early enough for the provider's diffusion and Calidad Operativa to finish before P (latest).
public struct TrainingWindow: Sendable, Hashable, Codable {
    public var earliest: CivilDate
    public var latest: CivilDate?
}

/// Provider diffusion (4.2.1 Nota): a session on Monday–Wednesday is replicated the same week;
/// on Thursday or Friday, from the following week.
public enum ProviderDiffusion {
    /// The Friday that ends the diffusion of a session given on `training`.
    public static func end(after training: CivilDate) -> CivilDate {
        let weekday = training.weekday.rawValue
        return training.adding(days: weekday <= Weekday.wednesday.rawValue ? 5 - weekday : 12 - weekday)
    }

    /// The latest business day, on or before `limit`, whose diffusion ends before `production`.
    public static func latestTraining(before production: CivilDate, notAfter limit: CivilDate,
                                      calendar: BusinessCalendar) -> CivilDate {
        var day = calendar.businessDay(onOrBefore: min(limit, production.adding(days: -1)))
        // At most two weeks back: a Thursday or Friday session ends its diffusion 8 days later.
        for _ in 0..<15 where end(after: day) >= production {
            day = calendar.addingBusinessDays(-1, to: day)
        }
        return day
    }
}
