/// `<id@host>` tokens of Message-ID, In-Reply-To and References, with comments removed.
enum MessageIDList {
    /// Every `<...>` token in order, whitespace inside removed. A value without angle brackets
    /// that looks like an id is returned wrapped in them.
    static func ids(in raw: [UInt8]) -> [String] {
        let text = stripComments(raw)
        var ids: [String] = []
        var i = 0
        while i < text.count {
            guard text[i] == UInt8(ascii: "<") else { i += 1; continue }
            var j = i + 1
            while j < text.count, text[j] != UInt8(ascii: ">") { j += 1 }
            let inner = text[(i + 1)..<j].filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A }
            if !inner.isEmpty { ids.append("<" + String(decoding: inner, as: UTF8.self) + ">") }
            i = j + 1
        }
        if ids.isEmpty {
            // QUIRK: ids without angle brackets (old gateways, some CRMs).
            let bare = String(decoding: text, as: UTF8.self).trimmingWhitespace()
            if bare.contains("@"), !bare.contains(" ") { ids.append("<" + bare + ">") }
        }
        return ids
    }

    /// Removes `(comments)` (nested) outside quoted strings and angle brackets.
    static func stripComments(_ raw: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var depth = 0, quoted = false, escaped = false
        for b in raw {
            if escaped { escaped = false; if depth == 0 { out.append(b) }; continue }
            if b == UInt8(ascii: "\\") { escaped = true; if depth == 0 { out.append(b) }; continue }
            if depth == 0, b == UInt8(ascii: "\"") { quoted.toggle(); out.append(b); continue }
            if !quoted, b == UInt8(ascii: "(") { depth += 1; continue }
            if !quoted, depth > 0, b == UInt8(ascii: ")") { depth -= 1; continue }
            if depth == 0 { out.append(b) }
        }
        return out
    }
}
