import Intake

/// `check-config`'s warnings for areas whose OCM professional (4.1) is still a placeholder in
/// rules.yaml, each naming file:line:key so OCM finds the line to edit. A warning, not an error:
/// the daemon runs, but its approvals name a role instead of a person.
enum ProfessionalWarnings {
    static func lines(rules: Rules, yaml: String, file: String) -> [String] {
        let text = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return rules.areasWithPlaceholderProfessional.map { area in
            let line = lineNumber(of: area.code, in: text)
            let value = area.professional.map { "\"\($0)\" is a role, not a person" } ?? "is not set"
            return "warning: \(file):\(line): areas.\(area.code).professional \(value): write the name of the OCM professional "
                + "who follows this area's requests end to end (procedure 4.1)"
        }
    }

    /// The line of the area's `professional:` key, else of the area itself, else 1.
    static func lineNumber(of area: String, in lines: [String]) -> Int {
        guard let start = lines.firstIndex(where: { $0.hasPrefix("  \(area):") }) else { return 1 }
        var index = start + 1
        while index < lines.count, lines[index].hasPrefix("   ") || lines[index].trimmingCharacters(in: .whitespaces).isEmpty {
            if lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("professional:") { return index + 1 }
            index += 1
        }
        return start + 1
    }
}
