/// Reply and forward prefixes and tags in front of a subject ("RE: RV: [OCM-2026-0001] …"): one
/// stripper for the request's topic (RequestReader) and the reply's subject (ReplySubject).
public enum SubjectPrefixes {
    /// Prefixes of Spanish, English and other clients' UIs (`RE:`, `RV:`, `RES:`, `Fwd:`, `TR:`,
    /// `AW:`, `WG:`, `ENC:`, `Respuesta:`), any case, with Outlook's `RE[2]:` counters.
    public static let words: Set<String> = ["re", "rv", "res", "fw", "fwd", "tr", "aw", "wg", "enc", "r", "reenviar",
                                            "respuesta", "rta"]

    /// Which bracketed tags go: only the request tag `[OCM-YYYY-NNNN]`, or any (`[EXTERNO]`).
    public enum Tags: Sendable { case requestTag, any }

    /// `subject` without leading prefixes and tags, trimmed (empty when nothing is left).
    public static func stripped(_ subject: String, tags: Tags) -> String {
        var rest = Substring(subject)
        while true {
            rest = rest.drop { $0.isWhitespace }
            if let after = droppingPrefix(rest) ?? droppingTag(rest, tags) { rest = after } else { break }
        }
        return String(TextNormalizer.trimmed(rest))
    }

    /// `RE:`, `RE[3]:`, `Re :` → what follows.
    static func droppingPrefix(_ s: Substring) -> Substring? {
        let word = s.prefix { $0.isLetter }
        guard !word.isEmpty, words.contains(TextNormalizer.key(word)) else { return nil }
        var rest = s.dropFirst(word.count)
        if rest.first == "[" || rest.first == "(" {
            let digits = rest.dropFirst().prefix { $0.isNumber }
            let close: Character = rest.first == "[" ? "]" : ")"
            guard !digits.isEmpty, rest.dropFirst(digits.count + 1).first == close else { return nil }
            rest = rest.dropFirst(digits.count + 2)
        }
        rest = rest.drop { $0 == " " }
        return rest.first == ":" ? rest.dropFirst() : nil
    }

    /// `[OCM-2026-0001]` (or any `[…]` with `.any`) → what follows.
    static func droppingTag(_ s: Substring, _ tags: Tags) -> Substring? {
        guard s.first == "[", let close = s.firstIndex(of: "]") else { return nil }
        if tags == .requestTag {
            guard s.hasPrefix("[OCM-") else { return nil }
            let inner = s[s.index(s.startIndex, offsetBy: 5)..<close]
            guard inner.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }), inner.contains("-") else { return nil }
        }
        return s[s.index(after: close)...]
    }
}
