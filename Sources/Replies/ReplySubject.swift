/// Subjects of replies: the request tag `[OCM-YYYY-NNNN]` that threads follow-ups, and the
/// clean topic of an incoming subject (client prefixes and earlier tags removed), so replies
/// never stack `RE: RE: [OCM-…] RV:`.
public enum ReplySubject {
    /// Reply and forward prefixes of Spanish, English and other clients' UIs (`RE:`, `RV:`,
    /// `RES:`, `Fwd:`, `TR:`, `AW:`, `WG:`, `ENC:`), any case, with Outlook's `RE[2]:` counters.
    static let prefixes: Set<String> = ["re", "rv", "res", "fw", "fwd", "tr", "aw", "wg", "enc", "r"]

    /// `[OCM-2026-0001]`.
    public static func tag(_ requestID: String) -> String { "[\(requestID)]" }

    /// `subject` without leading reply/forward prefixes and request tags; nil when nothing is left.
    public static func topic(of subject: String?) -> String? {
        guard var rest = subject.map({ Substring($0.singleLine) }) else { return nil }
        while true {
            rest = rest.drop { $0 == " " }
            if let after = droppingPrefix(rest) ?? droppingTag(rest) { rest = after } else { break }
        }
        return rest.isEmpty ? nil : String(rest)
    }

    /// The subject as sent: the template's line on one line, with the tag in front when the
    /// template left it out.
    static func finish(_ rendered: String, requestID: String, fallback: String) -> String {
        var subject = rendered.singleLine
        if subject.isEmpty { subject = fallback }
        return subject.contains(tag(requestID)) ? subject : tag(requestID) + " " + subject
    }

    /// `RE:`, `RE[3]:`, `Re :` → what follows.
    static func droppingPrefix(_ s: Substring) -> Substring? {
        let word = s.prefix { $0.isLetter }
        guard !word.isEmpty, prefixes.contains(word.lowercased()) else { return nil }
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

    /// `[OCM-2026-0001]` → what follows.
    static func droppingTag(_ s: Substring) -> Substring? {
        guard s.hasPrefix("[OCM-"), let close = s.firstIndex(of: "]") else { return nil }
        let inner = s[s.index(s.startIndex, offsetBy: 5)..<close]
        guard inner.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }), inner.contains("-") else { return nil }
        return s[s.index(after: close)...]
    }
}

extension String {
    /// On one line: control characters and line separators become spaces, runs of whitespace
    /// one space, ends trimmed. For values from mail that land in a line of the reply.
    var singleLine: String {
        var out = ""
        var pendingSpace = false
        for scalar in unicodeScalars {
            let breaking = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
                || scalar.value == 0x2029
            if breaking || scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out += " " }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
