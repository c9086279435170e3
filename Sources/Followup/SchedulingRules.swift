/// The figures the calendar keeps to (procedure section 3, ANS Formación); OCM may change them
/// in config/followup.yaml.
public struct SchedulingRules: Sendable, Hashable {
    /// Training hours a provider collaborator may receive per ISO week, all requests together.
    public var weeklyHoursCap: Double
    /// Business days the topics are conciliated with the provider before the session.
    public var conciliationBusinessDays: Int
    /// Hours of a session whose request states no DURACIÓN.
    public var defaultHours: Double
    /// Start of a proposed session, minutes after midnight (Bogotá).
    public var defaultStartMinutes: Int
    public var defaultAudience: String
    public var defaultPlace: String

    public init(weeklyHoursCap: Double = 3, conciliationBusinessDays: Int = 16, defaultHours: Double = 2,
                defaultStartMinutes: Int = 9 * 60, defaultAudience: String = "Colaboradores del proveedor de atención al usuario",
                defaultPlace: String = "Microsoft Teams (el enlace se envía con la invitación)") {
        self.weeklyHoursCap = weeklyHoursCap
        self.conciliationBusinessDays = conciliationBusinessDays
        self.defaultHours = defaultHours
        self.defaultStartMinutes = defaultStartMinutes
        self.defaultAudience = defaultAudience
        self.defaultPlace = defaultPlace
    }

    public static let standard = SchedulingRules()
}
