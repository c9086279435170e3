/// Lays a header field out on lines (RFC 5322 2.2.3): whitespace between tokens is where a line
/// may be folded; lines stay within 78 characters where the tokens allow it and never exceed
/// 998 octets. Values arrive already split into tokens by the encoders, so folding needs no
/// knowledge of the field's grammar.
struct HeaderFolder {
    static let preferredLength = 78
    static let hardLength = 998

    /// A piece of a value that must stay on one line, and whether whitespace separates it from
    /// the previous piece (only there can the line be folded).
    struct Token: Sendable, Hashable {
        var text: String
        var spaceBefore: Bool

        init(_ text: String, spaceBefore: Bool = true) {
            self.text = text
            self.spaceBefore = spaceBefore
        }
    }

    /// `Name: tokens…` with folds, ending in CRLF.
    static func fold(name: String, _ tokens: [Token]) -> [UInt8] {
        var out: [UInt8] = Array(name.utf8) + [UInt8(ascii: ":")]
        var lineLength = out.count
        let nameOnly = out.count
        for (i, token) in tokens.enumerated() {
            let bytes = Array(token.text.utf8)
            let separator = i == 0 || token.spaceBefore ? 1 : 0
            let fits = lineLength + separator + bytes.count <= preferredLength
            // A fold goes only where whitespace is; never right after the name, so that the first
            // line always carries part of the value.
            if !fits, separator == 1, lineLength > nameOnly {
                out += [0x0D, 0x0A]
                lineLength = 0
            }
            if separator == 1 {
                out.append(0x20)
                lineLength += 1
            }
            append(bytes, to: &out, lineLength: &lineLength)
        }
        out += [0x0D, 0x0A]
        return out
    }

    /// Appends a token; one that would cross 998 octets (an absurd address or id: nothing we
    /// write ourselves) is split hard between characters, so the message stays well-formed.
    private static func append(_ bytes: [UInt8], to out: inout [UInt8], lineLength: inout Int) {
        var rest = bytes[...]
        while lineLength + rest.count > hardLength {
            var cut = rest.startIndex + max(0, hardLength - lineLength)
            while cut > rest.startIndex, cut < rest.endIndex, rest[cut] & 0xC0 == 0x80 { cut -= 1 }
            if cut == rest.startIndex, lineLength <= 1 { cut = rest.startIndex + 1 }
            out += rest[rest.startIndex..<cut]
            out += [0x0D, 0x0A, 0x20]
            lineLength = 1
            rest = rest[cut...]
        }
        out += rest
        lineLength += rest.count
    }
}
