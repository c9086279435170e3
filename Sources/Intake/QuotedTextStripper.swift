/// Separates a body's own text from quoted earlier mails and the signature. Requests arrive
/// as replies to observations (5.2.4) and as forwards; the quoted part repeats labels and
/// dates that must not count as the new request's.
public enum QuotedTextStripper {
    /// Closings that open a signature when they stand at the start of a short line, folded.
    public static let defaultClosings: [String] = [
        "cordialmente", "atentamente", "saludos", "cordial saludo", "cordiales saludos",
        "saludos cordiales", "un saludo", "un cordial saludo", "muchas gracias",
    ]

    /// Header names of Outlook's quoted-message block, folded, Spanish and English.
    static let outlookFields: Set<String> = [
        "enviado", "enviado el", "fecha", "para", "cc", "asunto", "sent", "date", "to", "subject",
    ]
    /// Fields that say "when" in that block; one must be present to tell it from a "De:" line.
    /// The last field of Outlook's quoted header block.
    static let subjectFields: Set<String> = ["asunto", "subject"]
    static let outlookDateFields: Set<String> = ["enviado", "enviado el", "fecha", "sent", "date"]
    /// Lines after "De:" searched for the rest of an Outlook block.
    static let outlookBlockLines = 6
    /// A signature is a short block: at most this many non-blank lines after the closing...
    static let signatureMaximumLines = 8
    /// ...each at most this long, and the closing line itself at most `closingMaximumLength`.
    static let signatureMaximumLineLength = 120
    static let closingMaximumLength = 60

    /// Lines of a quoted mail's header block (from the rule or "De:" to the first blank line).
    static let headerBlockMaximumLines = 12

    /// Splits `body`. With `forwarded` (the subject says "RV:"/"Fwd:") the first quoted mail
    /// is the request being passed on: its body joins the own text, only its header block is
    /// set aside. A quote with nothing above it is read the same way (a bare forward).
    /// `forwards`: how many forwards deep the request is ("RV: RV:" = 2, the request forwarded
    /// twice); each one's body joins the own text in turn.
    public static func clean(_ body: String, forwarded: Bool = false, forwards: Int = 1,
                             closings: [String] = defaultClosings) -> CleanedBody {
        let (kept, history) = separate(TextNormalizer.lines(body), forwarded: forwarded, depth: forwards)
        var own: [Substring] = []
        var quoted: [Substring] = []
        for line in kept {
            // Inline `>` quoting (bottom-posting, mailing-list style) interleaves with replies.
            if line.drop(while: \.isWhitespace).first == ">" { quoted.append(line) } else { own.append(line) }
        }
        quoted.append(contentsOf: history)
        let signatureStart = signatureStart(own, closings: closings.map(TextNormalizer.key))
        let signature = signatureStart.map { joined(own[$0...].drop { isDelimiter($0) }) }
        if let start = signatureStart { own.removeSubrange(start...) }
        return CleanedBody(text: joined(own[...]), signature: signature.flatMap(nonEmpty),
                           quoted: nonEmpty(joined(quoted[...])))
    }

    /// Own lines and quoted lines, the quote cut at the first quoted-history marker.
    static func separate(_ lines: [Substring], forwarded: Bool, depth: Int = 1) -> (own: [Substring], quoted: [Substring]) {
        guard let start = quoteStart(lines) else { return (lines, []) }
        let nothingAbove = lines[..<start].allSatisfy { TextNormalizer.isBlank($0) }
        guard forwarded || nothingAbove else { return (Array(lines[..<start]), Array(lines[start...])) }
        let bodyStart = headerBlockEnd(lines, from: start)
        let inner = separate(Array(lines[bodyStart...]), forwarded: forwarded && depth > 1, depth: depth - 1)
        var above = Array(lines[..<start])
        while let last = above.last, TextNormalizer.isBlank(last) { above.removeLast() }
        let below = inner.own.drop { TextNormalizer.isBlank($0) }
        let own = above.isEmpty ? Array(below) : above + [""] + below
        return (own, Array(lines[start..<bodyStart]) + inner.quoted)
    }

    /// The first line after the header block of the quoted mail starting at `start`.
    static func headerBlockEnd(_ lines: [Substring], from start: Int) -> Int {
        if isAttribution(lines, at: start) {
            return endsAttribution(lines[start]) ? start + 1 : min(start + 2, lines.count)
        }
        var index = start + 1
        while index < lines.count, index - start < headerBlockMaximumLines, !TextNormalizer.isBlank(lines[index]) {
            // QUIRK: Outlook's HTML forward puts the body right under "Asunto:", with no blank line.
            if headerName(lines[index - 1]).map(subjectFields.contains) == true,
               headerName(lines[index]).map(outlookFields.contains) != true { break }
            index += 1
        }
        return index
    }

    /// The first line of quoted history: `-----Mensaje original-----`, an Outlook
    /// "De: / Enviado: / Para: / Asunto:" block (with the underscore rule above it), or a
    /// Gmail/Apple attribution ("El lun, 16 feb 2026 a las 9:12, X escribió:", "On … wrote:").
    static func quoteStart(_ lines: [Substring]) -> Int? {
        for index in lines.indices {
            // Speed: the first byte and a colon decide which tests can match, so most lines of
            // a long thread are neither folded nor keyed.
            let trimmed = TextNormalizer.trimmed(lines[index])
            guard let first = trimmed.utf8.first else { continue }
            if first == UInt8(ascii: "-") || first >= 0x80 || Self.attributionFirstBytes.contains(first) {
                // A fold opening with "-" needs a first byte that is "-" or not ASCII ("e"/"o" fold to letters).
                if (first == UInt8(ascii: "-") || first >= 0x80) && isOriginalMessageRule(TextNormalizer.fold(trimmed)) { return index }
                if isAttribution(lines, at: index) { return index }
            }
            if LabeledFieldExtractor.firstOffset(of: [UInt8(ascii: ":")], in: trimmed.utf8) != nil, isOutlookBlock(lines, at: index) {
                // QUIRK: Outlook draws a line of underscores above the quoted header block.
                if index > 0, TextNormalizer.trimmed(lines[index - 1]).allSatisfy({ $0 == "_" }),
                   !TextNormalizer.isBlank(lines[index - 1]) { return index - 1 }
                return index
            }
        }
        return nil
    }

    /// First bytes of a line whose fold can start "el " or "on " (non-ASCII checked apart).
    static let attributionFirstBytes: Set<UInt8> = Set("eEoO".utf8)

    /// Folded titles of the dashed rules mail clients put above quoted or forwarded mails.
    static let ruleTitles = ["mensaje original", "original message", "mensaje reenviado", "forwarded message"]

    private static func isOriginalMessageRule(_ folded: String) -> Bool {
        folded.hasPrefix("---") && ruleTitles.contains { folded.contains($0) }
    }

    /// "El … escribió:" / "On … wrote:", possibly wrapped onto a second line.
    private static func isAttribution(_ lines: [Substring], at index: Int) -> Bool {
        // Speed: the ending is checked first (mostly by a byte), the line folded only then.
        let ends = endsAttribution(lines[index])
            || (index + 1 < lines.count && endsAttribution(lines[index + 1]) && !lines[index + 1].contains("?"))
        guard ends else { return false }
        let first = TextNormalizer.fold(TextNormalizer.trimmed(lines[index]))
        return first.hasPrefix("el ") || first.hasPrefix("on ")
    }

    private static func endsAttribution(_ line: Substring) -> Bool {
        // Speed: a last byte that is ASCII, not ":", after an ASCII byte is a Character of its
        // own folding to itself lowercased: no fold can end with ":" then.
        let utf8 = line.utf8
        if let last = utf8.last, last < 0x80, last != UInt8(ascii: ":"), last > 0x20,
           utf8.count == 1 || utf8[utf8.index(utf8.endIndex, offsetBy: -2)] < 0x80 { return false }
        let folded = TextNormalizer.fold(TextNormalizer.trimmed(line))
        return folded.hasSuffix("escribio:") || folded.hasSuffix("wrote:")
    }

    private static func isOutlookBlock(_ lines: [Substring], at index: Int) -> Bool {
        guard let name = headerName(lines[index]), name == "de" || name == "from" else { return false }
        // QUIRK: some HTML-to-text paths flatten the block onto one line.
        let line = TextNormalizer.fold(lines[index])
        if (line.contains("enviado:") || line.contains("sent:")) && (line.contains("para:") || line.contains("to:")) {
            return true
        }
        let following = lines[(index + 1)...].prefix(outlookBlockLines).compactMap(headerName)
        let known = following.filter(outlookFields.contains)
        return known.count >= 2 && known.contains(where: outlookDateFields.contains)
    }

    /// The folded name of a "Name: value" header line, or nil.
    private static func headerName(_ line: Substring) -> String? {
        let text = TextNormalizer.trimmed(line)
        // Speed: the key before a colon is at least as long as the ASCII letters and digits
        // before its first byte; a line of prose is ruled out without a Character search.
        guard let colonByte = text.utf8.firstIndex(of: UInt8(ascii: ":")),
              LabeledFieldExtractor.minimumKeyLength(text.utf8[..<colonByte]) <= 12,
              let colon = text.firstIndex(of: ":") else { return nil }
        let name = TextNormalizer.key(text[..<colon])
        return name.isEmpty || name.count > 12 ? nil : name
    }

    /// Where the signature begins: the last "--" delimiter, else the last closing line
    /// followed only by a short name block. A closing on the first line is a greeting
    /// ("Cordial saludo. Remito material…"), not a signature.
    static func signatureStart(_ lines: [Substring], closings: [String]) -> Int? {
        if let delimiter = lines.lastIndex(where: isDelimiter), delimiter > 0 { return delimiter }
        for index in lines.indices.reversed() {
            let line = TextNormalizer.trimmed(lines[index])
            guard hasAtMost(closingMaximumLength, line), isClosing(line, closings: closings) else { continue }
            guard lines[..<index].contains(where: { !TextNormalizer.isBlank($0) }) else { return nil }
            let block = lines[(index + 1)...].filter { !TextNormalizer.isBlank($0) }
            let short = block.count <= signatureMaximumLines
                && block.allSatisfy { $0.count <= signatureMaximumLineLength }
            return short ? index : nil
        }
        return nil
    }

    /// `line.count <= limit`, walking at most `limit` + 1 Characters (a Character has a byte or more).
    private static func hasAtMost(_ limit: Int, _ line: Substring) -> Bool {
        if line.utf8.count <= limit { return true }
        // Speed: an ASCII byte first or after an ASCII byte starts a Character (no CR LF in a line).
        let cutoff = line.utf8.withContiguousStorageIfAvailable { LabeledFieldExtractor.keyLengthCutoff($0, limit: limit) }
        if case .some(.some) = cutoff { return false }
        return line.index(line.startIndex, offsetBy: limit + 1, limitedBy: line.endIndex) == nil
    }

    private static func isClosing(_ line: Substring, closings: [String]) -> Bool {
        let key = TextNormalizer.key(line)
        return closings.contains { key == $0 || key.hasPrefix($0 + " ") }
    }

    /// The conventional "-- " signature delimiter.
    private static func isDelimiter(_ line: Substring) -> Bool {
        TextNormalizer.trimmed(line) == "--"
    }

    private static func joined(_ lines: ArraySlice<Substring>) -> String {
        var slice = lines
        while let first = slice.first, TextNormalizer.isBlank(first) { slice.removeFirst() }
        while let last = slice.last, TextNormalizer.isBlank(last) { slice.removeLast() }
        return slice.joined(separator: "\n")
    }

    private static func nonEmpty(_ text: String) -> String? {
        text.isEmpty ? nil : text
    }
}
