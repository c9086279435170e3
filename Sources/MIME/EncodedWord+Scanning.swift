/// Recognising one `=?charset?enc?text?=` word and undoing its B or Q encoding, leniently:
/// broken padding, a missing `?=` or stray characters still give the text with an issue.
extension EncodedWord {
    /// Charset names longer than this are not words (bounds the scan of every stray `=?`).
    static let maxCharsetLength = 64

    static func scan(_ raw: [UInt8], at start: Int) -> ScanResult {
        var i = start + 2
        let charsetStart = i
        while i < raw.count, raw[i] != UInt8(ascii: "?"), !isBlank(raw[i]), i - charsetStart <= maxCharsetLength { i += 1 }
        guard i < raw.count, raw[i] == UInt8(ascii: "?"), i > charsetStart, i + 2 < raw.count,
              raw[i + 2] == UInt8(ascii: "?") else { return .notAWord }
        let charset = String(decoding: raw[charsetStart..<i], as: UTF8.self)
        let letter = raw[i + 1] | 0x20
        let textStart = i + 3
        var end = textStart
        var terminated = false
        while end < raw.count, !isBlank(raw[end]) {
            if raw[end] == UInt8(ascii: "?"), end + 1 < raw.count, raw[end + 1] == UInt8(ascii: "=") {
                terminated = true
                break
            }
            end += 1
        }
        let wordEnd = terminated ? end + 2 : end
        guard letter == UInt8(ascii: "b") || letter == UInt8(ascii: "q") else { return .garbled(end: wordEnd) }
        var text = raw[textStart..<end]
        // A word cut short by a missing `?=` often still ends in `?`.
        while text.last == UInt8(ascii: "?") { text = text.dropLast() }
        let decoded = letter == UInt8(ascii: "b") ? decodeB(text) : decodeQ(text)
        let malformed = !terminated || decoded.malformed || text.isEmpty
        return .word(Word(charset: charset, bytes: decoded.bytes, malformed: malformed, end: wordEnd))
    }

    /// Q encoding (RFC 2047 4.2): `_` is a space, `=XX` a byte; a lone `=` is kept as is.
    static func decodeQ(_ text: ArraySlice<UInt8>) -> (bytes: [UInt8], malformed: Bool) {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var malformed = false
        var i = text.startIndex
        while i < text.endIndex {
            let b = text[i]
            if b == UInt8(ascii: "_") {
                out.append(0x20)
            } else if b == UInt8(ascii: "="), let hi = hexValue(text, i + 1), let lo = hexValue(text, i + 2) {
                out.append(hi << 4 | lo)
                i += 3
                continue
            } else {
                if b == UInt8(ascii: "=") { malformed = true }
                out.append(b)
            }
            i += 1
        }
        return (out, malformed)
    }

    static func hexValue(_ text: ArraySlice<UInt8>, _ i: Int) -> UInt8? {
        guard i < text.endIndex else { return nil }
        switch text[i] {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return text[i] - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return text[i] - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return text[i] - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    /// B encoding: base64 that tolerates missing or misplaced padding and stray characters.
    static func decodeB(_ text: ArraySlice<UInt8>) -> (bytes: [UInt8], malformed: Bool) {
        var out: [UInt8] = []
        out.reserveCapacity(text.count * 3 / 4)
        var malformed = false
        var accumulator: UInt32 = 0
        var bits = 0
        var symbols = 0
        var padded = false
        for c in text {
            let v = base64Values[Int(c)]
            if v < 0 {
                if c == UInt8(ascii: "=") { padded = true } else { malformed = true }
                continue
            }
            if padded { malformed = true; padded = false; accumulator = 0; bits = 0 }
            accumulator = accumulator << 6 | UInt32(v)
            bits += 6
            symbols += 1
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }
        if symbols % 4 == 1 { malformed = true }
        if symbols % 4 != 0, !padded { malformed = true }
        return (out, malformed)
    }

    static let base64Values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = Int8(i) }
        return table
    }()
}
