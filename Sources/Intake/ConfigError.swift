/// A configuration file that cannot be used. Every case names the file, the 1-based line and,
/// when there is one, the key, so OCM can fix the file from the message alone; a bad config
/// stops the unit rather than running half-configured (style.md 9).
public enum ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not YAML at all (libyaml's own problem text).
    case syntax(file: String, line: Int, message: String)
    /// A key the file format does not define (likely a typo: `nmae`).
    case unknownKey(file: String, line: Int, key: String, allowed: [String])
    /// A required key is absent from the mapping that starts at `line`.
    case missingKey(file: String, line: Int, key: String)
    /// The value has the wrong YAML shape (a list where a text was expected...).
    case wrongType(file: String, line: Int, key: String, expected: String, found: String)
    /// The value has the right shape but is not acceptable (a bad date, a duplicate...).
    case invalidValue(file: String, line: Int, key: String, message: String)

    public var file: String {
        switch self {
        case let .syntax(file, _, _), let .unknownKey(file, _, _, _), let .missingKey(file, _, _),
             let .wrongType(file, _, _, _, _), let .invalidValue(file, _, _, _):
            file
        }
    }

    public var line: Int {
        switch self {
        case let .syntax(_, line, _), let .unknownKey(_, line, _, _), let .missingKey(_, line, _),
             let .wrongType(_, line, _, _, _), let .invalidValue(_, line, _, _):
            line
        }
    }

    /// Nil for syntax errors, which happen before any key is known.
    public var key: String? {
        switch self {
        case .syntax: nil
        case let .unknownKey(_, _, key, _), let .missingKey(_, _, key),
             let .wrongType(_, _, key, _, _), let .invalidValue(_, _, key, _):
            key
        }
    }

    public var message: String {
        switch self {
        case let .syntax(_, _, message): message
        case let .unknownKey(_, _, _, allowed): "unknown key (expected one of: \(allowed.joined(separator: ", ")))"
        case .missingKey: "missing"
        case let .wrongType(_, _, _, expected, found): "expected \(expected), found \(found)"
        case let .invalidValue(_, _, _, message): message
        }
    }

    /// `config/holidays.yaml:4: key 'date': "2026-13-01" is not a date (yyyy-mm-dd)`
    public var description: String {
        if let key { "\(file):\(line): key '\(key)': \(message)" } else { "\(file):\(line): \(message)" }
    }
}
