/// Turns bytes in a declared (or undeclared) charset into text. Never fails: unknown charsets and
/// invalid bytes fall back to a guess, recorded as an issue, so no text is ever dropped.
public enum Charset {
    /// Decodes `bytes` as `declared` (a MIME charset name, any case, with aliases).
    /// `nil` or an unknown name: guess (UTF-8 when valid, else Windows-1252).
    public static func decode(_ bytes: [UInt8], declared: String?) -> DecodedText {
        switch resolve(declared) {
        case .undeclared, .ascii:
            return decodeUndeclared(bytes)
        case .utf8:
            return decodeUTF8(bytes)
        case .singleByte(let table):
            return DecodedText(table.decode(bytes))
        case .utf16:
            return decodeIconv(bytes, name: utf16Variant(bytes))
        case .iconv(let name):
            return decodeIconv(bytes, name: name)
        }
    }

    /// Text with no charset (or `us-ascii`): plain ASCII needs no comment; 8-bit bytes are a guess.
    static func decodeUndeclared(_ bytes: [UInt8]) -> DecodedText {
        if isASCII(bytes) { return DecodedText(String(decoding: bytes, as: UTF8.self)) }
        return DecodedText(guess(bytes[...]).text, issues: [.undeclared8Bit])
    }

    /// Declared UTF-8 that is not: each invalid byte is read as Windows-1252 (what such mail
    /// almost always is), valid sequences around it stay UTF-8.
    static func decodeUTF8(_ bytes: [UInt8]) -> DecodedText {
        let body = bytes.starts(with: utf8BOM) ? bytes[3...] : bytes[...]
        if let valid = String(validating: body, as: UTF8.self) { return DecodedText(valid) }
        return DecodedText(guess(body).text, issues: [.invalidBytesForCharset])
    }

    static func decodeIconv(_ bytes: [UInt8], name: String) -> DecodedText {
        guard let result = IconvDecoder.decode(bytes, from: name) else {
            var issues: [MIMEWarning.Kind] = [.unknownCharset]
            let guessed = guess(bytes[...])
            if !guessed.validUTF8 { issues.append(.undeclared8Bit) }
            return DecodedText(guessed.text, issues: issues)
        }
        return DecodedText(result.text, issues: result.invalid ? [.invalidBytesForCharset] : [])
    }

    /// Bare `utf-16`: the BOM decides; without one, where the zero bytes of ASCII text sit
    /// (RFC 2781 says big-endian, but Windows writes little-endian).
    static func utf16Variant(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
        var evenZeros = 0, oddZeros = 0
        for (i, b) in bytes.prefix(4096).enumerated() where b == 0 {
            if i & 1 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        return oddZeros > evenZeros ? "UTF-16LE" : "UTF-16BE"
    }

    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func isASCII<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }
}
