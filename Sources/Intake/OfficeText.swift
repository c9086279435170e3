/// Text clean-up shared by the Office readers: what a run boundary or a soft break leaves
/// behind is not meaningful to a keyword rule.
enum OfficeText {
    /// Collapses whitespace runs (tabs, breaks, NBSP, PowerPoint's vertical tab) to one space
    /// and trims the ends.
    static func clean(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for ch in text {
            if ch.isWhitespace || ch == "\u{0B}" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(ch)
            }
        }
        return out
    }
}
