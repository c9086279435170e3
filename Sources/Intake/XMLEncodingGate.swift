import Foundation

/// Lets only UTF-8 and UTF-16 XML reach libxml2, always as UTF-8 without an encoding switch.
///
/// Why: a part declaring `encoding="UTF-32"` or `"EBCDIC-US"`, or `"UTF-7"` with non-ASCII
/// text, crashed libxml2 inside `xmlSwitchToEncoding`. Office writes only UTF-8 and UTF-16
/// (ECMA-376 Part 2, 8.1.4), so anything else is refused with a warning before any parser runs.
enum XMLEncodingGate {
    enum Verdict: Equatable {
        case utf8(Data)
        case refused(encoding: String)
    }

    static func utf8(_ data: Data) -> Verdict {
        let head = [UInt8](data.prefix(4))
        func starts(_ prefix: [UInt8]) -> Bool { head.starts(with: prefix) }
        if starts([0x00, 0x00, 0xFE, 0xFF]) || starts([0xFF, 0xFE, 0x00, 0x00])
            || starts([0x00, 0x00, 0x00, 0x3C]) || starts([0x3C, 0x00, 0x00, 0x00]) {
            return .refused(encoding: "UTF-32")
        }
        if starts([0x4C, 0x6F, 0xA7, 0x94]) { return .refused(encoding: "EBCDIC") }
        var text: Data
        var transcoded = false
        if starts([0xFF, 0xFE]) || starts([0x3C, 0x00]) {
            guard let string = decodeUTF16(data, bigEndian: false) else { return .refused(encoding: "UTF-16LE (invalid)") }
            text = Data(string.utf8); transcoded = true
        } else if starts([0xFE, 0xFF]) || starts([0x00, 0x3C]) {
            guard let string = decodeUTF16(data, bigEndian: true) else { return .refused(encoding: "UTF-16BE (invalid)") }
            text = Data(string.utf8); transcoded = true
        } else {
            text = data
            if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
        }
        guard let declaration = declarationRange(text) else { return .utf8(Data(text)) }
        let declared = encodingName(in: text[declaration])
        if let declared {
            let name = declared.lowercased()
            let utf8 = name == "utf-8" || name == "utf8"
            guard utf8 || (transcoded && (name.hasPrefix("utf-16") || name == "utf16")) else {
                return .refused(encoding: declared)
            }
        }
        guard declared != nil, transcoded else { return .utf8(Data(text)) }
        // Blank the declaration (same length keeps columns): the bytes are UTF-8 now.
        var blanked = Data(text)
        let offset = declaration.lowerBound - text.startIndex
        blanked.replaceSubrange(offset..<(offset + declaration.count), with: Data(repeating: 0x20, count: declaration.count))
        return .utf8(blanked)
    }

    private static func decodeUTF16(_ data: Data, bigEndian: Bool) -> String? {
        var body = data
        if body.starts(with: bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) { body = body.dropFirst(2) }
        guard body.count % 2 == 0 else { return nil }
        return String(data: Data(body), encoding: bigEndian ? .utf16BigEndian : .utf16LittleEndian)
    }

    /// `<?xml … ?>` at the very start, looked for in the first 512 bytes only.
    private static func declarationRange(_ text: Data) -> Range<Data.Index>? {
        guard text.starts(with: Array("<?xml".utf8)) else { return nil }
        let window = text.prefix(512)
        guard let close = window.firstRange(of: Array("?>".utf8)) else { return nil }
        return text.startIndex..<close.upperBound
    }

    /// The value of `encoding="…"` (or '…') in a declaration.
    private static func encodingName(in declaration: Data) -> String? {
        let text = String(decoding: declaration, as: UTF8.self)
        guard let key = text.range(of: "encoding") else { return nil }
        var rest = text[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return "?" }
        rest = rest.dropFirst()
        return String(rest.prefix { $0 != quote })
    }
}
