/// Keys that each name a code (a request kind's keywords), compiled once into one automaton:
/// building it per mail cost 7–9 % of a 1,000-request run. Reads the longest key first, so an
/// occurrence hides the shorter keys inside it ("refuerzo de portafolio" is not a "refuerzo"),
/// while two occurrences may share the space between them. Keys are phrase keys
/// (`TextNormalizer.key`).
public struct CodedKeywords: Sendable {
    let codes: [String]
    let automaton: KeywordAutomaton

    public init(_ pairs: [(code: String, key: String)]) {
        let sorted = pairs.sorted { $0.key.count > $1.key.count }
        codes = sorted.map(\.code)
        automaton = KeywordAutomaton(sorted.map { KeywordMatcher.needle($0.key) })
    }

    /// The codes whose keys a padded key (`KeywordMatcher.paddedKey`) names.
    public func named(inPaddedKey padded: String) -> Set<String> {
        var padded = padded
        return padded.withUTF8 { text in
            var starts = [[Int]](repeating: [], count: codes.count)  // per key, in text order
            automaton.scan(text) { pattern, start in starts[pattern].append(start) }
            var named = Set<String>()
            var taken: [Bool] = []  // bytes inside an accepted occurrence, allocated on the first one
            for (index, code) in codes.enumerated() {
                for start in starts[index] {
                    let inner = (start + 1)..<(start + automaton.lengths[index] - 1)
                    if !taken.isEmpty, inner.contains(where: { taken[$0] }) { continue }
                    if taken.isEmpty { taken = [Bool](repeating: false, count: text.count) }
                    for i in inner { taken[i] = true }
                    named.insert(code)
                }
            }
            return named
        }
    }
}
