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
    /// The fast path's two tables, indexed by two input bytes read as one little-endian `UInt16`
    /// (65,536 entries each, 512 KB together, of which the alphabet's pairs touch ~48 KB): the
    /// 12 bits of a pair already in their place among a group's 3 output bytes (little-endian),
    /// or `badGroup` when either byte is outside the alphabet. A group costs two 2-byte loads,
    /// two lookups and one OR (four lookups and three ORs with one table per byte).
    private static let badGroup: UInt32 = 0x0100_0000
    private static let pairTables: [UInt32] = {
        var t = [UInt32](repeating: badGroup, count: 2 << 16)
        for first in 0..<256 where table[first] < 64 {
            for second in 0..<256 where table[second] < 64 {
                let a = UInt32(table[first]), b = UInt32(table[second])
                let index = first | second << 8  // as `pair` reads it, on any byte order
                // Bytes 0, 1 of the 3: aaaaaabb bbbb…; then …cccc ccdddddd.
                t[index] = (a << 2 | b >> 4) | (b & 0xF) << 12
                t[1 << 16 + index] = (a >> 2) << 8 | ((a & 3) << 6 | b) << 16
            }
        }
        return t
    }()

    /// Decodes `input`; `malformed` is true when bytes outside the alphabet had to be skipped or
    /// a dangling single sextet was dropped. Whitespace and missing padding are not malformed.
    ///
    /// Speed: whole 4-byte groups of alphabet characters (nearly all of a 76-column body) are
    /// decoded straight into a preallocated buffer; only line breaks, padding, junk and the
    /// groups they split go through the byte-wise state machine, which also decides `malformed`.
    public static func decode(_ input: ArraySlice<UInt8>) -> (bytes: [UInt8], malformed: Bool) {
        var malformed = false
        // Every 4 input bytes give at most 3 output bytes, partial quanta (2 → 1, 3 → 2) included;
        // 8 spare bytes let the fast path store whole 8-byte words of which 6 count.
        let capacity = input.count / 4 * 3 + 8
        let out = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = input.withUnsafeBufferPointer { source in
                table.withUnsafeBufferPointer { t in
                    pairTables.withUnsafeBufferPointer { g in
                        decode(source, into: buffer.baseAddress!, table: t.baseAddress!, pairs: g.baseAddress!, malformed: &malformed)
                    }
                }
            }
        }
        return (out, malformed)
    }

    /// The decoding loop; returns the number of bytes written to `out`.
    private static func decode(_ source: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>,
                               table t: UnsafePointer<UInt8>, pairs g: UnsafePointer<UInt32>,
                               malformed: inout Bool) -> Int {
        guard let s = source.baseAddress else { return 0 }
        let count = source.count
        var quantum = Quantum()
        var i = 0, o = 0
        // The length of the last line read whole by the fast path (76 for nearly every sender).
        var lineStart = 0, lineLength = 0
        while i < count {
            if quantum.n == 0 {
                // Fast path: four, then two groups of four alphabet characters per step, each
                // two stored as one 8-byte word of which 6 count, then a last group as one
                // 4-byte word of which 3 count (the capacity has room for the spare bytes).
                // Wrapping arithmetic: the indexes are bounded by `count`, and overflow checks
                // cost a third of the loop. When a break sits where the last line's length says,
                // the steps stop there instead of each failing once on it; any other bound only
                // hands more bytes to the byte-wise path, which decodes everything correctly.
                let raw = UnsafeMutableRawPointer(out)
                let second = g + 1 << 16
                let guess = i &+ lineLength
                let end = lineLength > 0 && guess < count && t[Int(s[guess])] == skip ? guess : count
                while i &+ 16 <= end {
                    let p = UnsafeRawPointer(s + i)
                    let a = g[Self.pair(p, 0)] | second[Self.pair(p, 2)]
                    let b = g[Self.pair(p, 4)] | second[Self.pair(p, 6)]
                    let c = g[Self.pair(p, 8)] | second[Self.pair(p, 10)]
                    let d = g[Self.pair(p, 12)] | second[Self.pair(p, 14)]
                    if (a | b | c | d) & badGroup != 0 { break }
                    raw.storeBytes(of: (UInt64(a) | UInt64(b) &<< 24).littleEndian, toByteOffset: o, as: UInt64.self)
                    raw.storeBytes(of: (UInt64(c) | UInt64(d) &<< 24).littleEndian, toByteOffset: o &+ 6, as: UInt64.self)
                    o &+= 12
                    i &+= 16
                }
                while i &+ 8 <= end {
                    let p = UnsafeRawPointer(s + i)
                    let a = g[Self.pair(p, 0)] | second[Self.pair(p, 2)]
                    let b = g[Self.pair(p, 4)] | second[Self.pair(p, 6)]
                    if (a | b) & badGroup != 0 { break }
                    raw.storeBytes(of: (UInt64(a) | UInt64(b) &<< 24).littleEndian, toByteOffset: o, as: UInt64.self)
                    o &+= 6
                    i &+= 8
                }
                while i &+ 4 <= end {
                    let p = UnsafeRawPointer(s + i)
                    let v = g[Self.pair(p, 0)] | second[Self.pair(p, 2)]
                    if v & badGroup != 0 { break }
                    raw.storeBytes(of: v.littleEndian, toByteOffset: o, as: UInt32.self)
                    o &+= 3
                    i &+= 4
                }
                if i >= count { break }
                // A line break between whole groups changes nothing: skip the run here rather
                // than fail the 4-byte lookup once per byte of it.
                if t[Int(s[i])] == skip {
                    lineLength = i &- lineStart
                    i += 1
                    while i < count, t[Int(s[i])] == skip { i += 1 }
                    lineStart = i
                    continue
                }
            }
            // Byte-wise path: line breaks, padding, junk, and the tail.
            let v = t[Int(s[i])]
            i += 1
            if v < 64 {
                quantum.acc = quantum.acc << 6 | UInt32(v)
                quantum.n += 1
                if quantum.n == 4 {
                    out[o] = UInt8(truncatingIfNeeded: quantum.acc >> 16)
                    out[o + 1] = UInt8(truncatingIfNeeded: quantum.acc >> 8)
                    out[o + 2] = UInt8(truncatingIfNeeded: quantum.acc)
                    o += 3
                    quantum = Quantum()
                }
            } else if v == pad {
                // QUIRK: data after padding (concatenated encoder chunks from some
                // gateways): flush this quantum and go on decoding.
                if quantum.flush(into: out, at: &o) { malformed = true }
            } else if v == junk {
                malformed = true
            }
        }
        if quantum.flush(into: out, at: &o) { malformed = true }
        return o
    }

    /// The table index of the two bytes at `p + offset`.
    @inline(__always)
    private static func pair(_ p: UnsafeRawPointer, _ offset: Int) -> Int {
        Int(UInt16(littleEndian: p.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
    }

    /// Convenience for whole arrays.
    public static func decode(_ input: [UInt8]) -> (bytes: [UInt8], malformed: Bool) { decode(input[...]) }

    /// Sextets of the group being read by the byte-wise path.
    private struct Quantum {
        var acc: UInt32 = 0
        var n = 0

        /// Emits the bytes of a partial quantum; true when a lone sextet had to be dropped.
        mutating func flush(into out: UnsafeMutablePointer<UInt8>, at o: inout Int) -> Bool {
            defer { self = Quantum() }
            switch n {
            case 2:
                out[o] = UInt8(truncatingIfNeeded: acc >> 4)
                o += 1
                return false
            case 3:
                out[o] = UInt8(truncatingIfNeeded: acc >> 10)
                out[o + 1] = UInt8(truncatingIfNeeded: acc >> 2)
                o += 2
                return false
            case 1: return true
            default: return false
            }
        }
    }
}
