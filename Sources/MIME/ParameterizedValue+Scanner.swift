/// The lexical layer of `value; name=value; name="quoted"`: comments, quoting, and the usual
/// sloppiness (spaces around `/`, missing `;`, unterminated quotes, trailing semicolons).
extension ParameterizedValue {
    /// One `name=value` as written, before RFC 2231 sections are put together.
    struct RawParameter {
        var name: String
        var value: [UInt8]
        var quoted: Bool
    }

    struct Scanner {
        let bytes: [UInt8]
        var i = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }

        var current: UInt8? { i < bytes.count ? bytes[i] : nil }

        /// The leading `type/subtype` (or `attachment`): whitespace and comments dropped, lowercased.
        mutating func leadingValue(_ issues: inout IssueList) -> String {
            var out: [UInt8] = []
            while let b = current, b != UInt8(ascii: ";") {
                if b == UInt8(ascii: "(") { skipComment(); continue }
                if Self.isBlank(b) {
                    skipBlanks()
                    // QUIRK: bulk-mail generators (not yet pinned down) write `text/html charset=utf-8` without `;`,
                    // or fold straight into it (`multipart/mixed` CRLF TAB `boundary="b"`, Stalwart's malformed
                    // set). Python's `email` then finds no boundary and loses every part; we keep them.
                    if !out.isEmpty, looksLikeParameterStart() { issues.note(.malformedParameter); break }
                    continue
                }
                if b != UInt8(ascii: "\"") { out.append(b) }
                i += 1
            }
            return Self.asciiLowercased(out) ?? Charset.guess(out[...]).text.lowercased()
        }

        /// ASCII bytes (nearly every type and parameter name) lowercased straight into a
        /// string: what `lowercased()` gives them, without the second copy. Nil otherwise.
        static func asciiLowercased(_ bytes: [UInt8]) -> String? {
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (i, b) in bytes.enumerated() { buffer[i] = (0x41...0x5A).contains(b) ? b | 0x20 : b }
                return bytes.count
            }
        }

        /// The next parameter, or `nil` at the end. Names without `=` are skipped with an issue.
        mutating func nextParameter(_ issues: inout IssueList) -> RawParameter? {
            while true {
                skipSeparators()
                guard current != nil else { return nil }
                let name = readName()
                guard current == UInt8(ascii: "="), !name.isEmpty else {
                    issues.note(.malformedParameter)
                    skipToSemicolon()
                    continue
                }
                i += 1
                skipCFWS()
                if current == UInt8(ascii: "\"") {
                    let value = readQuoted(&issues)
                    skipToSemicolon()
                    return RawParameter(name: name, value: value, quoted: true)
                }
                return RawParameter(name: name, value: readToken(), quoted: false)
            }
        }

        mutating func readName() -> String {
            var out: [UInt8] = []
            while let b = current, b != UInt8(ascii: "="), b != UInt8(ascii: ";") {
                if b == UInt8(ascii: "(") { skipComment(); continue }
                if !Self.isBlank(b) { out.append(b) }
                i += 1
            }
            return Self.asciiLowercased(out) ?? String(decoding: out, as: UTF8.self).lowercased()
        }

        /// A quoted string with `\\` escapes; an unterminated one runs to the end (with an issue).
        mutating func readQuoted(_ issues: inout IssueList) -> [UInt8] {
            i += 1
            var out: [UInt8] = []
            while let b = current {
                i += 1
                if b == UInt8(ascii: "\"") { return out }
                if b == UInt8(ascii: "\\"), let next = current {
                    out.append(next)
                    i += 1
                } else {
                    out.append(b)
                }
            }
            issues.note(.malformedParameter)
            return out
        }

        /// QUIRK: Outlook and many webmails leave values with spaces or 8-bit bytes unquoted
        /// (`name=Informe final.pdf`); take everything up to `;`, minus a trailing comment.
        mutating func readToken() -> [UInt8] {
            var out: [UInt8] = []
            while let b = current, b != UInt8(ascii: ";") {
                if b == UInt8(ascii: "("), out.last.map(Self.isBlank) ?? true { skipComment(); continue }
                out.append(b)
                i += 1
            }
            while let last = out.last, Self.isBlank(last) { out.removeLast() }
            return out
        }

        /// After a quoted value: ignore whatever stands before the next `;`.
        mutating func skipToSemicolon() {
            while let b = current, b != UInt8(ascii: ";") {
                if b == UInt8(ascii: "(") { skipComment() } else { i += 1 }
            }
        }

        mutating func skipSeparators() {
            while let b = current, b == UInt8(ascii: ";") || Self.isBlank(b) || b == UInt8(ascii: "(") {
                if b == UInt8(ascii: "(") { skipComment() } else { i += 1 }
            }
        }

        mutating func skipCFWS() {
            while let b = current, Self.isBlank(b) || b == UInt8(ascii: "(") {
                if b == UInt8(ascii: "(") { skipComment() } else { i += 1 }
            }
        }

        mutating func skipBlanks() {
            while let b = current, Self.isBlank(b) { i += 1 }
        }

        /// Skips a (nested) comment starting at `(`; an unterminated one runs to the end.
        mutating func skipComment() {
            var depth = 0
            while let b = current {
                i += 1
                if b == UInt8(ascii: "\\") { i += 1; continue }
                if b == UInt8(ascii: "(") { depth += 1 }
                if b == UInt8(ascii: ")") { depth -= 1; if depth == 0 { return } }
            }
        }

        /// `token=` ahead (before any blank or `;`)?
        func looksLikeParameterStart() -> Bool {
            var j = i
            while j < bytes.count, j - i < 80 {
                let b = bytes[j]
                if b == UInt8(ascii: "=") { return j > i }
                if b == UInt8(ascii: ";") || b == UInt8(ascii: "/") || Self.isBlank(b) { return false }
                j += 1
            }
            return false
        }
    }
}
