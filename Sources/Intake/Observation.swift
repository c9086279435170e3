/// A rule of M5-1-21 that a request does not meet, as a value: the reply mail, the ledger and
/// `inspect` all render the same list. `text` is the Spanish sentence a requester can act on:
/// what, why (the section), and by when.
public enum Observation: Sendable, Hashable {
    /// A required material item is not among the attachments or fields.
    case missingMaterial(code: String, name: String, condition: String?, due: CivilDate?)
    /// Fewer questions than the minimum per topic.
    case insufficientTest(questions: Int, topics: Int, minimumPerTopic: Int, due: CivilDate?)
    /// No FECHA DE SALIDA A PRODUCCIÓN could be read.
    case missingProductionDate
    /// A lead time is not met: the request (or its material) came after `due`.
    case lateRequest(rule: LeadTimeRule, days: Int, requestDay: CivilDate, target: CivilDate, due: CivilDate,
                     earliestTarget: CivilDate, targetIsTraining: Bool)

    /// Why a conditional item is required, in the requester's words.
    static let conditionPhrases: [String: String] = [
        "convocatoria": "por tratarse de una convocatoria",
        "condonable": "porque el crédito o fondo es condonable",
        "revision_documental": "porque el proveedor hará la revisión o validación documental",
        "legalizacion": "porque la solicitud incluye legalización",
        "terceros": "porque la apertura depende de terceros",
    ]

    public var text: String {
        switch self {
        case let .missingMaterial(_, name, condition, due):
            let why = condition.flatMap { Self.conditionPhrases[$0] }.map { " (obligatorio \($0))" } ?? ""
            let when = due.map { " Por favor envíelo respondiendo a este correo a más tardar el \(Self.spanish($0))." } ?? " Por favor envíelo respondiendo a este correo."
            return "Falta: \(name)\(why), material mínimo del numeral 4.2.1 del procedimiento M5-1-21.\(when)"
        case let .insufficientTest(questions, topics, minimum, due):
            let needed = minimum * max(topics, 1)
            let topicText = topics > 1 ? "\(topics) temas" : "1 tema"
            let when = due.map { " a más tardar el \(Self.spanish($0))" } ?? ""
            return "El test tiene \(questions) pregunta\(questions == 1 ? "" : "s") para \(topicText); el numeral 4.2.1 pide al menos \(minimum) preguntas por tema (\(needed) en total). Por favor complete el test\(when)."
        case .missingProductionDate:
            return "No encontramos la fecha de salida a producción (numeral 4.2.1). Por favor indíquela en el campo FECHA DE SALIDA A PRODUCCIÓN (por ejemplo, 15/03/2026)."
        case let .lateRequest(rule, days, requestDay, target, due, earliest, isTraining):
            let unit = rule.unit == .habiles ? "días hábiles" : "días calendario"
            let what = rule.appliesTo == .solicitud ? "la solicitud debía llegar" : "el material debía entregarse"
            let targetText = isTraining ? "la capacitación del \(Self.spanish(target))" : "la salida a producción del \(Self.spanish(target))"
            return "La solicitud llegó el \(Self.spanish(requestDay)); para \(targetText), \(what) con \(days) \(unit) de anticipación, es decir a más tardar el \(Self.spanish(due)) (numeral \(rule.section)). La fecha más próxima que cumple el plazo es el \(Self.spanish(earliest)); por favor proponga una nueva fecha o comuníquese con Aseguramiento OCM."
        }
    }

    /// The material code in `missing` for this observation, if any.
    public var missingCode: String? {
        switch self {
        case let .missingMaterial(code, _, _, _): return code
        case .insufficientTest: return "test_insuficiente"
        case .missingProductionDate: return "fecha_produccion"
        case .lateRequest: return nil
        }
    }

    static let months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                         "octubre", "noviembre", "diciembre"]

    /// "lunes 15 de junio de 2026".
    public static func spanish(_ date: CivilDate) -> String {
        "\(date.weekday.spanishName) \(date.day) de \(months[date.month - 1]) de \(date.year)"
    }
}
