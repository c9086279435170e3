import Yams

/// `config/holidays.yaml`, read from text the shell has loaded (Intake does no file I/O).
///
/// Keys (all optional; an empty file means no overrides):
/// - `add`: list of mappings, each with `date` (yyyy-mm-dd, required) and `name` (text,
///   required): days that are not business days. Adding a day the law already gives is allowed.
/// - `remove`: list of dates (yyyy-mm-dd): computed holidays that are business days after all.
///   Each must be a holiday of `ColombianHolidays` (else it is a typo) and must not also be added.
extension HolidayOverrides {
    public static let yamlKeys = ["add", "remove"]
    public static let yamlAdditionKeys = ["date", "name"]

    public init(yaml: String, file: String) throws(ConfigError) {
        let reader = YAMLNodeReader(file: file)
        guard let root = try reader.root(of: yaml), !reader.isNull(root) else {
            self.init()
            return
        }
        let top = try reader.mapping(root, key: "(document)", allowed: Self.yamlKeys)
        let added = try Self.additions(top["add"], reader)
        let removed = try Self.removals(top["remove"], addedOnLine: added.lines, reader)
        self.init(add: added.items, remove: removed)
    }

    private static func additions(
        _ node: Node?, _ reader: YAMLNodeReader
    ) throws(ConfigError) -> (items: [Addition], lines: [CivilDate: Int]) {
        guard let node else { return ([], [:]) }
        var items: [Addition] = []
        var lines: [CivilDate: Int] = [:]
        for item in try reader.sequence(node, key: "add") {
            let entries = try reader.mapping(item, key: "add", allowed: yamlAdditionKeys)
            let dateNode = try reader.required(entries, "date", in: item)
            let date = try reader.date(dateNode, key: "date")
            let nameNode = try reader.required(entries, "name", in: item)
            let name = String(TextNormalizer.trimmed(try reader.string(nameNode, key: "name")))
            guard !name.isEmpty else {
                throw .invalidValue(file: reader.file, line: reader.line(nameNode), key: "name", message: "is empty")
            }
            if let first = lines[date] {
                throw .invalidValue(file: reader.file, line: reader.line(dateNode), key: "date",
                                    message: "\(date) is added twice (first on line \(first))")
            }
            lines[date] = reader.line(dateNode)
            items.append(Addition(date: date, name: name))
        }
        return (items, lines)
    }

    private static func removals(
        _ node: Node?, addedOnLine: [CivilDate: Int], _ reader: YAMLNodeReader
    ) throws(ConfigError) -> [CivilDate] {
        guard let node else { return [] }
        var dates: [CivilDate] = []
        for item in try reader.sequence(node, key: "remove") {
            let date = try reader.date(item, key: "remove")
            let problem: String? =
                if let line = addedOnLine[date] { "\(date) is also under 'add' (line \(line))" }
                else if dates.contains(date) { "\(date) is removed twice" }
                else if !ColombianHolidays.holidays(in: date.year).contains(where: { $0.date == date }) {
                    "\(date) is not a holiday of the computed calendar (nothing to remove)"
                } else { nil }
            if let problem {
                throw .invalidValue(file: reader.file, line: reader.line(item), key: "remove", message: problem)
            }
            dates.append(date)
        }
        return dates
    }
}
