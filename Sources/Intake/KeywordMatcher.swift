/// Finds configured keywords in text the way a reader would: case- and accent-insensitive,
/// on word boundaries ("beca" does not match "becario"; "fondo de" matches "Fondo de Víctimas").
/// Keywords and text are compared as `TextNormalizer.key` forms.
///
/// Speed: a text is keyed once (`paddedKey`), then all of " keyword " are found in one pass
/// over its UTF-8 (`KeywordAutomaton`), so a forwarded thread of megabytes costs milliseconds;
/// callers that test many matchers against one text key it once and use the `inPaddedKey` forms.
public struct KeywordMatcher: Sendable, Hashable {
    /// Keyword keys, longest first so the most specific one is reported.
    public let keys: [String]
    /// Finds " key " for every key, pattern `i` being `keys[i]`.
    let automaton: KeywordAutomaton

    public init(_ keywords: [String]) {
        keys = keywords.map { TextNormalizer.key($0) }.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        automaton = KeywordAutomaton(keys.map(Self.needle))
    }

    public static func == (lhs: KeywordMatcher, rhs: KeywordMatcher) -> Bool { lhs.keys == rhs.keys }

    public func hash(into hasher: inout Hasher) { hasher.combine(keys) }

    /// The first keyword found in `text`, or nil.
    public func firstMatch<S: StringProtocol>(in text: S) -> String? {
        firstMatch(inPaddedKey: Self.paddedKey(text))
    }

    /// How many keyword occurrences `text` has (each keyword counted once).
    public func matchCount<S: StringProtocol>(in text: S) -> Int {
        matchCount(inPaddedKey: Self.paddedKey(text))
    }

    /// Matching against a key already padded with spaces (callers that test many matchers
    /// against one text fold it once).
    public func firstMatch(inPaddedKey padded: String) -> String? {
        var padded = padded
        return padded.withUTF8 { text in
            automaton.occurring(in: text).firstIndex(of: true).map { keys[$0] }
        }
    }

    /// `matchCount(in:)` against a key already padded with spaces.
    public func matchCount(inPaddedKey padded: String) -> Int {
        var padded = padded
        return padded.withUTF8 { text in
            automaton.occurring(in: text).filter { $0 }.count
        }
    }

    /// `text` as a padded comparison key, for `firstMatch(inPaddedKey:)`.
    public static func paddedKey<S: StringProtocol>(_ text: S) -> String {
        " " + TextNormalizer.key(text) + " "
    }

    /// The codes whose keys a padded key names (see `CodedKeywords`, which keeps the automaton).
    public static func namedCodes(_ pairs: [(code: String, key: String)], inPaddedKey padded: String) -> Set<String> {
        CodedKeywords(pairs).named(inPaddedKey: padded)
    }

    static func needle(_ key: String) -> [UInt8] { Array((" " + key + " ").utf8) }
}
