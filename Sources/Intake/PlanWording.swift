/// The Spanish words of the operational plan that are not in an activity of rules.yaml (the
/// material-review row, the training step of a shortfall, the duration units) and the two things
/// a manual review may not decide. They are values of `inspect --json` and of the replies, so
/// OCM may change them in rules.yaml (`plan_wording`); the defaults are the shipped text.
public struct PlanWording: Sendable, Hashable {
    public var materialOwner = "Área solicitante y Aseguramiento OCM"
    public var materialName = "Entrega y revisión del material de capacitación con el área solicitante"
    /// `{dias}`, `{unidad}` and `{numeral}` are replaced: "15 días calendario antes de la capacitación, numeral 4.1.1 a".
    public var materialDuration = "{dias} {unidad} antes de la capacitación, numeral {numeral}"
    public var trainingShortfall = "Capacitación y divulgación del proveedor antes de la salida a producción (numeral 4.2.1, Nota)"
    public var businessDay = "día hábil"
    public var businessDays = "días hábiles"
    public var calendarDay = "día"
    public var calendarDays = "días"
    /// The unit of a lead time (4.1.1 counts "días calendario", where 4.1 says only "días").
    public var leadTimeCalendarDays = "días calendario"
    public var undecidedArea = "el área solicitante"
    public var undecidedKind = "el tipo de solicitud (numeral 4.1.1)"

    public init() {}

    /// "5–8 días hábiles", "30 días", "1 día": an activity's duration as the procedure states it.
    public func duration(_ rule: PlanActivityRule) -> String {
        let one = rule.unit == .habiles ? businessDay : calendarDay
        let many = rule.unit == .habiles ? businessDays : calendarDays
        if rule.minDays == rule.maxDays { return "\(rule.maxDays) \(rule.maxDays == 1 ? one : many)" }
        return "\(rule.minDays)–\(rule.maxDays) \(many)"
    }

    /// The material-review row's duration: the kind's lead time before the training.
    func materialDuration(days: Int, unit: LeadTimeRule.Unit, section: String) -> String {
        materialDuration.replacingOccurrences(of: "{dias}", with: String(days))
            .replacingOccurrences(of: "{unidad}", with: unit == .habiles ? businessDays : leadTimeCalendarDays)
            .replacingOccurrences(of: "{numeral}", with: section)
    }
}
