import Yams

/// `config/rules.yaml`, read from text the shell has loaded (Intake does no file I/O). Every
/// mistake is a `ConfigError` naming file, line and key; references between sections (a
/// requirement naming an unknown material, a `when:` naming an unknown condition) are checked
/// here so a typo stops the service at start-up instead of silently never matching.
extension Rules {
    static let topKeys = ["min_questions_per_topic", "senders", "areas", "kinds", "conditions", "materials",
                          "requirements", "labels", "plan", "kind_precedence", "plan_wording"]

    public init(yaml: String, file: String) throws(ConfigError) {
        let r = YAMLNodeReader(file: file)
        guard let root = try r.root(of: yaml), !r.isNull(root) else {
            throw .missingKey(file: file, line: 1, key: "areas")
        }
        let top = try r.mapping(root, key: "(document)", allowed: Self.topKeys)
        let minimum = try r.int(try r.required(top, "min_questions_per_topic", in: root), key: "min_questions_per_topic", range: 1...100)
        var allowed: [String] = [], own: [String] = []
        if let senders = top["senders"] {
            let s = try r.mapping(senders, key: "senders", allowed: ["allowed_domains", "own_addresses"])
            allowed = try s["allowed_domains"].map { node throws(ConfigError) in try r.strings(node, key: "allowed_domains") } ?? []
            own = try s["own_addresses"].map { node throws(ConfigError) in try r.strings(node, key: "own_addresses") } ?? []
        }
        let conditions = try Self.conditions(try r.required(top, "conditions", in: root), r)
        let materials = try Self.materials(try r.required(top, "materials", in: root), r)
        self.init(
            minQuestionsPerTopic: minimum, allowedDomains: allowed.map { $0.lowercased() }, ownAddresses: own.map { $0.lowercased() },
            areas: try Self.areas(try r.required(top, "areas", in: root), r),
            kinds: try Self.kinds(try r.required(top, "kinds", in: root), conditions: conditions, r),
            conditions: conditions, materials: materials,
            requirements: try Self.requirements(try r.required(top, "requirements", in: root),
                                                materials: materials, conditions: conditions, r),
            labels: try Self.labels(top["labels"], r),
            plan: try Self.plan(top["plan"], conditions: conditions, r))
        if let node = top["kind_precedence"] {
            let order = try r.strings(node, key: "kind_precedence")
            if let unknown = order.first(where: { !Self.kindCodes.contains($0) }) {
                throw .invalidValue(file: file, line: r.line(node), key: "kind_precedence", message: "'\(unknown)' is not a kind")
            }
            kindPrecedence = order
        }
        if let node = top["plan_wording"] { planWording = try Self.planWording(node, r) }
    }

    private static func entries(_ node: Node, key: String, _ r: YAMLNodeReader) throws(ConfigError) -> [(String, Node, Int)] {
        guard case let .mapping(m) = node else {
            throw .wrongType(file: r.file, line: r.line(node), key: key, expected: "a mapping", found: r.kind(node))
        }
        var out: [(String, Node, Int)] = []
        for (k, v) in m {
            guard case let .scalar(s) = k else {
                throw .wrongType(file: r.file, line: r.line(k), key: key, expected: "a name", found: r.kind(k))
            }
            out.append((s.string, v, r.line(k)))
        }
        return out
    }

    private static func areas(_ node: Node, _ r: YAMLNodeReader) throws(ConfigError) -> [AreaRule] {
        var areas: [AreaRule] = []
        for (code, value, line) in try entries(node, key: "areas", r) {
            guard areaCodes.contains(code) else {
                throw .unknownKey(file: r.file, line: line, key: code, allowed: areaCodes)
            }
            let m = try r.mapping(value, key: code, allowed: ["name", "misional", "keywords", "senders", "professional"])
            areas.append(AreaRule(
                code: code, name: try r.string(try r.required(m, "name", in: value), key: "name"),
                misional: try m["misional"].map { n throws(ConfigError) in try r.bool(n, key: "misional") } ?? false,
                keywords: try m["keywords"].map { n throws(ConfigError) in try r.strings(n, key: "keywords") } ?? [],
                senders: (try m["senders"].map { n throws(ConfigError) in try r.strings(n, key: "senders") } ?? []).map { $0.lowercased() },
                professional: try m["professional"].map { n throws(ConfigError) in try r.string(n, key: "professional") }))
        }
        return areas
    }

    private static func kinds(_ node: Node, conditions: [String: [String]], _ r: YAMLNodeReader) throws(ConfigError) -> [KindRule] {
        var kinds: [KindRule] = []
        for (code, value, line) in try entries(node, key: "kinds", r) {
            guard kindCodes.contains(code) else {
                throw .unknownKey(file: r.file, line: line, key: code, allowed: kindCodes)
            }
            let m = try r.mapping(value, key: code, allowed: ["name", "keywords", "lead_times", "section"])
            var leadTimes: [LeadTimeRule] = []
            for item in try m["lead_times"].map({ n throws(ConfigError) in try r.sequence(n, key: "lead_times") }) ?? [] {
                leadTimes.append(try leadTime(item, conditions: conditions, r))
            }
            kinds.append(KindRule(
                code: code, name: try r.string(try r.required(m, "name", in: value), key: "name"),
                keywords: try m["keywords"].map { n throws(ConfigError) in try r.strings(n, key: "keywords") } ?? [],
                leadTimes: leadTimes, section: try m["section"].map { n throws(ConfigError) in try r.string(n, key: "section") }))
        }
        return kinds
    }

    private static func leadTime(_ node: Node, conditions: [String: [String]], _ r: YAMLNodeReader) throws(ConfigError) -> LeadTimeRule {
        let m = try r.mapping(node, key: "lead_times", allowed: ["id", "days", "unit", "applies_to", "section", "relief"])
        let unitNode = try r.required(m, "unit", in: node)
        guard let unit = LeadTimeRule.Unit(rawValue: try r.string(unitNode, key: "unit")) else {
            throw .invalidValue(file: r.file, line: r.line(unitNode), key: "unit", message: "must be calendario or habiles")
        }
        let subjectNode = try r.required(m, "applies_to", in: node)
        guard let subject = LeadTimeRule.Subject(rawValue: try r.string(subjectNode, key: "applies_to")) else {
            throw .invalidValue(file: r.file, line: r.line(subjectNode), key: "applies_to", message: "must be solicitud or material")
        }
        var relief: (condition: String, days: Int)?
        if let reliefNode = m["relief"] {
            let rm = try r.mapping(reliefNode, key: "relief", allowed: ["when", "days"])
            let whenNode = try r.required(rm, "when", in: reliefNode)
            let condition = try r.string(whenNode, key: "when")
            guard conditions[condition] != nil else {
                throw .invalidValue(file: r.file, line: r.line(whenNode), key: "when", message: "'\(condition)' is not under 'conditions'")
            }
            relief = (condition, try r.int(try r.required(rm, "days", in: reliefNode), key: "days", range: 0...365))
        }
        return LeadTimeRule(
            id: try r.string(try r.required(m, "id", in: node), key: "id"),
            days: try r.int(try r.required(m, "days", in: node), key: "days", range: 0...365),
            unit: unit, appliesTo: subject,
            section: try m["section"].map { n throws(ConfigError) in try r.string(n, key: "section") } ?? "4.1.1",
            relief: relief)
    }

    private static func conditions(_ node: Node, _ r: YAMLNodeReader) throws(ConfigError) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for (code, value, _) in try entries(node, key: "conditions", r) {
            out[code] = try r.strings(value, key: code)
        }
        return out
    }

    private static func materials(_ node: Node, _ r: YAMLNodeReader) throws(ConfigError) -> [MaterialItem] {
        var items: [MaterialItem] = []
        for (code, value, _) in try entries(node, key: "materials", r) {
            let m = try r.mapping(value, key: code, allowed: ["name", "extensions", "filename", "content", "not", "article"])
            func list(_ key: String) throws(ConfigError) -> [String] {
                try m[key].map { n throws(ConfigError) in try r.strings(n, key: key) } ?? []
            }
            items.append(MaterialItem(
                code: code, name: try r.string(try r.required(m, "name", in: value), key: "name"),
                extensions: try list("extensions").map { $0.lowercased() },
                filenameKeywords: try list("filename"), contentKeywords: try list("content"),
                excludedKeywords: try list("not"), article: try article(m["article"], r)))
        }
        return items
    }

    /// el | la | los | las: the reply's "envíelo/envíela/envíelos/envíelas" for the item.
    private static func article(_ node: Node?, _ r: YAMLNodeReader) throws(ConfigError) -> String {
        guard let node else { return "el" }
        let value = try r.string(node, key: "article")
        guard ["el", "la", "los", "las"].contains(value) else {
            throw .invalidValue(file: r.file, line: r.line(node), key: "article", message: "must be el, la, los or las")
        }
        return value
    }

    private static func requirements(_ node: Node, materials: [MaterialItem], conditions: [String: [String]],
                                     _ r: YAMLNodeReader) throws(ConfigError) -> [MaterialRequirement] {
        var rows: [MaterialRequirement] = []
        for row in try r.sequence(node, key: "requirements") {
            let m = try r.mapping(row, key: "requirements", allowed: ["areas", "kinds", "require"])
            let areasNode = try r.required(m, "areas", in: row)
            let areas = try r.strings(areasNode, key: "areas")
            if let bad = areas.first(where: { !areaCodes.contains($0) }) {
                throw .invalidValue(file: r.file, line: r.line(areasNode), key: "areas", message: "'\(bad)' is not an area (\(areaCodes.joined(separator: ", ")))")
            }
            let kindsNode = try r.required(m, "kinds", in: row)
            let kinds = try r.strings(kindsNode, key: "kinds")
            if let bad = kinds.first(where: { !kindCodes.contains($0) }) {
                throw .invalidValue(file: r.file, line: r.line(kindsNode), key: "kinds", message: "'\(bad)' is not a kind (\(kindCodes.joined(separator: ", ")))")
            }
            var items: [RequiredItem] = []
            for itemNode in try r.sequence(try r.required(m, "require", in: row), key: "require") {
                items.append(try requiredItem(itemNode, materials: materials, conditions: conditions, r))
            }
            rows.append(MaterialRequirement(areas: areas, kinds: kinds, items: items))
        }
        return rows
    }

    private static func requiredItem(_ node: Node, materials: [MaterialItem], conditions: [String: [String]],
                                     _ r: YAMLNodeReader) throws(ConfigError) -> RequiredItem {
        var code: String, when: String?
        if case .mapping = node {
            let m = try r.mapping(node, key: "require", allowed: ["item", "when"])
            code = try r.string(try r.required(m, "item", in: node), key: "item")
            if let whenNode = m["when"] {
                let condition = try r.string(whenNode, key: "when")
                guard conditions[condition] != nil else {
                    throw .invalidValue(file: r.file, line: r.line(whenNode), key: "when", message: "'\(condition)' is not under 'conditions'")
                }
                when = condition
            }
        } else {
            code = try r.string(node, key: "require")
        }
        guard materials.contains(where: { $0.code == code }) else {
            throw .invalidValue(file: r.file, line: r.line(node), key: "require", message: "'\(code)' is not under 'materials'")
        }
        return RequiredItem(code: code, when: when)
    }

    private static func labels(_ node: Node?, _ r: YAMLNodeReader) throws(ConfigError) -> [String: [String]] {
        guard let node else { return [:] }
        var out: [String: [String]] = [:]
        for (code, value, _) in try entries(node, key: "labels", r) {
            out[code] = try r.strings(value, key: code)
        }
        return out
    }

    private static func plan(_ node: Node?, conditions: [String: [String]], _ r: YAMLNodeReader) throws(ConfigError) -> [PlanActivityRule] {
        guard let node else { return [] }
        var activities: [PlanActivityRule] = []
        for item in try r.sequence(node, key: "plan") {
            let m = try r.mapping(item, key: "plan", allowed: ["id", "owner", "name", "chain", "after", "min", "max", "unit", "when", "by"])
            let chainNode = try r.required(m, "chain", in: item)
            guard let chain = PlanActivityRule.Chain(rawValue: try r.string(chainNode, key: "chain")) else {
                throw .invalidValue(file: r.file, line: r.line(chainNode), key: "chain", message: "must be principal or apoyo")
            }
            let unitNode = try r.required(m, "unit", in: item)
            guard let unit = LeadTimeRule.Unit(rawValue: try r.string(unitNode, key: "unit")) else {
                throw .invalidValue(file: r.file, line: r.line(unitNode), key: "unit", message: "must be calendario or habiles")
            }
            let minimum = try r.int(try r.required(m, "min", in: item), key: "min", range: 0...365)
            let maxNode = try r.required(m, "max", in: item)
            let maximum = try r.int(maxNode, key: "max", range: 0...365)
            guard maximum >= minimum else {
                throw .invalidValue(file: r.file, line: r.line(maxNode), key: "max", message: "\(maximum) is less than min \(minimum)")
            }
            var after: String?
            if let afterNode = m["after"] {
                let name = try r.string(afterNode, key: "after")
                guard activities.contains(where: { $0.id == name }) else {
                    throw .invalidValue(file: r.file, line: r.line(afterNode), key: "after", message: "'\(name)' is not an earlier activity")
                }
                after = name
            }
            let when = try m["when"].map { n throws(ConfigError) in try r.string(n, key: "when") }
            if let when, conditions[when] == nil, let node = m["when"] {
                throw .invalidValue(file: r.file, line: r.line(node), key: "when", message: "'\(when)' is not a condition")
            }
            let by = try m["by"].map { n throws(ConfigError) in try r.string(n, key: "by") }
            if let by, !["capacitacion", "produccion"].contains(by), !activities.contains(where: { $0.id == by }), let node = m["by"] {
                throw .invalidValue(file: r.file, line: r.line(node), key: "by",
                                    message: "'\(by)' is not capacitacion, produccion or an earlier activity")
            }
            activities.append(PlanActivityRule(
                id: try r.string(try r.required(m, "id", in: item), key: "id"),
                owner: try r.string(try r.required(m, "owner", in: item), key: "owner"),
                name: try r.string(try r.required(m, "name", in: item), key: "name"),
                chain: chain, after: after, minDays: minimum, maxDays: maximum, unit: unit, when: when, by: by))
        }
        return activities
    }
}
