/// Text that is about to become (part of) a header value. Whatever a value holds — a subject
/// or a display name copied from an incoming mail — it leaves here on one line: control
/// characters (CR and LF among them) become spaces, so no value can start a header of its own.
enum HeaderText {
    /// `text` with every control or line-separating character replaced by a space, runs of
    /// whitespace collapsed to one space and the ends trimmed.
    static func flattened(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isBreaking(scalar) || scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out)
    }

    /// C0 and C1 controls, DEL, and the Unicode line and paragraph separators: none may reach
    /// the wire inside a header value.
    static func isBreaking(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Drops control characters and whitespace altogether: for tokens that may not contain
    /// spaces (an address, a message id).
    static func compact(_ text: String, dropping extra: Set<Unicode.Scalar> = []) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars
        where !isBreaking(scalar) && !scalar.properties.isWhitespace && !extra.contains(scalar) {
            out.append(scalar)
        }
        return String(out)
    }

    /// A header name keeps only RFC 5322 `ftext` (printable ASCII but the colon).
    static func fieldName(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.filter { (33...126).contains($0.value) && $0 != ":" }))
    }
}
