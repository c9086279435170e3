/// RFC 2047 encoded words in unstructured header text (Subject, display names, Outlook's
/// quoted filenames).
public enum EncodedWord {
    /// Decodes every encoded word in an unfolded header value; whitespace between adjacent
    /// encoded words is dropped; raw 8-bit bytes outside words are decoded by a charset guess.
    public static func decodeHeaderText(_ raw: [UInt8]) -> DecodedText {
        // No `=?` anywhere (most parameter values and many headers): the loop below would only
        // gather every byte as literal and guess its charset once at the end; do that directly.
        if !containsWordStart(raw) {
            let guessed = Charset.guess(raw[...])
            return DecodedText(guessed.text, issues: guessed.validUTF8 ? [] : [.undeclared8Bit])
        }
        return decodeWords(raw)
    }

    /// The general path: literal runs and encoded words, adjacent words of one charset joined.
    static func decodeWords(_ raw: [UInt8]) -> DecodedText {
        var output = Output()
        var i = 0
        while i < raw.count {
            // QUIRK: Outlook (and other clients, not yet pinned down) glue encoded words to text
            // (`RE:=?utf-8?B?...?=`, `=?...?=.pdf`), so a word may start at any `=?`.
            guard raw[i] == UInt8(ascii: "="), i + 1 < raw.count, raw[i + 1] == UInt8(ascii: "?") else {
                output.appendLiteral(raw[i])
                i += 1
                continue
            }
            switch scan(raw, at: i) {
            case .word(let word):
                output.appendWord(word)
                i = word.end
            case .garbled(let end):
                output.appendLiteral(raw[i..<end])
                output.note(.malformedEncodedWord)
                i = end
            case .notAWord:
                output.appendLiteral(raw[i])
                i += 1
            }
        }
        return output.finish()
    }

    static func containsWordStart(_ raw: [UInt8]) -> Bool {
        var previous: UInt8 = 0
        for byte in raw {
            if previous == UInt8(ascii: "="), byte == UInt8(ascii: "?") { return true }
            previous = byte
        }
        return false
    }

    /// One decoded (but not yet charset-decoded) word.
    struct Word {
        var charset: String
        var bytes: [UInt8]
        var malformed: Bool
        /// Index just past the word in the raw value.
        var end: Int
    }

    enum ScanResult {
        case word(Word)
        /// Looks like a word but cannot be decoded (unknown encoding letter): kept as text.
        case garbled(end: Int)
        case notAWord
    }

    /// Accumulates the decoded text. Adjacent words in the same charset are joined as bytes before
    /// decoding, so a UTF-8 character split across two B words comes out whole.
    struct Output {
        var text = ""
        var issues = IssueList()
        var pending: Word?
        /// Bytes seen since the pending word (or since the last flush).
        var literal: [UInt8] = []
        var literalIsBlank = true

        mutating func appendLiteral(_ byte: UInt8) {
            literal.append(byte)
            if !EncodedWord.isBlank(byte) { literalIsBlank = false }
        }

        mutating func appendLiteral(_ bytes: ArraySlice<UInt8>) {
            for b in bytes { appendLiteral(b) }
        }

        mutating func appendWord(_ word: Word) {
            if word.malformed { note(.malformedEncodedWord) }
            if var previous = pending, literalIsBlank {
                literal.removeAll(keepingCapacity: true)
                if Charset.cleanName(previous.charset) == Charset.cleanName(word.charset) {
                    previous.bytes += word.bytes
                    pending = previous
                    return
                }
                flushWord()
            } else {
                flushWord()
                flushLiteral()
            }
            pending = word
        }

        mutating func note(_ kind: MIMEWarning.Kind) { issues.note(kind) }

        mutating func flushWord() {
            guard let word = pending else { return }
            pending = nil
            let decoded = Charset.decode(word.bytes, declared: word.charset)
            text += decoded.text
            issues.note(decoded.issues)
        }

        /// Raw 8-bit bytes: valid UTF-8 is RFC 6532 and fine; anything else is guessed.
        /// QUIRK: Eudora 4 (Subject and quoted filenames) and Outlook 2000 (Subject) write Latin-1
        /// bytes straight into the header (`Die Hasen und die Fr\xF6sche`); Python's `email` turns
        /// each into U+FFFD, we read them as Windows-1252 so `Capacitaci\xF3n` stays readable.
        mutating func flushLiteral() {
            defer { literal.removeAll(keepingCapacity: true); literalIsBlank = true }
            guard !literal.isEmpty else { return }
            let guessed = Charset.guess(literal[...])
            text += guessed.text
            if !guessed.validUTF8 { note(.undeclared8Bit) }
        }

        mutating func finish() -> DecodedText {
            flushWord()
            flushLiteral()
            return DecodedText(text, issues: issues.kinds)
        }
    }

    static func isBlank(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A
    }
}
