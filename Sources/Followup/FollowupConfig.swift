import Foundation
import Intake
import Yams

/// config/followup.yaml: what OCM may change after approval: the ANS figures, the passing score
/// and target of "% de efectividad", the provider's mail domains, and the subject keywords that
/// recognise the later steps. Every error names file, line and key.
public struct FollowupConfig: Sendable, Hashable {
    public var scheduling: SchedulingRules = .standard
    /// 0–100: a participant at or above it passes.
    public var passingScore: Double = 80
    /// 0–100: the share of participants passing that OCM expects; below it, a reinforcement (5.2.15).
    public var targetPercent: Double = 80
    /// Mail domains of the user-service provider (results come from there; never auto-answered).
    public var providerDomains: [String] = []
    /// Subject/file-name words telling a replica's results from the misional session's.
    public var replicaKeywords: [String] = ["replica", "réplica", "proveedor", "canales"]
    /// Steps 5.2.7–5.2.11 by subject keywords, with the business days after the session by which
    /// each is expected.
    public var steps: [StepRule] = StepRule.standard

    public init() {}

    static let keys = ["semana_max_horas", "conciliacion_dias_habiles", "duracion_por_defecto_horas",
                       "hora_inicio", "audiencia", "lugar", "nota_aprobatoria", "meta_efectividad",
                       "dominios_proveedor", "palabras_replica", "pasos"]

    /// `followup.yaml` next to rules.yaml; the defaults when the file is absent.
    public static func load(directory: URL) throws(ConfigError) -> FollowupConfig {
        let url = directory.appendingPathComponent("followup.yaml")
        guard let data = FileManager.default.contents(atPath: url.path) else { return FollowupConfig() }
        return try parse(String(decoding: data, as: UTF8.self), file: url.relativePath)
    }

    public static func parse(_ yaml: String, file: String) throws(ConfigError) -> FollowupConfig {
        let reader = YAMLNodeReader(file: file)
        var config = FollowupConfig()
        guard let root = try reader.root(of: yaml) else { return config }
        let entries = try reader.mapping(root, key: "(raíz)", allowed: keys)
        func number(_ key: String, _ range: ClosedRange<Double>) throws(ConfigError) -> Double? {
            guard let node = entries[key] else { return nil }
            let text = try reader.string(node, key: key).replacingOccurrences(of: ",", with: ".")
            guard let value = Double(text), range.contains(value) else {
                throw .invalidValue(file: file, line: reader.line(node), key: key,
                                    message: "expected a number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        if let v = try number("semana_max_horas", 0.5...40) { config.scheduling.weeklyHoursCap = v }
        if let v = try number("conciliacion_dias_habiles", 0...60) { config.scheduling.conciliationBusinessDays = Int(v) }
        if let v = try number("duracion_por_defecto_horas", 0.25...12) { config.scheduling.defaultHours = v }
        if let node = entries["hora_inicio"] {
            let text = try reader.string(node, key: "hora_inicio")
            let parts = text.split(separator: ":").compactMap { Int($0) }
            guard parts.count == 2, (6...20).contains(parts[0]), (0...59).contains(parts[1]) else {
                throw .invalidValue(file: file, line: reader.line(node), key: "hora_inicio", message: "expected HH:MM between 06:00 and 20:59")
            }
            config.scheduling.defaultStartMinutes = parts[0] * 60 + parts[1]
        }
        if let node = entries["audiencia"] { config.scheduling.defaultAudience = try reader.string(node, key: "audiencia") }
        if let node = entries["lugar"] { config.scheduling.defaultPlace = try reader.string(node, key: "lugar") }
        if let v = try number("nota_aprobatoria", 0...100) { config.passingScore = v }
        if let v = try number("meta_efectividad", 0...100) { config.targetPercent = v }
        if let node = entries["dominios_proveedor"] {
            config.providerDomains = try reader.strings(node, key: "dominios_proveedor").map { $0.lowercased() }
        }
        if let node = entries["palabras_replica"] { config.replicaKeywords = try reader.strings(node, key: "palabras_replica") }
        if let node = entries["pasos"] { config.steps = try StepRule.parse(node, reader: reader) }
        return config
    }
}
