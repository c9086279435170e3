/// What the procedure concludes about a request: what is missing, each lead time with its due
/// date, whether the request is viable (nothing missing, every deadline met), the reply it
/// gets, the observations, and the operational plan when it is viable.
public struct Verdict: Sendable, Hashable {
    public struct Deadline: Sendable, Hashable {
        public var rule: String
        public var due: CivilDate
        public var met: Bool
    }

    public enum Reply: String, Sendable, Hashable { case observaciones, aprobacion, ninguna }

    /// Material codes (sorted), plus `test_insuficiente` and `fecha_produccion`.
    public var missing: [String]
    public var deadlines: [Deadline]
    public var observations: [Observation]
    public var plan: OperationalPlan?
    public var requestDay: CivilDate

    public var viable: Bool { missing.isEmpty && deadlines.allSatisfy(\.met) }
    public var reply: Reply { viable ? .aprobacion : .observaciones }
}
