import Intake

/// One training session on the calendar (5.2.5), as the planner reasons about it.
public struct TrainingSession: Sendable, Hashable {
    public var requestID: String
    public var date: CivilDate
    /// Minutes after midnight, Bogotá time.
    public var startMinutes: Int
    public var hours: Double
    public var audience: String
    public var place: String

    public init(requestID: String, date: CivilDate, startMinutes: Int, hours: Double, audience: String, place: String) {
        self.requestID = requestID
        self.date = date
        self.startMinutes = startMinutes
        self.hours = hours
        self.audience = audience
        self.place = place
    }

    /// "09:00".
    public var startText: String { Self.clock(startMinutes) }
    public var endMinutes: Int { startMinutes + Int((hours * 60).rounded()) }

    public static func clockText(_ minutes: Int) -> String { clock(minutes) }

    static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }
}
