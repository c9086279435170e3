import Intake

/// The operational plan of 4.1 as `inspect` prints it for OCM staff: whether the area's date is
/// achievable (or which step fails, by how many business days, and the earliest achievable
/// production date), the training window, and each step's window (earliest start → latest
/// finish) with its slack; "si aplica" activities the request does not call for, without dates.
struct PlanSummary {
    let plan: OperationalPlan

    var lines: [String] {
        var lines = ["Plan operativo (numeral 4.1), contado desde la solicitud del \(plan.requestDay):"]
        var target: [String] = []
        if let p = plan.productionDate { target.append("salida a producción \(p)") }
        if let t = plan.trainingDate { target.append("capacitación fijada por el área \(t)") }
        lines.append("  Fecha del área: " + (target.isEmpty ? "ninguna (sin fecha contra la cual planear)" : target.joined(separator: " · ")))
        lines.append("  ¿Alcanzable? " + verdict)
        lines.append("  Ventana de capacitación: " + trainingWindow)
        lines.append("  Pasos (inicio más temprano → fin más temprano … fin más tardío; holgura en días hábiles):")
        for activity in plan.activities { lines.append("  " + Self.row(activity)) }
        for activity in plan.unscheduled {
            lines.append("  - si aplica, sin fechas (la solicitud no indica \(activity.condition)): \(activity.owner): \(Self.short(activity.name))")
        }
        if let professional = plan.professional { lines.append("  Profesional de OCM de punta a punta: \(professional)") }
        lines.append("  Salida a producción más temprana alcanzable: \(plan.earliestProductionDate) · con las duraciones máximas: \(plan.plannedProductionDate)")
        return lines
    }

    var verdict: String {
        switch plan.achievable {
        case true?: return "SÍ: todos los pasos caben antes de la fecha del área"
        case false?:
            let step = plan.shortfall.map { "falla «\(Self.short($0.name))» (\($0.activity)) por \($0.businessDays) día(s) hábil(es)" }
                ?? "un paso no cabe"
            return "NO: \(step); la salida a producción más temprana alcanzable es \(plan.earliestProductionDate)"
        case nil: return "sin fecha del área; el plan se cuenta desde la solicitud"
        }
    }

    /// Earliest → latest; when the earliest comes after the latest, no day fits.
    var trainingWindow: String {
        let window = plan.trainingWindow
        guard let latest = window.latest else { return "desde \(window.earliest), sin límite (no hay fecha de salida a producción)" }
        if latest < window.earliest {
            return "NINGÚN día cabe: la más temprana posible es \(window.earliest) y la más tardía para la fecha del área es \(latest)"
        }
        return "\(window.earliest) → \(latest)"
    }

    static func row(_ a: PlannedActivity) -> String {
        let window = "\(a.start) → \(a.earliestEnd) … \(a.latestFinish.map { "\($0)" } ?? "sin límite")"
        let slack = a.slack.map { $0 < 0 ? "FALTAN \(-$0)" : "holgura \($0)" } ?? "holgura: sin fecha"
        return "- \(a.id): \(window) (\(slack)) · \(a.duration) · \(a.owner): \(short(a.name))"
    }

    static func short(_ name: String) -> String {
        name.count > 70 ? String(name.prefix(69)) + "…" : name
    }
}
