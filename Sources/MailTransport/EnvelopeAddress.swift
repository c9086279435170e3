/// An SMTP envelope address (`MAIL FROM` / `RCPT TO`), checked before any network I/O so a value
/// taken from an incoming mail can never inject a command: no CR/LF or other control
/// characters, no spaces or angle brackets, exactly one `@`, RFC 5321 lengths.
struct EnvelopeAddress: Sendable, Hashable {
    /// Without angle brackets.
    let address: String

    struct Problem: Error {
        let excerpt: String
        let problem: String
    }

    init(_ text: String) throws(Problem) {
        func refuse(_ problem: String) -> Problem { Problem(excerpt: IMAPCommand.escaped(text), problem: problem) }
        let bytes = Array(text.utf8)
        if bytes.contains(where: { $0 == 0x0D || $0 == 0x0A }) { throw refuse("contains CR or LF") }
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) { throw refuse("contains control characters") }
        if bytes.contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { throw refuse("contains spaces") }
        if bytes.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) { throw refuse("contains < or >") }
        let forbidden: Set<UInt8> = Set("\",;()[]\\".utf8)
        if bytes.contains(where: { forbidden.contains($0) }) { throw refuse("contains characters that need quoting") }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw refuse("needs exactly one @") }
        let local = parts[0], domain = parts[1]
        guard !local.isEmpty, local.utf8.count <= 64 else { throw refuse("local part must be 1-64 octets") }
        guard !domain.isEmpty, domain.utf8.count <= 253 else { throw refuse("domain must be 1-253 octets") }
        guard bytes.count <= 254 else { throw refuse("longer than 254 octets") }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 63 && !$0.hasPrefix("-") && !$0.hasSuffix("-") }) else {
            throw refuse("malformed domain")
        }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { throw refuse("malformed local part") }
        address = text
    }
}
