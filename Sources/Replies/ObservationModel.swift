import Intake

/// An observation as the values `Templates/observacion.mustache` sees: one key names its case
/// (`falta`, `testNoEncontrado`, `testInsuficiente`, `capacitacionNoHabil`, `materialEnlazado`, `sinFechaProduccion`,
/// `sinFechaCapacitacion`, `fueraDePlazo`) and holds its data, dates written out in Spanish. Every
/// flag is present as true or false, so an inverted section never falls back to another value.
enum ObservationModel {
    static func make(_ observation: Observation) -> [String: Any] {
        switch observation {
        case let .missingMaterial(code, name, condition, due, article, section, overdue):
            var values = when(due, overdue)
            values["codigo"] = code
            values["nombre"] = name.singleLine
            values["numeral"] = section
            values["terminacion"] = ending(article)
            values["condicion"] = condition.map { [$0: true] } ?? [String: Bool]()
            return ["falta": values]
        case let .declaredTestNotFound(declared, due, overdue):
            var values = when(due, overdue)
            values["conPreguntas"] = declared != nil
            if let declared { values["preguntas"] = declared }
            values["unaPregunta"] = declared == 1
            return ["testNoEncontrado": values]
        case let .insufficientTest(questions, topics, minimum, due, overdue):
            var values = when(due, overdue)
            values["preguntas"] = questions
            values["unaPregunta"] = questions == 1
            values["temas"] = max(topics, 1)
            values["unTema"] = topics <= 1
            values["minimoPorTema"] = minimum
            values["minimoTotal"] = minimum * max(topics, 1)
            return ["testInsuficiente": values]
        case let .trainingNotBusinessDay(date, previous, next):
            return ["capacitacionNoHabil": ["fecha": date.spanishText, "anterior": previous.spanishText,
                                            "siguiente": next.spanishText]]
        case let .linkedMaterial(due, overdue):
            return ["materialEnlazado": when(due, overdue)]
        case .missingProductionDate:
            return ["sinFechaProduccion": true]
        case .missingTrainingDate:
            return ["sinFechaCapacitacion": true]
        case let .lateRequest(rule, days, requestDay, target, due, earliest, isTraining, followUp):
            return ["fueraDePlazo": [
                "seguimiento": followUp, "llegada": requestDay.spanishText, "objetivo": target.spanishText,
                "esCapacitacion": isTraining, "material": rule.appliesTo == .material, "dias": days,
                "habiles": rule.unit == .habiles, "fecha": due.spanishText, "numeral": rule.section,
                "nota2": days < rule.days, "fechaMasProxima": earliest.spanishText,
            ] as [String: Any]]
        }
    }

    /// `fecha` (the due day) unless it has passed (`vencido`); neither when there is no due day.
    static func when(_ due: CivilDate?, _ overdue: Bool) -> [String: Any] {
        var values: [String: Any] = ["vencido": overdue, "conFecha": due != nil && !overdue]
        if let due, !overdue { values["fecha"] = due.spanishText }
        return values
    }

    /// "o", "a", "os", "as" for el, la, los, las: the template writes "envíel{{terminacion}}".
    static func ending(_ article: String) -> String {
        switch article {
        case "la": "a"
        case "los": "os"
        case "las": "as"
        default: "o"
        }
    }
}
