import Intake

/// A lead time of 4.1.1 as the approval mail states it: what had to arrive, by when, and
/// whether it did.
public struct ReplyDeadline: Sendable, Hashable {
    /// "Solicitud con 90 días calendario de anticipación (numeral 4.1.1 a)".
    public var label: String
    public var due: CivilDate
    public var met: Bool

    public init(label: String, due: CivilDate, met: Bool) {
        self.label = label
        self.due = due
        self.met = met
    }

    /// `days`: what was asked of this request; fewer than the rule's when Nota 2's relief applied,
    /// and then the label names the relief.
    public init(rule: LeadTimeRule, due: CivilDate, met: Bool, days: Int? = nil) {
        let what = rule.appliesTo == .solicitud ? "Solicitud" : "Entrega del material"
        let unit = rule.unit == .habiles ? "días hábiles" : "días calendario"
        let asked = days ?? rule.days
        let section = asked < rule.days ? "\(rule.section), Nota 2: apertura sujeta a la decisión de terceros" : rule.section
        self.init(label: "\(what) con \(asked) \(unit) de anticipación (numeral \(section))", due: due, met: met)
    }

    /// The verdict's deadlines with their rules' wording; a rule id the rules no longer know
    /// is shown as it is.
    public static func from(_ deadlines: [Verdict.Deadline], rules: Rules) -> [ReplyDeadline] {
        let leadTimes = rules.kinds.flatMap(\.leadTimes)
        return deadlines.map { deadline in
            if let rule = leadTimes.first(where: { $0.id == deadline.rule }) {
                return ReplyDeadline(rule: rule, due: deadline.due, met: deadline.met, days: deadline.days)
            }
            return ReplyDeadline(label: deadline.rule, due: deadline.due, met: deadline.met)
        }
    }
}
