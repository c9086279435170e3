/// Base64 (RFC 2045 6.8) decoding that reads what real senders produce, fast on bytes.
public enum Base64 {
    /// Sextet per byte; `skip` for whitespace, `pad` for `=`, `junk` for anything else.
    private static let skip: UInt8 = 0xFE, pad: UInt8 = 0xFD, junk: UInt8 = 0xFF
    private static let table: [UInt8] = {
        var t = [UInt8](repeating: junk, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        for c: UInt8 in [0x20, 0x09, 0x0D, 0x0A, 0x0B, 0x0C] { t[Int(c)] = skip }
        t[Int(UInt8(ascii: "="))] = pad
        return t
    }()

    /// Decodes `input`; `malformed` is true when bytes outside the alphabet had to be skipped or
    /// a dangling single sextet was dropped. Whitespace and missing padding are not malformed.
    public static func decode(_ input: ArraySlice<UInt8>) -> (bytes: [UInt8], malformed: Bool) {
        var out = [UInt8]()
        out.reserveCapacity(input.count / 4 * 3 + 3)
        var malformed = false
        var acc: UInt32 = 0
        var n = 0
        input.withUnsafeBufferPointer { buf in
            table.withUnsafeBufferPointer { t in
                for c in buf {
                    let v = t[Int(c)]
                    if v < 64 {
                        acc = acc << 6 | UInt32(v)
                        n += 1
                        if n == 4 {
                            out.append(UInt8(truncatingIfNeeded: acc >> 16))
                            out.append(UInt8(truncatingIfNeeded: acc >> 8))
                            out.append(UInt8(truncatingIfNeeded: acc))
                            acc = 0; n = 0
                        }
                    } else if v == pad {
                        // QUIRK: data after padding (concatenated encoder chunks from some
                        // gateways): flush this quantum and go on decoding.
                        if flush(&acc, &n, into: &out) { malformed = true }
                    } else if v == junk {
                        malformed = true
                    }
                }
            }
        }
        if flush(&acc, &n, into: &out) { malformed = true }
        return (out, malformed)
    }

    /// Convenience for whole arrays.
    public static func decode(_ input: [UInt8]) -> (bytes: [UInt8], malformed: Bool) { decode(input[...]) }

    /// Emits the bytes of a partial quantum; true when a lone sextet had to be dropped.
    private static func flush(_ acc: inout UInt32, _ n: inout Int, into out: inout [UInt8]) -> Bool {
        defer { acc = 0; n = 0 }
        switch n {
        case 2: out.append(UInt8(truncatingIfNeeded: acc >> 4)); return false
        case 3:
            out.append(UInt8(truncatingIfNeeded: acc >> 10))
            out.append(UInt8(truncatingIfNeeded: acc >> 2))
            return false
        case 1: return true
        default: return false
        }
    }
}
