/// Quoted-printable encoding (RFC 2045 6.7) of text: every line break becomes CRLF (a hard
/// break), lines are cut with soft breaks (`=` CRLF) at 76 characters, and `=`, controls,
/// 8-bit bytes and whitespace at the end of a line are escaped.
extension QuotedPrintable {
    static let maxLineLength = 76

    /// Encodes `text` as UTF-8. CRLF, lone LF and lone CR all count as one line break.
    public static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        for (i, line) in lines(Array(text.utf8)).enumerated() {
            if i > 0 { out += [0x0D, 0x0A] }
            encodeLine(line, into: &out)
        }
        return out
    }

    /// The lines of `bytes` without their breaks.
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0, i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D || bytes[i] == 0x0A {
                result.append(bytes[start..<i])
                i += bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
                start = i
            } else {
                i += 1
            }
        }
        result.append(bytes[start..<bytes.count])
        return result
    }

    static func encodeLine(_ line: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var length = 0
        for i in line.indices {
            let atom = self.atom(line[i], last: i == line.endIndex - 1, fromAt: line[i...].starts(with: fromPrefix) && i == line.startIndex)
            // The last atom of a line may use column 76; any other must leave room for the `=`.
            let limit = i == line.endIndex - 1 ? maxLineLength : maxLineLength - 1
            if length + atom.count > limit {
                out += [UInt8(ascii: "="), 0x0D, 0x0A]
                length = 0
            }
            out += atom
            length += atom.count
        }
    }

    static let fromPrefix: [UInt8] = Array("From ".utf8)

    /// One byte as it is written. `From ` at the start of a line is escaped too, so that mbox
    /// storage along the way cannot mangle the line into `>From `.
    static func atom(_ b: UInt8, last: Bool, fromAt: Bool) -> [UInt8] {
        let literal: Bool
        switch b {
        case 0x20, 0x09: literal = !last
        case UInt8(ascii: "="): literal = false
        case UInt8(ascii: "F"): literal = !fromAt
        case 0x21...0x7E: literal = true
        default: literal = false
        }
        if literal { return [b] }
        let digits = Array("0123456789ABCDEF".utf8)
        return [UInt8(ascii: "="), digits[Int(b >> 4)], digits[Int(b & 0x0F)]]
    }
}
