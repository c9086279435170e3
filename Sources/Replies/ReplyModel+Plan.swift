import Intake

/// The plan of 4.1 as the approval and observations mails show it: whether the area's date is
/// achievable, the training window, each step's window and slack, the "si aplica" activities
/// left unscheduled, and the professional who follows the request (Templates/README.md).
extension ReplyModel {
    static func plan(_ plan: OperationalPlan, templates: ReplyTemplates) -> [String: Any] {
        let rows = plan.activities.map { row($0, templates: templates) }
        var model: [String: Any] = [
            "desde": spanish(plan.requestDay),
            "principales": numbered(zip(plan.activities, rows).filter { $0.0.chain == PlanActivityRule.Chain.principal.rawValue }.map(\.1)),
            "apoyo": numbered(zip(plan.activities, rows).filter { $0.0.chain != PlanActivityRule.Chain.principal.rawValue }.map(\.1)),
            "fechaMasTemprana": spanish(plan.earliestProductionDate),
            "fechaPlaneada": spanish(plan.plannedProductionDate),
            "capacitacionDesde": spanish(plan.trainingWindow.earliest),
        ]
        if let latest = plan.trainingWindow.latest, latest >= plan.trainingWindow.earliest {
            model["capacitacionHasta"] = spanish(latest)
        }
        if let date = plan.productionDate { model["fechaObjetivo"] = spanish(date) }
        if let date = plan.trainingDate { model["capacitacionFijada"] = spanish(date) }
        if let professional = plan.professional?.singleLine, !professional.isEmpty { model["profesional"] = professional }
        let unscheduled = plan.unscheduled.map { ["responsable": $0.owner.singleLine, "actividad": $0.name.singleLine, "duracion": $0.duration] }
        if !unscheduled.isEmpty { model["siAplica"] = unscheduled }
        switch plan.achievable {
        case true?: model["alcanzable"] = true
        case false?:
            var failing: [String: Any] = ["fechaMasTemprana": spanish(plan.earliestProductionDate)]
            if let shortfall = plan.shortfall {
                failing["paso"] = shortfall.name.singleLine
                failing["dias"] = templates.businessDaysText(shortfall.businessDays, slack: false)
                failing["porCapacitacion"] = shortfall.activity == "capacitacion"
            }
            model["noAlcanzable"] = failing
        case nil: model["sinFecha"] = true
        }
        return model
    }

    static func row(_ activity: PlannedActivity, templates: ReplyTemplates) -> [String: Any] {
        var row: [String: Any] = [
            "responsable": activity.owner.singleLine, "actividad": activity.name.singleLine, "duracion": activity.duration.singleLine,
            "inicio": spanish(activity.start), "finTemprano": spanish(activity.earliestEnd),
        ]
        if let latest = activity.latestFinish { row["finTardio"] = spanish(latest) }
        if let slack = activity.slack {
            row["holgura"] = templates.businessDaysText(slack, slack: true)
        }
        return row
    }
}
