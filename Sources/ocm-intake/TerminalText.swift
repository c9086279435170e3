/// Text from a mail made safe to print on a terminal: C0 and C1 controls (escape sequences
/// that move the cursor, retitle the window or hide text), DEL and the bidi controls that
/// reorder what is shown (U+202E makes "exe.txt" read "txt.exe") become visible `\u{…}`.
/// Line breaks between lines are kept; a break inside a decoded header is escaped too.
enum TerminalText {
    static func escaped(_ text: String) -> String {
        // Speed: most text has nothing to escape, which one pass over its bytes can tell.
        isSafe(text) ? text : escapedByLines(text)
    }

    /// The definition of `escaped`, line by line and scalar by scalar.
    static func escapedByLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escapedLine(String($0)) }.joined(separator: "\n")
    }

    static func escapedLine(_ line: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(line.unicodeScalars.count)
        for scalar in line.unicodeScalars {
            if isUnsafe(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `text` holds no `isUnsafe` scalar and no CR (a CR LF is one Character that
    /// `escaped` does not split on, so its LF is escaped too): then `escaped` returns it as is.
    static func isSafe(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { utf8 in
            let n = utf8.count
            var i = 0
            while i < n {
                let b = utf8[i]
                if b < 0x80 {
                    if (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x7F { return false }
                } else if i + 1 < n {
                    let c = utf8[i + 1]
                    switch b {
                    case 0xC2 where c < 0xA0: return false  // U+0080–U+009F
                    case 0xD8 where c == 0x9C: return false  // U+061C
                    case 0xE2 where i + 2 < n:
                        let d = utf8[i + 2]
                        if c == 0x80, d == 0x8E || d == 0x8F || (0xAA...0xAE).contains(d) { return false }
                        if c == 0x81, (0xA6...0xA9).contains(d) { return false }
                    default: break
                    }
                }
                i += 1
            }
            return true
        }
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
