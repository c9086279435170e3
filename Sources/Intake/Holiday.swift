/// One public holiday on one day. It keeps the day it commemorates (`origin`) apart from the day
/// off (`date`), so a reply can say "San José (19 de marzo), trasladado al lunes 23".
public struct Holiday: Sendable, Hashable, Codable {
    /// Why the holiday falls where it does.
    public enum Rule: String, Sendable, Hashable, Codable {
        /// Kept on its date whatever the weekday (1 Jan, 1 May, 20 Jul, 7 Aug, 8 Dec, 25 Dec).
        case fixed
        /// Ley 51 de 1983 ("Ley Emiliani"): moved to the following Monday unless on a Monday.
        case movedToMonday = "moved-to-monday"
        /// Holy Thursday and Good Friday: counted from Easter Sunday, never moved.
        case easter
        /// Added by OCM in `config/holidays.yaml`.
        case configuration
    }

    /// The day off.
    public let date: CivilDate
    /// Spanish name, as on the official calendar.
    public let name: String
    /// The day commemorated, before any move to Monday; equals `date` when not moved.
    public let origin: CivilDate
    public let rule: Rule

    public init(date: CivilDate, name: String, origin: CivilDate? = nil, rule: Rule) {
        self.date = date
        self.name = name
        self.origin = origin ?? date
        self.rule = rule
    }

    public var isFromConfiguration: Bool { rule == .configuration }
    public var isMoved: Bool { origin != date }
}
