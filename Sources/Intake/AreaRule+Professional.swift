import Foundation

/// The professional of 4.1 is a person OCM names per area in rules.yaml. The shipped file holds
/// roles ("Profesional de Aseguramiento OCM para …") until OCM writes the names: such a value,
/// or none, is a placeholder, and `check-config` warns about it (the reply would name a role).
extension AreaRule {
    /// True when `professional` is absent, empty, or a role ("Profesional de …", "Profesional
    /// OCM …") rather than a person's name.
    public var professionalIsPlaceholder: Bool {
        guard let value = professional?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return true }
        return value.lowercased().hasPrefix("profesional ")
    }
}

extension Rules {
    /// Areas whose professional OCM has not named yet, in the order of rules.yaml.
    public var areasWithPlaceholderProfessional: [AreaRule] {
        areas.filter(\.professionalIsPlaceholder)
    }
}
