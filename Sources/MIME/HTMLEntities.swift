/// HTML character references: the named ones Spanish mail uses, and numeric ones.
enum HTMLEntities {
    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "aacute": "á", "eacute": "é", "iacute": "í", "oacute": "ó", "uacute": "ú", "ntilde": "ñ",
        "Aacute": "Á", "Eacute": "É", "Iacute": "Í", "Oacute": "Ó", "Uacute": "Ú", "Ntilde": "Ñ",
        "agrave": "à", "egrave": "è", "igrave": "ì", "ograve": "ò", "ugrave": "ù",
        "Agrave": "À", "Egrave": "È", "Igrave": "Ì", "Ograve": "Ò", "Ugrave": "Ù",
        "acirc": "â", "ecirc": "ê", "icirc": "î", "ocirc": "ô", "ucirc": "û",
        "auml": "ä", "euml": "ë", "iuml": "ï", "ouml": "ö", "uuml": "ü", "Uuml": "Ü",
        "ccedil": "ç", "Ccedil": "Ç", "ordm": "º", "ordf": "ª", "iexcl": "¡", "iquest": "¿",
        "laquo": "«", "raquo": "»", "ndash": "–", "mdash": "—", "hellip": "…", "euro": "€",
        "copy": "©", "reg": "®", "trade": "™", "deg": "°", "middot": "·", "bull": "•",
        "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
        "shy": "\u{AD}", "zwnj": "\u{200C}", "zwj": "\u{200D}", "ensp": " ", "emsp": " ", "thinsp": " ",
        "times": "×", "divide": "÷", "sect": "§", "para": "¶", "cent": "¢", "pound": "£",
    ]

    static let cp1252: [UInt32: Unicode.Scalar] = [
        128: "€", 133: "…", 145: "\u{2018}", 146: "\u{2019}", 147: "\u{201C}", 148: "\u{201D}",
        149: "•", 150: "–", 151: "—", 153: "™",
    ]

    /// Decodes the reference starting with `&` at `i`: its UTF-8 bytes and the index after it;
    /// nil when it is no known reference (the `&` is then text).
    static func decode(_ src: [UInt8], at i: Int) -> ([UInt8], Int)? {
        var j = i + 1
        guard j < src.count else { return nil }
        var scalar: Unicode.Scalar?
        if src[j] == UInt8(ascii: "#") {
            j += 1
            let hex = j < src.count && (src[j] | 0x20) == UInt8(ascii: "x")
            if hex { j += 1 }
            var value: UInt32 = 0
            let start = j
            while j < src.count, j - start < 8, let d = digit(src[j], hex: hex) {
                value = value * (hex ? 16 : 10) + d
                j += 1
            }
            guard j > start else { return nil }
            // Windows-1252 code points written as numbers (`&#150;`) by Word-generated HTML.
            scalar = cp1252[value] ?? Unicode.Scalar(value == 0 ? 0xFFFD : value) ?? "\u{FFFD}"
        } else {
            let start = j
            while j < src.count, j - start < 10, isAlnum(src[j]) { j += 1 }
            guard j > start else { return nil }
            scalar = named[String(decoding: src[start..<j], as: UTF8.self)]
        }
        guard let s = scalar else { return nil }
        // QUIRK: a missing `;` (`&nbsp ` from hand-edited templates) is accepted.
        if j < src.count, src[j] == UInt8(ascii: ";") { j += 1 }
        // A no-break space is a space for reading purposes (`nbsp` is mapped to " " above).
        let text = s == "\u{A0}" ? " " : String(Character(s))
        return (Array(text.utf8), j)
    }

    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool {
        (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39)
    }

    @inline(__always) static func digit(_ c: UInt8, hex: Bool) -> UInt32? {
        if c >= 0x30 && c <= 0x39 { return UInt32(c - 0x30) }
        if hex, (c | 0x20) >= 0x61, (c | 0x20) <= 0x66 { return UInt32((c | 0x20) - 0x57) }
        return nil
    }
}
