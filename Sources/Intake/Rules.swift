/// The procedure as data (config/rules.yaml): what OCM may change without a new build —
/// areas and how to recognise them, kinds and lead times, material items and their keywords,
/// what each area and kind must carry, field label synonyms, the test minimum.
public struct Rules: Sendable, Hashable {
    public var minQuestionsPerTopic: Int
    public var allowedDomains: [String]
    public var ownAddresses: [String]
    /// In file order: earlier areas win ties.
    public var areas: [AreaRule]
    public var kinds: [KindRule]
    /// Condition code (`convocatoria`, `condonable`, ...) → normalised keywords.
    public var conditions: [String: [String]]
    public var materials: [MaterialItem]
    public var requirements: [MaterialRequirement]
    /// Field code (`asunto`, `fecha_produccion`, ...) → label synonyms.
    public var labels: [String: [String]]
    /// The activities of the operational plan (4.1), in file order.
    public var plan: [PlanActivityRule]
    /// When a mail names several kinds, the first of these it names wins (rules.yaml).
    public var kindPrecedence: [String] = Rules.defaultKindPrecedence
    /// The plan's words that are not activities (rules.yaml `plan_wording`).
    public var planWording = PlanWording()
    public static let defaultKindPrecedence = ["resultados", "adicional", "refuerzo", "nuevo", "actualizacion"]

    public init(minQuestionsPerTopic: Int, allowedDomains: [String], ownAddresses: [String], areas: [AreaRule],
                kinds: [KindRule], conditions: [String: [String]], materials: [MaterialItem],
                requirements: [MaterialRequirement], labels: [String: [String]], plan: [PlanActivityRule] = []) {
        self.minQuestionsPerTopic = minQuestionsPerTopic
        self.allowedDomains = allowedDomains
        self.ownAddresses = ownAddresses
        self.areas = areas
        self.kinds = kinds
        self.conditions = conditions
        self.materials = materials
        self.requirements = requirements
        self.labels = labels
        self.plan = plan
    }

    public func area(_ code: String) -> AreaRule? { areas.first { $0.code == code } }
    public func kind(_ code: String) -> KindRule? { kinds.first { $0.code == code } }
    public func material(_ code: String) -> MaterialItem? { materials.first { $0.code == code } }

    /// The items an area and kind must carry, with their conditions, in rules-file order.
    public func requiredItems(area: String, kind: String) -> [RequiredItem] {
        var seen = Set<String>()
        var items: [RequiredItem] = []
        for requirement in requirements where requirement.areas.contains(area) && requirement.kinds.contains(kind) {
            for item in requirement.items where seen.insert(item.code).inserted {
                items.append(item)
            }
        }
        return items
    }

    /// The vocabulary of design.md's `inspect --json` contract.
    public static let areaCodes = ["fondos", "credito", "becas", "proyecto", "ocm", "otra"]
    public static let kindCodes = ["nuevo", "actualizacion", "refuerzo", "proyecto", "ocm", "adicional", "resultados", "otro"]
}

/// A requesting area (Vicepresidencia de Fondos, Crédito, ORI, a project, OCM).
public struct AreaRule: Sendable, Hashable {
    public var code: String
    public var name: String
    /// Áreas misionales (Fondos, Crédito, Becas) own new-topic requests (4.1.1 a).
    public var misional: Bool
    public var keywords: [String]
    /// Sender addresses known to belong to this area.
    public var senders: [String]
    /// The OCM professional who follows this area's requests end to end (4.1).
    public var professional: String?

    public init(code: String, name: String, misional: Bool, keywords: [String], senders: [String], professional: String? = nil) {
        self.professional = professional
        self.code = code
        self.name = name
        self.misional = misional
        self.keywords = keywords
        self.senders = senders
    }
}

/// A kind of request of 4.1.1 with its lead times.
public struct KindRule: Sendable, Hashable {
    public var code: String
    public var name: String
    public var keywords: [String]
    public var leadTimes: [LeadTimeRule]
    /// The numeral of 4.1.1 whose material list applies ("4.1.1 a"), cited in observations.
    public var section: String?

    public init(code: String, name: String, keywords: [String], leadTimes: [LeadTimeRule], section: String? = nil) {
        self.section = section
        self.code = code
        self.name = name
        self.keywords = keywords
        self.leadTimes = leadTimes
    }
}

/// "N days before the training": the days d with request day < d ≤ target number at least N.
public struct LeadTimeRule: Sendable, Hashable {
    public enum Unit: String, Sendable, Hashable { case calendario, habiles }
    /// What must arrive N days before: the request itself, or the material.
    public enum Subject: String, Sendable, Hashable { case solicitud, material }

    public var id: String
    public var days: Int
    public var unit: Unit
    public var appliesTo: Subject
    /// Section of M5-1-21 quoted in observations.
    public var section: String
    /// A condition that relaxes the lead time (Nota 2: third parties), with the relaxed days.
    public var relief: (condition: String, days: Int)?

    public init(id: String, days: Int, unit: Unit, appliesTo: Subject, section: String, relief: (condition: String, days: Int)? = nil) {
        self.id = id
        self.days = days
        self.unit = unit
        self.appliesTo = appliesTo
        self.section = section
        self.relief = relief
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.id == b.id && a.days == b.days && a.unit == b.unit && a.appliesTo == b.appliesTo && a.section == b.section
            && a.relief?.condition == b.relief?.condition && a.relief?.days == b.relief?.days
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// One item of support material and the words that recognise it.
public struct MaterialItem: Sendable, Hashable {
    public var code: String
    /// Spanish name used in observations.
    public var name: String
    /// File extensions that by themselves make a file this item (pptx → presentación).
    public var extensions: [String]
    public var filenameKeywords: [String]
    /// Words in slide titles, headings, cells or a PDF title.
    public var contentKeywords: [String]
    /// Words in the name or titles that rule the item out ("preguntas frecuentes" is no test).
    public var excludedKeywords: [String]

    /// Grammatical article (el, la, los, las): gender and number of the item in replies.
    public var article: String

    public init(code: String, name: String, extensions: [String], filenameKeywords: [String], contentKeywords: [String],
                excludedKeywords: [String] = [], article: String = "el") {
        self.article = article
        self.code = code
        self.name = name
        self.extensions = extensions
        self.filenameKeywords = filenameKeywords
        self.contentKeywords = contentKeywords
        self.excludedKeywords = excludedKeywords
    }
}

/// A row of the requirements table: these areas × these kinds must carry these items.
public struct MaterialRequirement: Sendable, Hashable {
    public var areas: [String]
    public var kinds: [String]
    public var items: [RequiredItem]

    public init(areas: [String], kinds: [String], items: [RequiredItem]) {
        self.areas = areas
        self.kinds = kinds
        self.items = items
    }
}

/// A required item, always or only when the request says a condition applies.
public struct RequiredItem: Sendable, Hashable {
    public var code: String
    public var when: String?

    public init(code: String, when: String? = nil) {
        self.code = code
        self.when = when
    }
}
