/// RFC 2231 put back together: `name*=charset'lang'%XX`, and `name*0=`, `name*1*=`… sections
/// in any order, mixed encoded and plain, with missing pieces joined as far as they go.
extension ParameterizedValue {
    /// Sections past this index are ignored (bounds a hostile `name*99999999=`).
    static let maxSection = 999

    struct Extended {
        /// `name*=`: the whole value in one encoded piece.
        var single: [UInt8]?
        var sections: [Int: (encoded: Bool, bytes: [UInt8])] = [:]
    }

    struct Collector {
        var order: [String] = []
        var plain: [String: RawParameter] = [:]
        var extended: [String: Extended] = [:]

        mutating func add(_ p: RawParameter, _ issues: inout IssueList) {
            // ASCII names (all real ones) by bytes: a Character search cost 2,400 instructions a name.
            let star = p.name.utf8.allSatisfy({ $0 < 0x80 }) ? p.name.utf8.firstIndex(of: UInt8(ascii: "*")) : p.name.firstIndex(of: "*")
            guard let star else {
                remember(p.name)
                if plain[p.name] == nil { plain[p.name] = p }  // duplicates: first wins
                return
            }
            let base = String(p.name[..<star])
            let rest = p.name[p.name.index(after: star)...]
            guard !base.isEmpty else { issues.note(.malformedParameter); return }
            remember(base)
            var entry = extended[base] ?? Extended()
            if rest.isEmpty {
                if entry.single == nil { entry.single = p.value }
            } else {
                let encoded = rest.hasSuffix("*")
                let digits = encoded ? rest.dropLast() : rest
                guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCIIDigit),
                      let n = Int(digits), n <= ParameterizedValue.maxSection else {
                    issues.note(.malformedParameter)
                    return
                }
                if entry.sections[n] == nil { entry.sections[n] = (encoded, p.value) }
            }
            extended[base] = entry
        }

        mutating func remember(_ name: String) {
            if plain[name] == nil, extended[name] == nil { order.append(name) }
        }

        /// RFC 2231 values win over plain ones of the same name.
        func resolve(_ issues: inout IssueList) -> [(name: String, value: String)] {
            order.map { name in
                if let entry = extended[name] { return (name, assemble(entry, &issues)) }
                return (name, decodePlain(plain[name]?.value ?? [], &issues))
            }
        }

        func assemble(_ entry: Extended, _ issues: inout IssueList) -> String {
            if let single = entry.single {
                let (charset, data) = splitCharset(single[...], &issues)
                return decode(percentDecode(data, &issues), charset: charset, &issues)
            }
            let indexes = entry.sections.keys.sorted()
            if indexes.first != 0 || indexes.last != indexes.count - 1 { issues.note(.malformedParameter) }
            var bytes: [UInt8] = []
            var charset: String?
            var anyEncoded = false
            for n in indexes {
                guard let section = entry.sections[n] else { continue }
                guard section.encoded else { bytes += section.bytes; continue }
                anyEncoded = true
                var data = section.bytes[...]
                if n == 0 { (charset, data) = splitCharset(data, &issues) }
                bytes += percentDecode(data, &issues)
            }
            // QUIRK: Outlook splits a long quoted `=?utf-8?B?…?=` filename into plain `name*0`, `name*1`.
            return anyEncoded ? decode(bytes, charset: charset, &issues) : decodePlain(bytes, &issues)
        }

        /// `charset'lang'rest`; without the two quotes the whole value is data (with an issue).
        func splitCharset(_ value: ArraySlice<UInt8>, _ issues: inout IssueList) -> (String?, ArraySlice<UInt8>) {
            guard let first = value.firstIndex(of: UInt8(ascii: "'")),
                  let second = value[(first + 1)...].firstIndex(of: UInt8(ascii: "'")) else {
                issues.note(.malformedParameter)
                return (nil, value)
            }
            let charset = String(decoding: value[..<first], as: UTF8.self)
            return (charset.isEmpty ? nil : charset, value[(second + 1)...])
        }

        /// `%XX` to bytes; a `%` not followed by two hex digits stays as is.
        func percentDecode(_ data: ArraySlice<UInt8>, _ issues: inout IssueList) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(data.count)
            var i = data.startIndex
            while i < data.endIndex {
                if data[i] == UInt8(ascii: "%"), let hi = EncodedWord.hexValue(data, i + 1),
                   let lo = EncodedWord.hexValue(data, i + 2) {
                    out.append(hi << 4 | lo)
                    i += 3
                    continue
                }
                if data[i] == UInt8(ascii: "%") { issues.note(.malformedParameter) }
                out.append(data[i])
                i += 1
            }
            return out
        }

        func decode(_ bytes: [UInt8], charset: String?, _ issues: inout IssueList) -> String {
            let decoded = Charset.decode(bytes, declared: charset)
            issues.note(decoded.issues)
            return decoded.text
        }

        /// QUIRK: Outlook puts RFC 2047 words inside quoted values,
        /// `name="=?utf-8?B?…?="`, which RFC 2047 5 forbids; decode them anyway. So do unquoted
        /// ones (`filename==?koi8-r?B?…?=`, MIME-tools' Russian test mails) and words glued to
        /// text (`3d-=?ISO-8859-1?Q?=63?=om…`), as Thunderbird does (any `=?` in a parameter value
        /// goes through its RFC 2047 decoder). Python's `email` keeps them literal, or drops an
        /// unquoted one as an invalid parameter: a filename of `=?koi8-r?B?…?=` helps nobody.
        func decodePlain(_ bytes: [UInt8], _ issues: inout IssueList) -> String {
            let decoded = EncodedWord.decodeHeaderText(bytes)
            issues.note(decoded.issues)
            return decoded.text
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
