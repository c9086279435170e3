import Intake

/// Subjects of replies: the request tag `[OCM-YYYY-NNNN]` that threads follow-ups, and the
/// clean topic of an incoming subject (client prefixes and earlier tags removed), so replies
/// never stack `RE: RE: [OCM-…] RV:`.
public enum ReplySubject {
    /// `[OCM-2026-0001]`.
    public static func tag(_ requestID: String) -> String { "[\(requestID)]" }

    /// `subject` without leading reply/forward prefixes and request tags; nil when nothing is left.
    public static func topic(of subject: String?) -> String? {
        subject.map { SubjectPrefixes.stripped($0.singleLine, tags: .requestTag) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The subject as sent: the template's line on one line, with the tag in front when the
    /// template left it out.
    static func finish(_ rendered: String, requestID: String, fallback: String) -> String {
        var subject = rendered.singleLine
        if subject.isEmpty { subject = fallback }
        return subject.contains(tag(requestID)) ? subject : tag(requestID) + " " + subject
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
