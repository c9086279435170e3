/// Text from a mail made safe to print on a terminal: C0 and C1 controls (escape sequences
/// that move the cursor, retitle the window or hide text), DEL and the bidi controls that
/// reorder what is shown (U+202E makes "exe.txt" read "txt.exe") become visible `\u{…}`.
/// Line breaks between lines are kept; a break inside a decoded header is escaped too.
enum TerminalText {
    static func escaped(_ text: String) -> String {
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

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
