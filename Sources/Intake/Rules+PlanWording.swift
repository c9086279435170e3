import Yams

/// `plan_wording` of rules.yaml: every key optional, an unknown one names file:line:key.
extension Rules {
    static var planWordingKeys: [(String, WritableKeyPath<PlanWording, String>)] { [
        ("material_owner", \.materialOwner), ("material_name", \.materialName), ("material_duration", \.materialDuration),
        ("training_shortfall", \.trainingShortfall), ("business_day", \.businessDay), ("business_days", \.businessDays),
        ("calendar_day", \.calendarDay), ("calendar_days", \.calendarDays), ("lead_time_calendar_days", \.leadTimeCalendarDays),
        ("undecided_area", \.undecidedArea), ("undecided_kind", \.undecidedKind),
    ] }

    static func planWording(_ node: Node, _ r: YAMLNodeReader) throws(ConfigError) -> PlanWording {
        let m = try r.mapping(node, key: "plan_wording", allowed: planWordingKeys.map(\.0))
        var wording = PlanWording()
        for (key, path) in planWordingKeys {
            if let value = m[key] { wording[keyPath: path] = try r.string(value, key: key) }
        }
        return wording
    }
}
