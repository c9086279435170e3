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

    public init(id: String, owner: String, name: String, chain: Chain, after: String? = nil,
                minDays: Int, maxDays: Int, unit: LeadTimeRule.Unit) {
        self.id = id
        self.owner = owner
        self.name = name
        self.chain = chain
        self.after = after
        self.minDays = minDays
        self.maxDays = maxDays
        self.unit = unit
    }
}

/// A planned activity with its dates: `start` is its first day, `earliestEnd`/`latestEnd` the
/// last day at the shortest and longest duration.
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
}
