/// The Western single-byte charsets that make up nearly all non-UTF-8 mail at ICETEX, decoded
/// with our own tables: faster than iconv and identical on every platform.
enum SingleByteCharset: Sendable {
    case latin1
    case latin9
    case windows1252

    /// Code points for bytes 0x80–0xFF (index = byte − 0x80).
    var upperHalf: [UInt16] {
        switch self {
        case .latin1: return Self.latin1Table
        case .latin9: return Self.latin9Table
        case .windows1252: return Self.windows1252Table
        }
    }

    /// ISO-8859-1 maps bytes to the same code points.
    static let latin1Table: [UInt16] = (0x80...0xFF).map { UInt16($0) }

    /// ISO-8859-15 replaces eight Latin-1 symbols, among them 0xA4 ¤ → €.
    static let latin9Table: [UInt16] = {
        var t = latin1Table
        let changes: [(UInt8, UInt16)] = [
            (0xA4, 0x20AC), (0xA6, 0x0160), (0xA8, 0x0161), (0xB4, 0x017D),
            (0xB8, 0x017E), (0xBC, 0x0152), (0xBD, 0x0153), (0xBE, 0x0178),
        ]
        for (byte, scalar) in changes { t[Int(byte) - 0x80] = scalar }
        return t
    }()

    /// Windows-1252 puts typographic characters in 0x80–0x9F; the five holes (0x81, 0x8D, 0x8F,
    /// 0x90, 0x9D) keep their C1 code point, as browsers do, so no byte is ever lost.
    static let windows1252Table: [UInt16] = {
        var t = latin1Table
        let c1: [UInt16] = [
            0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
            0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
            0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
        ]
        for (i, scalar) in c1.enumerated() { t[i] = scalar }
        return t
    }()

    /// Decodes every byte; never fails.
    func decode<C: Collection<UInt8>>(_ bytes: C) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 4)
        let table = upperHalf
        for b in bytes {
            if b < 0x80 { out.append(b) } else { Self.appendUTF8(table[Int(b) - 0x80], to: &out) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// UTF-8 for a BMP code point (all table entries are in the BMP).
    static func appendUTF8(_ scalar: UInt16, to out: inout [UInt8]) {
        if scalar < 0x80 {
            out.append(UInt8(scalar))
        } else if scalar < 0x800 {
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        } else {
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
