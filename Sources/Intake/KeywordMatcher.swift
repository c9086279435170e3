/// Finds configured keywords in text the way a reader would: case- and accent-insensitive,
/// on word boundaries ("beca" does not match "becario"; "fondo de" matches "Fondo de Víctimas").
/// Keywords and text are compared as `TextNormalizer.key` forms.
public struct KeywordMatcher: Sendable, Hashable {
    /// Keyword keys, longest first so the most specific one is reported.
    public let keys: [String]

    public init(_ keywords: [String]) {
        keys = keywords.map { TextNormalizer.key($0) }.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// The first keyword found in `text`, or nil.
    public func firstMatch<S: StringProtocol>(in text: S) -> String? {
        Self.firstMatch(of: keys, inKey: " " + TextNormalizer.key(text) + " ")
    }

    /// How many keyword occurrences `text` has (each keyword counted once).
    public func matchCount<S: StringProtocol>(in text: S) -> Int {
        let padded = " " + TextNormalizer.key(text) + " "
        return keys.reduce(0) { $0 + (padded.contains(" " + $1 + " ") ? 1 : 0) }
    }

    /// Matching against a key already padded with spaces (callers that test many matchers
    /// against one text fold it once).
    public func firstMatch(inPaddedKey padded: String) -> String? {
        Self.firstMatch(of: keys, inKey: padded)
    }

    static func firstMatch(of keys: [String], inKey padded: String) -> String? {
        keys.first { padded.contains(" " + $0 + " ") }
    }

    /// `text` as a padded comparison key, for `firstMatch(inPaddedKey:)`.
    public static func paddedKey<S: StringProtocol>(_ text: S) -> String {
        " " + TextNormalizer.key(text) + " "
    }
}
