import Foundation

/// The byte-level scanning behind `PDFText`: keyword search, string literals, content-stream
/// operators. Every loop advances through a bounded array; nothing is recursive.
struct PDFScanner {
    /// Starts at index 0 (the file's first `maxScannedBytes`, a prefix slice: not a copy).
    let bytes: ArraySlice<UInt8>

    struct Stream {
        var content: Range<Int>
        /// What the stream's dictionary says about its encoding and use.
        var kind: PDFStreamKind
        /// Where to continue scanning after this stream.
        var end: Int
    }

    func find(_ keyword: String, from start: Int, before limit: Int? = nil) -> Int? {
        let needle = Array(keyword.utf8)
        let end = min(limit ?? bytes.count, bytes.count) - needle.count
        guard start <= end, let first = needle.first else { return nil }
        var i = start
        while i <= end {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// The `/Title` of the trailer's `/Info` dictionary; else the first `/Title` in the file.
    func infoTitle() -> String? {
        if let trailer = lastIndex(of: "trailer") ?? lastIndex(of: "/Info"),
           let info = find("/Info", from: trailer) {
            var i = info + 5
            let object = readInteger(&i), generation = readInteger(&i)
            if let object, let generation, let start = find("\n\(object) \(generation) obj", from: 0)
                ?? find("\r\(object) \(generation) obj", from: 0) {
                let end = find("endobj", from: start) ?? bytes.count
                if let title = find("/Title", from: start, before: end), let text = stringOperand(at: title + 6) {
                    return text
                }
            }
        }
        return find("/Title", from: 0).flatMap { stringOperand(at: $0 + 6) }
    }

    /// The next `stream … endstream` after `start`, with what its dictionary says it holds.
    func nextStream(from start: Int) -> Stream? {
        var i = start
        while let keyword = find("stream", from: i) {
            i = keyword + 6
            // "endstream" also contains "stream".
            if keyword >= 3, bytes[(keyword - 3)..<keyword].elementsEqual(Array("end".utf8)) { continue }
            var contentStart = keyword + 6
            if contentStart < bytes.count, bytes[contentStart] == 0x0D { contentStart += 1 }
            if contentStart < bytes.count, bytes[contentStart] == 0x0A { contentStart += 1 }
            let contentEnd = find("endstream", from: contentStart) ?? bytes.count
            let dictionaryStart = max(0, keyword - 4_096)
            let objectStart = lastIndex(of: " obj", in: dictionaryStart..<keyword) ?? dictionaryStart
            let kind = PDFStreamKind(dictionary: bytes[objectStart..<keyword])
            return Stream(content: contentStart..<contentEnd, kind: kind, end: contentEnd + 9)
        }
        return nil
    }

    /// Strings shown by text operators, one entry per `BT … ET` block.
    func shownText(in range: Range<Int>) -> [String] {
        var lines: [String] = []
        var line = ""
        var operands: [String] = []
        var arrayDepth = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "("):
                operands.append(literalString(at: &i, end: range.upperBound))
            case UInt8(ascii: "<") where i + 1 < range.upperBound && bytes[i + 1] != UInt8(ascii: "<"):
                operands.append(hexString(at: &i, end: range.upperBound))
            case UInt8(ascii: "["): arrayDepth += 1; i += 1
            case UInt8(ascii: "]"): arrayDepth = max(0, arrayDepth - 1); i += 1
            case _ where Self.isRegular(byte):
                let start = i
                while i < range.upperBound, Self.isRegular(bytes[i]) { i += 1 }
                let op = String(decoding: bytes[start..<i], as: UTF8.self)
                switch op {
                case "Tj", "TJ", "'", "\"": line += operands.joined(); operands = []
                case "Td", "TD", "T*", "Tm": if !line.isEmpty, !line.hasSuffix(" ") { line += " " }; operands = []
                case "ET":
                    let cleaned = OfficeText.clean(line)
                    if !cleaned.isEmpty { lines.append(cleaned) }
                    line = ""; operands = []
                default: if arrayDepth == 0, Double(op) == nil { operands = [] }
                }
            default: i += 1
            }
        }
        let cleaned = OfficeText.clean(line)
        if !cleaned.isEmpty { lines.append(cleaned) }
        return lines
    }

    // MARK: - Lexing

    private static func isRegular(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20: return false
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"): return false
        default: return true
        }
    }

    private func lastIndex(of keyword: String, in range: Range<Int>? = nil) -> Int? {
        let needle = Array(keyword.utf8)
        let range = range ?? 0..<bytes.count
        var i = range.upperBound - needle.count
        while i >= range.lowerBound {
            if bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }

    private func readInteger(_ i: inout Int) -> Int? {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        var value = 0, digits = 0
        while i < bytes.count, (0x30...0x39).contains(bytes[i]), digits < 9 {
            value = value * 10 + Int(bytes[i] - 0x30); digits += 1; i += 1
        }
        return digits == 0 ? nil : value
    }

    /// A literal or hex string after optional whitespace at `start`.
    private func stringOperand(at start: Int) -> String? {
        var i = start
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        guard i < bytes.count else { return nil }
        let text: String
        switch bytes[i] {
        case UInt8(ascii: "("): text = literalString(at: &i, end: bytes.count)
        case UInt8(ascii: "<"): text = hexString(at: &i, end: bytes.count)
        default: return nil
        }
        let cleaned = OfficeText.clean(text)
        return cleaned.isEmpty ? nil : cleaned
    }

    /// `( … )` with balanced parentheses and backslash escapes (PDF 32000 7.3.4.2).
    private func literalString(at i: inout Int, end: Int) -> String {
        var out: [UInt8] = []
        var depth = 0
        i += 1
        while i < end, out.count < 65_536 {
            let byte = bytes[i]
            i += 1
            switch byte {
            case UInt8(ascii: "("): depth += 1; out.append(byte)
            case UInt8(ascii: ")"):
                if depth == 0 { return Self.decode(out) }
                depth -= 1; out.append(byte)
            case UInt8(ascii: "\\") where i < end:
                let escaped = bytes[i]
                i += 1
                switch escaped {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"), UInt8(ascii: "f"): break
                case 0x0A, 0x0D: break
                case 0x30...0x37:
                    var value = Int(escaped - 0x30)
                    for _ in 0..<2 where i < end && (0x30...0x37).contains(bytes[i]) {
                        value = value * 8 + Int(bytes[i] - 0x30); i += 1
                    }
                    out.append(UInt8(truncatingIfNeeded: value))
                default: out.append(escaped)
                }
            default: out.append(byte)
            }
        }
        return Self.decode(out)
    }

    /// `< 48 65 >`, whitespace allowed, odd digit count padded with 0 (7.3.4.3).
    private func hexString(at i: inout Int, end: Int) -> String {
        var out: [UInt8] = []
        var high: UInt8?
        i += 1
        while i < end, bytes[i] != UInt8(ascii: ">"), out.count < 65_536 {
            let byte = bytes[i]
            i += 1
            let nibble: UInt8
            switch byte {
            case 0x30...0x39: nibble = byte - 0x30
            case 0x41...0x46: nibble = byte - 0x37
            case 0x61...0x66: nibble = byte - 0x57
            default: continue
            }
            if let h = high { out.append(h << 4 | nibble); high = nil } else { high = nibble }
        }
        if let h = high { out.append(h << 4) }
        i += 1
        return Self.decode(out)
    }

    /// UTF-16BE with a BOM, UTF-8 with a BOM, else PDFDocEncoding read as Latin-1 (the two
    /// agree on the letters Spanish needs); control characters dropped.
    private static func decode(_ raw: [UInt8]) -> String {
        let text: String
        if raw.starts(with: [0xFE, 0xFF]) {
            var units: [UInt16] = []
            var k = 2
            while k + 1 < raw.count { units.append(UInt16(raw[k]) << 8 | UInt16(raw[k + 1])); k += 2 }
            text = String(decoding: units, as: UTF16.self)
        } else if raw.starts(with: [0xEF, 0xBB, 0xBF]) {
            text = String(decoding: raw.dropFirst(3), as: UTF8.self)
        } else {
            text = String(String.UnicodeScalarView(raw.map { Unicode.Scalar($0) }))
        }
        return String(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" }.map(Character.init))
    }
}
