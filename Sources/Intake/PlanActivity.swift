/// One activity of the operational plan of 4.1 as configured in rules.yaml.
public struct PlanActivityRule: Sendable, Hashable {
    public enum Chain: String, Sendable, Hashable { case principal, apoyo }

    public var id: String
    public var owner: String
    /// Spanish description used in the approval mail.
    public var name: String
    public var chain: Chain
    /// A support activity that must finish before this one starts (transferencia after poblamiento).
    public var after: String?
    public var minDays: Int
    public var maxDays: Int
    public var unit: LeadTimeRule.Unit
    /// A "si aplica" support activity: scheduled only when the request states this condition
    /// (rules.yaml `conditions`), else listed without dates.
    public var when: String?
    /// What the activity must finish before, for the backward pass from the production date:
    /// `capacitacion`, `produccion` or the id of a principal activity. Nil: no constraint.
    public var by: String?

    public init(id: String, owner: String, name: String, chain: Chain, after: String? = nil,
                minDays: Int, maxDays: Int, unit: LeadTimeRule.Unit, when: String? = nil, by: String? = nil) {
        self.id = id
        self.owner = owner
        self.name = name
        self.chain = chain
        self.after = after
        self.minDays = minDays
        self.maxDays = maxDays
        self.unit = unit
        self.when = when
        self.by = by
    }

    /// "5–8 días hábiles", as the procedure states it.
    public var duration: String { PlanWording().duration(self) }
}

/// A planned activity with its dates, all business days: `start` is its earliest first day,
/// `earliestEnd`/`latestEnd` its last day at the shortest and longest duration counted from the
/// request (forward pass). `latestFinish` is the last day it may end for the production date to
/// hold (backward pass), `slack` the business days from `earliestEnd` to `latestFinish`
/// (negative: the step does not fit).
public struct PlannedActivity: Sendable, Hashable, Codable {
    public var id: String
    public var owner: String
    public var name: String
    public var chain: String
    public var start: CivilDate
    public var earliestEnd: CivilDate
    public var latestEnd: CivilDate
    /// "5–8 días hábiles", as the procedure states it.
    public var duration: String
    public var latestStart: CivilDate?
    public var latestFinish: CivilDate?
    public var slack: Int?
}

/// A "si aplica" support activity the request gave no reason to schedule.
public struct UnscheduledActivity: Sendable, Hashable, Codable {
    public var id: String
    public var owner: String
    public var name: String
    public var duration: String
    /// The condition of rules.yaml that would schedule it (`crm`, `bases_datos`, …).
    public var condition: String
}
