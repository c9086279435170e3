import Foundation

extension MailServerURL {
    /// `text` with the user-info part (`user:password@`) replaced by `***@`, so an error about
    /// a URL that wrongly carries a password never prints it. Text that is not a URL is kept
    /// only up to its scheme.
    public static func redacted(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return text }
        return String(text[..<schemeEnd.upperBound]) + "***" + String(rest[at...])
    }
}
