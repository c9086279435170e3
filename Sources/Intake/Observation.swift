/// A rule of M5-1-21 that a request does not meet, as a value: the reply mail, the ledger and
/// `inspect` all render the same list. The Spanish wording lives in `Templates/observacion.mustache`
/// (OCM edits it without a build); the shell hands the rendered sentence back as an
/// `ObservationWording`. Here only the data: what, why (the section), and by when.
public enum Observation: Sendable, Hashable {
    /// A required material item is not among the attachments or fields.
    /// `article` (el, la, los, las) gives the item's gender and number; `section` the numeral
    /// whose list requires it; `overdue` that the due day has already passed.
    case missingMaterial(code: String, name: String, condition: String?, due: CivilDate?, article: String = "el",
                         section: String = "4.2.1", overdue: Bool = false)
    /// The mail announces a test ("adjunto el test", "Adjunto, 6 preguntas") but no test came
    /// with it; `declared` is the count it states, if any.
    case declaredTestNotFound(declared: Int?, due: CivilDate?, overdue: Bool = false)
    /// Fewer questions than the minimum per topic.
    case insufficientTest(questions: Int, topics: Int, minimumPerTopic: Int, due: CivilDate?, overdue: Bool = false)
    /// The training day the area proposes is a weekend day or a holiday.
    case trainingNotBusinessDay(date: CivilDate, previous: CivilDate, next: CivilDate)
    /// Material is shared as a link (SharePoint, OneDrive, Forms…) and some required item is not
    /// attached: OCM reviews the files and hands them to the provider over a secure route
    /// (4.1.1, 5.2.11), so the area is asked to attach them. The missing items have their own
    /// observations; this one says why a link does not count.
    case linkedMaterial(due: CivilDate?, overdue: Bool = false)
    /// No FECHA DE SALIDA A PRODUCCIÓN could be read.
    case missingProductionDate
    /// The production date "no aplica" (4.1.1 b, c) and no training date was given.
    case missingTrainingDate
    /// A lead time is not met: the request (or its material) came after `due`.
    case lateRequest(rule: LeadTimeRule, days: Int, requestDay: CivilDate, target: CivilDate, due: CivilDate,
                     earliestTarget: CivilDate, targetIsTraining: Bool, followUp: Bool = false)

    /// The material code in `missing` for this observation, if any.
    public var missingCode: String? {
        switch self {
        case let .missingMaterial(code, _, _, _, _, _, _): return code
        case .trainingNotBusinessDay, .missingTrainingDate: return "fecha_capacitacion"
        case .insufficientTest: return "test_insuficiente"
        case .declaredTestNotFound: return "test"
        case .missingProductionDate: return "fecha_produccion"
        case .lateRequest, .linkedMaterial: return nil
        }
    }

    /// True for the observations that ask the area to send a file (a missing item or the test).
    public var asksForFile: Bool {
        switch self {
        case .missingMaterial, .declaredTestNotFound: return true
        default: return false
        }
    }

    /// A short, stable, untranslated description (`missing_material reglamento due 2026-05-15`):
    /// what an `Inspector` without templates writes, e.g. in benchmarks. Never shown to an area.
    public var reference: String {
        switch self {
        case let .missingMaterial(code, _, _, due, _, _, overdue):
            return "missing_material \(code)" + Self.when(due, overdue)
        case let .declaredTestNotFound(declared, due, overdue):
            return "declared_test_not_found" + (declared.map { " \($0)" } ?? "") + Self.when(due, overdue)
        case let .insufficientTest(questions, topics, minimum, due, overdue):
            return "insufficient_test \(questions)/\(minimum * max(topics, 1))" + Self.when(due, overdue)
        case let .trainingNotBusinessDay(date, _, _): return "training_not_business_day \(date)"
        case let .linkedMaterial(due, overdue): return "linked_material" + Self.when(due, overdue)
        case .missingProductionDate: return "missing_production_date"
        case .missingTrainingDate: return "missing_training_date"
        case let .lateRequest(rule, _, _, _, due, _, _, _): return "late \(rule.id) due \(due)"
        }
    }

    static func when(_ due: CivilDate?, _ overdue: Bool) -> String {
        overdue ? " overdue" : due.map { " due \($0)" } ?? ""
    }

    /// "lunes 15 de junio de 2026" (kept here for callers of the earlier API).
    public static func spanish(_ date: CivilDate) -> String { date.spanishText }
}

/// How the shell words an observation for people: the templates' sentence
/// (`ReplyTemplates.observationText`), or `Observation.reference` without templates.
public typealias ObservationWording = @Sendable (Observation) -> String
