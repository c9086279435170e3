/// The `value; name=value; ...` shape of Content-Type and Content-Disposition, with RFC 2231
/// continuations and charsets resolved and Outlook's encoded words in quoted values decoded.
public struct ParameterizedValue: Sendable, Hashable {
    /// The leading token, lowercased (`multipart/mixed`, `attachment`).
    public var value: String
    /// Parameters in order of first appearance; names lowercased, values decoded.
    public var parameters: [(name: String, value: String)]
    public var issues: [MIMEWarning.Kind]

    public init(value: String, parameters: [(name: String, value: String)] = [], issues: [MIMEWarning.Kind] = []) {
        self.value = value
        self.parameters = parameters
        self.issues = issues
    }

    /// The first parameter with this name (case-insensitive).
    public subscript(_ name: String) -> String? {
        let key = name.lowercased()
        return parameters.first { $0.name == key }?.value
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.value == b.value && a.issues == b.issues
            && a.parameters.map(\.name) == b.parameters.map(\.name)
            && a.parameters.map(\.value) == b.parameters.map(\.value)
    }

    public func hash(into h: inout Hasher) {
        h.combine(value)
        for p in parameters { h.combine(p.name); h.combine(p.value) }
    }

    /// Parses an unfolded header value. Never fails: what cannot be read is skipped with an issue.
    public static func parse(_ raw: [UInt8]) -> ParameterizedValue {
        var scanner = Scanner(raw)
        var issues = IssueList()
        let value = scanner.leadingValue(&issues)
        var collector = Collector()
        while let parameter = scanner.nextParameter(&issues) {
            collector.add(parameter, &issues)
        }
        let parameters = collector.resolve(&issues)
        return ParameterizedValue(value: value, parameters: parameters, issues: issues.kinds)
    }
}
