/// Charset names as mail really carries them: any case, quoted, with an RFC 2231 `*language`
/// suffix, and under many aliases. Known Western names resolve to our tables; the rest go to iconv.
extension Charset {
    enum Resolved: Sendable, Equatable {
        case undeclared, ascii, utf8, utf16
        case singleByte(SingleByteCharset)
        case iconv(String)
    }

    static func resolve(_ declared: String?) -> Resolved {
        guard let declared else { return .undeclared }
        // The two names nearly every part declares, spelled as senders spell them: what the
        // alias table gives them, without lowercasing and filtering the name first.
        switch declared {
        case "utf-8", "UTF-8": return .utf8
        case "us-ascii", "US-ASCII": return .ascii
        default: break
        }
        let name = cleanName(declared)
        if name.isEmpty { return .undeclared }
        let key = String(name.unicodeScalars.filter { $0 != "-" && $0 != "_" && $0 != " " })
        if let known = aliases[key] { return known }
        if let iconvName = iconvAliases[key] { return .iconv(iconvName) }
        return .iconv(name)
    }

    /// Lowercased, without quotes, whitespace, `*lang` (RFC 2231) or `:1987`-style year suffix.
    static func cleanName(_ raw: String) -> String {
        var name = Substring(raw.lowercased())
        name = name.drop { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "'" }
        while let last = name.last, last == " " || last == "\t" || last == "\"" || last == "'" { name = name.dropLast() }
        if let star = name.firstIndex(of: "*") { name = name[..<star] }
        if let colon = name.firstIndex(of: ":") { name = name[..<colon] }
        return String(name)
    }

    /// Keys are lowercased names without `-`, `_` and spaces.
    static let aliases: [String: Resolved] = {
        var table: [String: Resolved] = [:]
        for k in ["utf8", "unicode11utf8", "xunicode20utf8", "unicode20utf8"] { table[k] = .utf8 }
        for k in ["usascii", "ascii", "ansix3.41968", "iso646us", "us", "cp367", "ibm367"] { table[k] = .ascii }
        for k in ["xunknown", "unknown", "unknown8bit", "xunknown8bit", "none", "default", "xuserdefined"] {
            table[k] = .undeclared
        }
        // QUIRK: Outlook and most Windows clients label Windows-1252 text `iso-8859-1`; real
        // Latin-1 never uses 0x80–0x9F (C1 controls), so reading it as Windows-1252 loses nothing.
        for k in ["iso88591", "iso88591", "latin1", "l1", "isoir100", "cp819", "ibm819", "csisolatin1"] {
            table[k] = .singleByte(.windows1252)
        }
        for k in ["iso885915", "iso885915", "latin9", "latin0", "l9", "csisolatin9"] { table[k] = .singleByte(.latin9) }
        for k in ["windows1252", "cp1252", "xcp1252", "msansi", "win1252"] { table[k] = .singleByte(.windows1252) }
        for k in ["utf16", "ucs2"] { table[k] = .utf16 }
        return table
    }()

    /// Names iconv spells differently, or a superset it should decode instead.
    static let iconvAliases: [String: String] = [
        // QUIRK: Chinese Windows clients label GBK text `gb2312`; GBK is a strict superset.
        "gb2312": "GBK", "gbk": "GBK", "cp936": "GBK", "xgbk": "GBK", "euccn": "GBK", "xeuccn": "GBK",
        // QUIRK: Japanese Windows clients send CP932 (Microsoft's Shift_JIS) as `shift_jis`.
        "shiftjis": "CP932", "sjis": "CP932", "xsjis": "CP932", "mskanji": "CP932", "windows31j": "CP932",
        // QUIRK: Outlook's name for Korean (UHC) is `ks_c_5601-1987`.
        "ksc56011987": "CP949", "euckr": "CP949", "ksc5601": "CP949",
        "big5": "BIG5", "xxbig5": "BIG5", "cnbig5": "BIG5", "big5hkscs": "BIG5-HKSCS",
        "iso2022jp": "ISO-2022-JP", "koi8r": "KOI8-R", "koi8u": "KOI8-U",
        "utf16le": "UTF-16LE", "utf16be": "UTF-16BE", "utf32": "UTF-32", "utf7": "UTF-7",
    ]
}
