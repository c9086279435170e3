import Foundation

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

    /// Parses an unfolded header value.
    public static func parse(_ raw: [UInt8]) -> ParameterizedValue {
        // PLACEHOLDER (helper A replaces): naive split on ';' and '='.
        let text = String(decoding: raw, as: UTF8.self)
        var pieces = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        let value = pieces.isEmpty ? "" : pieces.removeFirst().lowercased()
        var params: [(name: String, value: String)] = []
        for p in pieces {
            guard let eq = p.firstIndex(of: "=") else { continue }
            var v = String(p[p.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            params.append((String(p[..<eq]).lowercased().trimmingCharacters(in: .whitespaces), v))
        }
        return ParameterizedValue(value: value, parameters: params)
    }
}
