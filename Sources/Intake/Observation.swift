/// A rule of M5-1-21 that a request does not meet, as a value: the reply mail, the ledger and
/// `inspect` all render the same list. `text` is the Spanish sentence a requester can act on:
/// what, why (the section), and by when.
public enum Observation: Sendable, Hashable {
    /// A required material item is not among the attachments or fields.
    /// `article` (el, la, los, las) gives the item's gender and number; `section` the numeral
    /// whose list requires it; `overdue` that the due day has already passed.
    case missingMaterial(code: String, name: String, condition: String?, due: CivilDate?, article: String = "el",
                         section: String = "4.2.1", overdue: Bool = false)
    /// The mail declares a test ("Adjunto, 6 preguntas") but no test came with it.
    case declaredTestNotFound(declared: Int, due: CivilDate?, overdue: Bool = false)
    /// Fewer questions than the minimum per topic.
    case insufficientTest(questions: Int, topics: Int, minimumPerTopic: Int, due: CivilDate?, overdue: Bool = false)
    /// The training day the area proposes is a weekend day or a holiday.
    case trainingNotBusinessDay(date: CivilDate, previous: CivilDate, next: CivilDate)
    /// No FECHA DE SALIDA A PRODUCCIÓN could be read.
    case missingProductionDate
    /// The production date "no aplica" (4.1.1 b, c) and no training date was given.
    case missingTrainingDate
    /// A lead time is not met: the request (or its material) came after `due`.
    case lateRequest(rule: LeadTimeRule, days: Int, requestDay: CivilDate, target: CivilDate, due: CivilDate,
                     earliestTarget: CivilDate, targetIsTraining: Bool, followUp: Bool = false)

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
        case let .missingMaterial(_, name, condition, due, article, section, overdue):
            let why = condition.flatMap { Self.conditionPhrases[$0] }.map { " (obligatori\(Self.ending(article)) \($0))" } ?? ""
            let send = "envíel" + Self.ending(article)
            let when = overdue ? " El plazo de entrega ya venció (vea la observación sobre los plazos); por favor \(send) lo antes posible respondiendo a este correo."
                : due.map { " Por favor \(send) respondiendo a este correo a más tardar el \(Self.spanish($0))." } ?? " Por favor \(send) respondiendo a este correo."
            return "Falta: \(name)\(why), material mínimo del numeral \(section) del procedimiento M5-1-21.\(when)"
        case let .declaredTestNotFound(declared, due, overdue):
            let when = overdue ? " lo antes posible (el plazo de entrega del material ya venció)" : due.map { " a más tardar el \(Self.spanish($0))" } ?? ""
            return "Su correo indica un test de \(declared) pregunta\(declared == 1 ? "" : "s"), pero no encontramos el test adjunto (numeral 4.2.1: al menos 5 preguntas por tema). Por favor envíelo respondiendo a este correo\(when)."
        case let .trainingNotBusinessDay(date, previous, next):
            return "La fecha de capacitación propuesta, el \(Self.spanish(date)), no es un día hábil. Por favor propónganos un día hábil, por ejemplo el \(Self.spanish(previous)) o el \(Self.spanish(next))."
        case let .insufficientTest(questions, topics, minimum, due, overdue):
            let needed = minimum * max(topics, 1)
            let topicText = topics > 1 ? "\(topics) temas" : "1 tema"
            let when = overdue ? " lo antes posible (el plazo de entrega del material ya venció)" : due.map { " a más tardar el \(Self.spanish($0))" } ?? ""
            return "El test tiene \(questions) pregunta\(questions == 1 ? "" : "s") para \(topicText); el numeral 4.2.1 pide al menos \(minimum) preguntas por tema (\(needed) en total). Por favor complete el test\(when)."
        case .missingTrainingDate:
            return "Indicó que la fecha de salida a producción no aplica; en ese caso los plazos del numeral 4.1.1 se cuentan desde la fecha de la capacitación. Por favor indíquenos la fecha propuesta para la capacitación (un día hábil)."
        case .missingProductionDate:
            return "No encontramos la fecha de salida a producción (numeral 4.2.1). Por favor indíquela en el campo FECHA DE SALIDA A PRODUCCIÓN (por ejemplo, 15/03/2026)."
        case let .lateRequest(rule, days, requestDay, target, due, earliest, isTraining, followUp):
            let unit = rule.unit == .habiles ? "días hábiles" : "días calendario"
            let what = rule.appliesTo == .solicitud ? "la solicitud debía llegar" : "el material debía entregarse"
            let targetText = isTraining ? "la capacitación del \(Self.spanish(target))" : "la salida a producción del \(Self.spanish(target))"
            let arrived = followUp ? "Su respuesta con el material llegó el" : "La solicitud llegó el"
            return "\(arrived) \(Self.spanish(requestDay)); para \(targetText), \(what) con \(days) \(unit) de anticipación, es decir a más tardar el \(Self.spanish(due)) (numeral \(days < rule.days ? rule.section + ", Nota 2" : rule.section)). La fecha más próxima que cumple el plazo es el \(Self.spanish(earliest)); por favor proponga una nueva fecha o comuníquese con Aseguramiento OCM."
        }
    }

    /// The material code in `missing` for this observation, if any.
    public var missingCode: String? {
        switch self {
        case let .missingMaterial(code, _, _, _, _, _, _): return code
        case .trainingNotBusinessDay, .missingTrainingDate: return "fecha_capacitacion"
        case .insufficientTest: return "test_insuficiente"
        case .declaredTestNotFound: return "test"
        case .missingProductionDate: return "fecha_produccion"
        case .lateRequest: return nil
        }
    }

    /// "o", "a", "os", "as" for el, la, los, las: "envíelo", "obligatoria".
    static func ending(_ article: String) -> String {
        switch article {
        case "la": "a"
        case "los": "os"
        case "las": "as"
        default: "o"
        }
    }

    static let months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                         "octubre", "noviembre", "diciembre"]

    /// "lunes 15 de junio de 2026".
    public static func spanish(_ date: CivilDate) -> String {
        "\(date.weekday.spanishName) \(date.day) de \(months[date.month - 1]) de \(date.year)"
    }
}
