/// The guess used wherever the charset is missing, wrong or unknown: UTF-8 where the bytes form
/// valid UTF-8, Windows-1252 byte by byte where they do not. Windows-1252 maps every byte, so
/// the guess never drops text, and a mostly-UTF-8 text with one stray Latin byte keeps both.
extension Charset {
    static func guess(_ bytes: ArraySlice<UInt8>) -> (text: String, validUTF8: Bool) {
        if let valid = String(validating: bytes, as: UTF8.self) { return (valid, true) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2)
        let table = SingleByteCharset.windows1252Table
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let length = utf8SequenceLength(bytes, at: i)
            if length > 0 {
                out.append(contentsOf: bytes[i..<(i + length)])
                i += length
            } else {
                SingleByteCharset.appendUTF8(table[Int(bytes[i]) - 0x80], to: &out)
                i += 1
            }
        }
        return (String(decoding: out, as: UTF8.self), false)
    }

    /// Length of the well-formed UTF-8 sequence starting at `i`, or 0 (RFC 3629 table:
    /// no overlongs, no surrogates, nothing above U+10FFFF).
    static func utf8SequenceLength(_ bytes: ArraySlice<UInt8>, at i: Int) -> Int {
        let lead = bytes[i]
        if lead < 0x80 { return 1 }
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard i + length <= bytes.endIndex else { return 0 }
        let second = bytes[i + 1]
        guard second >= low, second <= high else { return 0 }
        for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return 0 }
        return length
    }
}
