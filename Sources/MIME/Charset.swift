/// Turns bytes in a declared (or undeclared) charset into text. Never fails: unknown charsets and
/// invalid bytes fall back to a guess, recorded as an issue, so no text is ever dropped.
public enum Charset {
    /// Decodes `bytes` as `declared` (a MIME charset name, any case, with aliases).
    /// `nil` or an unknown name: guess (UTF-8 when valid, else Windows-1252).
    public static func decode(_ bytes: [UInt8], declared: String?) -> DecodedText {
        // PLACEHOLDER (helper A replaces): UTF-8 when valid, else Latin-1.
        if let s = String(validating: bytes, as: UTF8.self) { return DecodedText(s) }
        return DecodedText(String(decoding: bytes.map { UInt16($0) }, as: UTF16.self), issues: [.undeclared8Bit])
    }
}
