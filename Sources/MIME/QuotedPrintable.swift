/// Quoted-printable (RFC 2045 6.7) decoding, tolerant of what encoders in the wild get wrong.
public enum QuotedPrintable {
    /// Decodes `input`; `malformed` is true when an `=` escape was invalid and kept literally.
    public static func decode(_ input: ArraySlice<UInt8>) -> (bytes: [UInt8], malformed: Bool) {
        var out = [UInt8]()
        out.reserveCapacity(input.count)
        var malformed = false
        var i = input.startIndex
        let end = input.endIndex
        while i < end {
            let b = input[i]
            if b == 0x3D {  // "="
                if i + 2 < end, let hi = hex(input[i + 1]), let lo = hex(input[i + 2]) {
                    // QUIRK: lowercase hex (`=e9`) from some webmail encoders is accepted.
                    out.append(hi << 4 | lo)
                    i += 3
                    continue
                }
                if let next = softBreakEnd(input, after: i) { i = next; continue }
                // QUIRK: `=ZZ` or a lone `=` (hand-written mail, broken gateways): kept as is.
                malformed = true
                out.append(b)
                i += 1
            } else if b == 0x20 || b == 0x09 {
                var j = i
                while j < end, input[j] == 0x20 || input[j] == 0x09 { j += 1 }
                // Trailing whitespace on a line was added in transport (RFC 2045): drop it.
                if j < end, input[j] != 0x0D, input[j] != 0x0A { out.append(contentsOf: input[i..<j]) }
                i = j
            } else {
                out.append(b)
                i += 1
            }
        }
        return (out, malformed)
    }

    public static func decode(_ input: [UInt8]) -> (bytes: [UInt8], malformed: Bool) { decode(input[...]) }

    /// After `=` at `i`: if only whitespace remains before a line end (or the end), the index
    /// after that line end (a soft break); else nil.
    private static func softBreakEnd(_ input: ArraySlice<UInt8>, after i: Int) -> Int? {
        var j = i + 1
        // QUIRK: whitespace between `=` and the line end, added by some MTAs.
        while j < input.endIndex, input[j] == 0x20 || input[j] == 0x09 { j += 1 }
        if j == input.endIndex { return j == i + 1 ? nil : j }
        if input[j] == 0x0A { return j + 1 }
        if input[j] == 0x0D { return j + 1 < input.endIndex && input[j + 1] == 0x0A ? j + 2 : j + 1 }
        return nil
    }

    @inline(__always) private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x37
        case 0x61...0x66: return c - 0x57
        default: return nil
        }
    }
}
