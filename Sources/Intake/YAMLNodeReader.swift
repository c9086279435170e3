import Yams

/// Reads a composed YAML tree into typed values, turning every surprise into a `ConfigError`
/// that names file, line and key. Config is read through `Node` rather than `Decodable` because
/// only the node keeps its `mark` (line) and an unknown key must be an error, not ignored.
package struct YAMLNodeReader {
    package let file: String

    package init(file: String) { self.file = file }

    /// The document's root, or nil when the text holds no document (empty, comments only).
    package func root(of yaml: String) throws(ConfigError) -> Node? {
        do {
            return try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw convert(error)
        } catch {
            throw .syntax(file: file, line: 1, message: "\(error)")
        }
    }

    package func line(_ node: Node) -> Int { node.mark?.line ?? 1 }

    package func isNull(_ node: Node) -> Bool {
        if case .scalar = node { return node.null != nil } else { return false }
    }

    /// A mapping's entries by key, refusing keys not in `allowed` (reported on the key's line).
    package func mapping(_ node: Node, key: String, allowed: [String]) throws(ConfigError) -> [String: Node] {
        guard case let .mapping(m) = node else {
            throw .wrongType(file: file, line: line(node), key: key, expected: "a mapping", found: kind(node))
        }
        var result: [String: Node] = [:]
        for (k, v) in m {
            guard case let .scalar(s) = k, allowed.contains(s.string) else {
                let name = k.scalar?.string ?? "\(kind(k))"
                throw .unknownKey(file: file, line: line(k), key: name, allowed: allowed)
            }
            result[s.string] = v
        }
        return result
    }

    /// A list's items; a null value (`remove:` with nothing after it) is the empty list.
    package func sequence(_ node: Node, key: String) throws(ConfigError) -> [Node] {
        if isNull(node) { return [] }
        guard case let .sequence(s) = node else {
            throw .wrongType(file: file, line: line(node), key: key, expected: "a list", found: kind(node))
        }
        return Array(s)
    }

    package func string(_ node: Node, key: String) throws(ConfigError) -> String {
        guard case let .scalar(s) = node, !isNull(node) else {
            throw .wrongType(file: file, line: line(node), key: key, expected: "a text", found: kind(node))
        }
        return s.string
    }

    /// A whole number within `range`.
    package func int(_ node: Node, key: String, range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard case let .scalar(s) = node, let value = Int(s.string) else {
            throw .wrongType(file: file, line: line(node), key: key, expected: "a whole number", found: kind(node))
        }
        guard range.contains(value) else {
            throw .invalidValue(file: file, line: line(node), key: key,
                                message: "\(value) is outside \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    /// `true`/`false` (also yes/no, sí/no as OCM may write them).
    package func bool(_ node: Node, key: String) throws(ConfigError) -> Bool {
        guard case let .scalar(s) = node else {
            throw .wrongType(file: file, line: line(node), key: key, expected: "true or false", found: kind(node))
        }
        switch s.string.lowercased() {
        case "true", "yes", "si", "sí": return true
        case "false", "no": return false
        default: throw .wrongType(file: file, line: line(node), key: key, expected: "true or false", found: kind(node))
        }
    }

    /// A list of texts; a single text is accepted as a list of one.
    package func strings(_ node: Node, key: String) throws(ConfigError) -> [String] {
        if case .scalar = node, !isNull(node) { return [try string(node, key: key)] }
        var out: [String] = []
        for item in try sequence(node, key: key) { out.append(try string(item, key: key)) }
        return out
    }

    /// A `yyyy-mm-dd` scalar, quoted or not (YAML would call the bare form a timestamp; the
    /// text is what counts).
    package func date(_ node: Node, key: String) throws(ConfigError) -> CivilDate {
        guard case let .scalar(s) = node, !isNull(node) else {
            throw .wrongType(file: file, line: line(node), key: key, expected: "a date (yyyy-mm-dd)", found: kind(node))
        }
        guard let date = CivilDate(s.string) else {
            throw .invalidValue(file: file, line: line(node), key: key,
                                message: "\"\(s.string)\" is not a date (yyyy-mm-dd)")
        }
        return date
    }

    package func required(_ entries: [String: Node], _ key: String, in node: Node) throws(ConfigError) -> Node {
        guard let value = entries[key] else { throw .missingKey(file: file, line: line(node), key: key) }
        return value
    }

    /// How a node looks, for "expected X, found Y".
    package func kind(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case let .scalar(s): isNull(node) ? "nothing" : "\"\(s.string)\""
        }
    }

    private func convert(_ error: YamlError) -> ConfigError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .syntax(file: file, line: mark.line, message: problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            return .invalidValue(file: file, line: context.mark.line, key: duplicates.first ?? "?",
                                 message: "appears more than once in the same mapping")
        default:
            return .syntax(file: file, line: 1, message: "\(error)")
        }
    }
}
