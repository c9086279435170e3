import Intake

/// A lead time of 4.1.1 as the approval mail states it: which rule, the days asked of this
/// request, by when, and whether it was met. The words ("Solicitud con 90 días calendario de
/// anticipación (numeral 4.1.1 a)") are in `Templates/plazo.mustache`.
public struct ReplyDeadline: Sendable, Hashable {
    /// The rule of rules.yaml; nil when the rules no longer know `ruleID` (shown as it is).
    public var rule: LeadTimeRule?
    public var ruleID: String
    /// The days asked of this request: fewer than the rule's when Nota 2's relief applied.
    public var days: Int
    public var due: CivilDate
    public var met: Bool

    public init(rule: LeadTimeRule, due: CivilDate, met: Bool, days: Int? = nil) {
        self.rule = rule
        self.ruleID = rule.id
        self.days = days ?? rule.days
        self.due = due
        self.met = met
    }

    /// A rule id the rules do not know.
    public init(unknownRule id: String, due: CivilDate, met: Bool) {
        self.rule = nil
        self.ruleID = id
        self.days = 0
        self.due = due
        self.met = met
    }

    /// The verdict's deadlines with their rules; a rule id the rules no longer know is kept.
    public static func from(_ deadlines: [Verdict.Deadline], rules: Rules) -> [ReplyDeadline] {
        let leadTimes = rules.kinds.flatMap(\.leadTimes)
        return deadlines.map { deadline in
            if let rule = leadTimes.first(where: { $0.id == deadline.rule }) {
                return ReplyDeadline(rule: rule, due: deadline.due, met: deadline.met, days: deadline.days)
            }
            return ReplyDeadline(unknownRule: deadline.rule, due: deadline.due, met: deadline.met)
        }
    }

    /// What `plazo.mustache` sees: `solicitud` (the request itself, else its material), `dias`,
    /// `habiles` (business days, else calendar days), `numeral`, `nota2` (the relief applied).
    var model: [String: Any] {
        guard let rule else { return ["desconocida": ruleID.singleLine] }
        return ["solicitud": rule.appliesTo == .solicitud, "dias": days, "habiles": rule.unit == .habiles,
                "numeral": rule.section, "nota2": days < rule.days]
    }
}
