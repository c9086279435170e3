/// What the procedure concludes about a request: what is missing, each lead time with its due
/// date, whether the request is viable (nothing missing, every deadline met), the reply it
/// gets, the observations, and the operational plan when it is viable.
public struct Verdict: Sendable, Hashable {
    public struct Deadline: Sendable, Hashable {
        public var rule: String
        /// The last business day on or before the rule's day (the date shown to the area).
        public var due: CivilDate
        public var met: Bool
        /// The days the rule asked for this request: fewer than the rule's when a relief applied.
        public var days: Int

        public init(rule: String, due: CivilDate, met: Bool, days: Int) {
            self.rule = rule
            self.due = due
            self.met = met
            self.days = days
        }
    }

    /// The reply kind (one enum end to end, see `ReplyKind`).
    public typealias Reply = ReplyKind

    /// Material codes (sorted), plus `test_insuficiente` and `fecha_produccion`.
    public var missing: [String]
    public var deadlines: [Deadline]
    public var observations: [Observation]
    /// The plan of 4.1 against the area's date (every request with a date to plan against).
    public var plan: OperationalPlan?
    public var requestDay: CivilDate
    /// What could not be decided from the mail ("el área solicitante", "el tipo de solicitud").
    public var undecided: [String] = []
    /// The work table OCM convenes with the area for observations (5.2.4): a proposed business day.
    public var workTableDate: CivilDate?

    public var viable: Bool { undecided.isEmpty && missing.isEmpty && deadlines.allSatisfy(\.met) }
    public var reply: Reply { !undecided.isEmpty ? .revisionManual : viable ? .aprobacion : .observaciones }
}
