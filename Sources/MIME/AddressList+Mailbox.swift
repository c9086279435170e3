/// One list element made into a `Mailbox`: `name <addr>`, `addr (name)`, a bare `addr`, and
/// what clients make of them (missing `>`, names without angle brackets, local-only senders).
extension AddressList {
    static func mailbox(_ e: ArraySlice<Lexeme>, _ issues: inout IssueList) -> Mailbox? {
        guard !e.isEmpty else { return nil }
        if let lt = e.firstIndex(where: { isSpecial($0, "<") }) { return angleMailbox(e, lt: lt, &issues) }
        let words = Array(e.filter { if case .comment = $0.token { false } else { true } })
        guard let at = words.firstIndex(where: { isSpecial($0, "@") }) else {
            // QUIRK: bounce generators send `From: MAILER-DAEMON (Mail Delivery System)`; keep
            // a lone local part so loop prevention still sees the sender.
            issues.note(.malformedAddress)
            guard words.count == 1, case .atom = words[0].token else { return nil }
            return Mailbox(displayName: commentName(e, &issues), address: addressText(words[...], &issues))
        }
        var lo = at, hi = at
        while lo > 0, lo == at || isSpecial(words[lo], ".") || isSpecial(words[lo - 1], ".") { lo -= 1 }
        while hi + 1 < words.count, hi == at || isSpecial(words[hi], ".") || isSpecial(words[hi + 1], ".") { hi += 1 }
        let address = addressText(words[lo...hi], &issues)
        if lo == at || hi == at || hi + 1 < words.count { issues.note(.malformedAddress) }
        // QUIRK: hand-written or scripted senders (not yet pinned down) write `Ana Perez ana@x.com` without angle brackets.
        var name = phrase(words[0..<lo], &issues)
        if lo > 0 { issues.note(.malformedAddress) }
        if name.isEmpty { name = commentName(e, &issues) ?? "" }
        return Mailbox(displayName: name.isEmpty ? nil : name, address: address)
    }

    static func angleMailbox(_ e: ArraySlice<Lexeme>, lt: Int, _ issues: inout IssueList) -> Mailbox? {
        var q = lt + 1
        if q < e.endIndex, isSpecial(e[q], "@"),
           let colon = e[q...].firstIndex(where: { isSpecial($0, ":") }) {
            q = colon + 1  // obsolete route `<@relay:ana@x>`: dropped
        }
        let gt = e[q...].firstIndex { isSpecial($0, ">") }
        if gt == nil { issues.note(.malformedAddress) }
        let inner = e[q..<(gt ?? e.endIndex)].filter { if case .comment = $0.token { false } else { true } }
        let address = addressText(inner[...], &issues)
        guard !address.isEmpty else { issues.note(.malformedAddress); return nil }
        if !address.contains("@") { issues.note(.malformedAddress) }
        var name = phrase(e[e.startIndex..<lt], &issues)
        if name.isEmpty { name = commentName(e, &issues) ?? "" }
        return Mailbox(displayName: name.isEmpty ? nil : name, address: address)
    }

    /// A display name: words joined by single spaces, quotes removed, encoded words decoded.
    /// QUIRK: Outlook puts encoded words inside quotes (`"=?utf-8?B?…?=" <a@b>`),
    /// which RFC 2047 forbids; they are decoded anyway.
    static func phrase(_ lexemes: ArraySlice<Lexeme>, _ issues: inout IssueList) -> String {
        var out: [UInt8] = []
        for lexeme in lexemes {
            let bytes: [UInt8]
            switch lexeme.token {
            case .comment: continue
            case .atom(let b), .quoted(let b), .domainLiteral(let b): bytes = b
            case .special(let s): bytes = [s]
            }
            if lexeme.spaceBefore, !out.isEmpty { out.append(0x20) }
            out += bytes
        }
        return cleanName(out, &issues)
    }

    /// Name from the first comment (`ana@x (Ana Pérez)`), or `nil`.
    static func commentName(_ lexemes: ArraySlice<Lexeme>, _ issues: inout IssueList) -> String? {
        for lexeme in lexemes {
            if case .comment(let bytes) = lexeme.token {
                let name = cleanName(bytes, &issues)
                if !name.isEmpty { return name }
            }
        }
        return nil
    }

    static func cleanName(_ bytes: [UInt8], _ issues: inout IssueList) -> String {
        let decoded = EncodedWord.decodeHeaderText(bytes)
        issues.note(decoded.issues)
        var name = Substring(decoded.text)
        name = name.drop { $0.isWhitespace }
        while name.last?.isWhitespace == true { name = name.dropLast() }
        // QUIRK: Outlook sometimes wraps names in single quotes: `'Ana Pérez' <ana@x>`.
        if name.count >= 2, name.first == "'", name.last == "'" { name = name.dropFirst().dropLast() }
        return String(name)
    }

    /// `local@domain` without spaces or comments; a quoted local part keeps its quotes only when
    /// it needs them (`"john doe"@x`). 8-bit bytes (IDN, EAI) are read as UTF-8 when valid.
    static func addressText(_ lexemes: ArraySlice<Lexeme>, _ issues: inout IssueList) -> String {
        var out: [UInt8] = []
        for lexeme in lexemes {
            switch lexeme.token {
            case .comment: continue
            case .atom(let b), .domainLiteral(let b): out += b
            case .special(let s): out.append(s)
            case .quoted(let b):
                if isDotAtom(b) { out += b; continue }
                out.append(UInt8(ascii: "\""))
                for c in b {
                    if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") { out.append(UInt8(ascii: "\\")) }
                    out.append(c)
                }
                out.append(UInt8(ascii: "\""))
            }
        }
        let guessed = Charset.guess(out[...])
        if !guessed.validUTF8 { issues.note(.undeclared8Bit) }
        return guessed.text
    }

    static func isDotAtom(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != UInt8(ascii: "."), last != UInt8(ascii: ".") else {
            return false
        }
        var previousDot = false
        for b in bytes {
            if b == UInt8(ascii: ".") {
                if previousDot { return false }
                previousDot = true
                continue
            }
            previousDot = false
            if isBlank(b) || isSpecial(b) || b < 0x21 || b == UInt8(ascii: ")") || b == UInt8(ascii: "]")
                || b == UInt8(ascii: "\\") { return false }
        }
        return true
    }
}
