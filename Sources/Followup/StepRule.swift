import Intake
import Yams

/// A later step of a request (5.2.7–5.2.11) recognised in mail by the request tag plus subject
/// keywords, and how many business days after the session it is expected.
public struct StepRule: Sendable, Hashable {
    public var id: String
    public var name: String
    public var keywords: [String]
    public var dueBusinessDays: Int

    public init(id: String, name: String, keywords: [String], dueBusinessDays: Int) {
        self.id = id
        self.name = name
        self.keywords = keywords
        self.dueBusinessDays = dueBusinessDays
    }

    public static let standard = [
        StepRule(id: "asistencia", name: "Asistencia consolidada (5.2.7)", keywords: ["asistencia", "listado de asistentes"], dueBusinessDays: 2),
        StepRule(id: "banco_preguntas", name: "Banco de preguntas (5.2.8–5.2.10)", keywords: ["banco de preguntas", "banco preguntas"], dueBusinessDays: 3),
        StepRule(id: "entrega_proveedor", name: "Material entregado al proveedor por ruta segura (5.2.11)",
                 keywords: ["ruta segura", "entrega de material", "material al proveedor", "envio seguro"], dueBusinessDays: 5),
    ]

    /// The steps whose keywords the subject holds (folded: accents and case ignored); none when
    /// the subject has no request tag.
    public static func recognise(subject: String, rules: [StepRule]) -> (request: String, steps: [StepRule])? {
        guard let tag = RequestTag.find(in: subject) else { return nil }
        let key = TextNormalizer.key(subject)
        let steps = rules.filter { rule in rule.keywords.contains { key.contains(TextNormalizer.key($0)) } }
        return (tag, steps)
    }

    static func parse(_ node: Node, reader: YAMLNodeReader) throws(ConfigError) -> [StepRule] {
        var rules: [StepRule] = []
        for item in try reader.sequence(node, key: "pasos") {
            let entries = try reader.mapping(item, key: "pasos", allowed: ["id", "nombre", "palabras", "dias_habiles"])
            let id = try reader.string(try reader.required(entries, "id", in: item), key: "id")
            let name = try entries["nombre"].map { n throws(ConfigError) in try reader.string(n, key: "nombre") } ?? id
            let words = try reader.strings(try reader.required(entries, "palabras", in: item), key: "palabras")
            let days = try reader.int(try reader.required(entries, "dias_habiles", in: item), key: "dias_habiles", range: 0...60)
            rules.append(StepRule(id: id, name: name, keywords: words, dueBusinessDays: days))
        }
        return rules
    }
}
