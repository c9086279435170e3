/// "Adjunto presentación, procedimiento y el test de 6 preguntas": the mail says a test comes
/// with it. When no test file is found, an OCM professional answers "no encontramos el test
/// adjunto" (issue 9, item 4), not the generic "Falta: Test", which would read as if the area
/// had forgotten it.
extension RequestReader {
    /// Folded words naming the test.
    static let testWords = KeywordMatcher(["test", "evaluacion", "cuestionario", "prueba de conocimiento"])
    /// Folded words saying something comes with the mail.
    static let attachWords = KeywordMatcher(["adjunto", "adjunta", "adjuntamos", "adjuntan", "adjuntos", "adjuntas",
                                             "anexo", "anexa", "anexamos", "anexos", "remito", "remitimos",
                                             "enviamos adjunto", "va adjunto", "encontraran"])

    /// Whether a sentence of `text` both names the test and says it is attached, undenied
    /// ("no adjuntamos el test" is not an announcement), and the count it declares, if any.
    /// `paddedKey`, when given, is `KeywordMatcher.paddedKey(text)`. Speed: a sentence's key is
    /// a stretch of the text's key between word boundaries (the sentence ends are no letters),
    /// so a text whose key lacks either kind of word has no such sentence; sentences are cut by
    /// bytes (`sentenceRanges`) and each keyed once.
    func testAnnouncement(in text: String, paddedKey: String? = nil) -> (announced: Bool, declared: Int?) {
        if let paddedKey, Self.testWords.firstMatch(inPaddedKey: paddedKey) == nil
            || Self.attachWords.firstMatch(inPaddedKey: paddedKey) == nil { return (false, nil) }
        var copy = text
        guard let ranges = copy.withUTF8({ Self.sentenceRanges($0) }) else { return testAnnouncementByCharacters(in: text) }
        let utf8 = text.utf8
        for range in ranges {
            let sentence = String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]))
            let key = KeywordMatcher.paddedKey(sentence)
            guard Self.testWords.firstMatch(inPaddedKey: key) != nil, Self.attachWords.firstMatch(inPaddedKey: key) != nil,
                  affirms(Self.testWords, in: sentence), affirms(Self.attachWords, in: sentence) else { continue }
            return (true, QuestionCounter.declaredCount(in: sentence))
        }
        return (false, nil)
    }

    /// The definition of `testAnnouncement`, sentences split Character by Character.
    func testAnnouncementByCharacters(in text: String) -> (announced: Bool, declared: Int?) {
        for sentence in text.split(whereSeparator: { ".;\n".contains($0) }).map(String.init)
        where Self.testWords.firstMatch(in: sentence) != nil && Self.attachWords.firstMatch(in: sentence) != nil {
            guard affirms(Self.testWords, in: sentence), affirms(Self.attachWords, in: sentence) else { continue }
            return (true, QuestionCounter.declaredCount(in: sentence))
        }
        return (false, nil)
    }

    /// Byte ranges of `text.split(whereSeparator: { ".;\n".contains($0) })` over valid UTF-8,
    /// or nil when a separator's neighbours need the Character rules (then split by Characters).
    /// A separator Character is "\n" (not the "\r\n" one), "." or ";" standing alone, or U+037E
    /// (canonically ";"). LF is a Character of its own after anything but CR; "." and ";" start
    /// one unless a Prepend scalar (all at U+0600 or above) precedes, and only scalars at U+0300
    /// or above can extend one.
    static func sentenceRanges(_ utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        var ranges: [Range<Int>] = []
        var start = 0
        let n = utf8.count
        for i in 0..<n {
            switch utf8[i] {
            case 0x0A:
                guard i == 0 || utf8[i - 1] != 0x0D else { continue }
            case 0x2E, 0x3B:
                guard i == 0 || previousScalar(utf8, before: i) < 0x600 else { return nil }
                guard i + 1 == n || utf8[i + 1] < 0xCC else { return nil }
            case 0xCD:
                if i + 1 < n, utf8[i + 1] == 0xBE { return nil }  // U+037E: rare, the Character rules decide
                continue
            default:
                continue
            }
            if i > start { ranges.append(start..<i) }
            start = i + 1
        }
        if n > start { ranges.append(start..<n) }
        return ranges
    }

    /// The scalar ending just before byte `i` (> 0) of valid UTF-8.
    private static func previousScalar(_ utf8: UnsafeBufferPointer<UInt8>, before i: Int) -> UInt32 {
        var j = i - 1
        guard utf8[j] >= 0x80 else { return UInt32(utf8[j]) }
        while utf8[j] & 0xC0 == 0x80 { j -= 1 }
        let lead = UInt32(utf8[j])
        var value = lead < 0xE0 ? lead & 0x1F : lead < 0xF0 ? lead & 0x0F : lead & 0x07
        for k in (j + 1)..<i { value = value << 6 | UInt32(utf8[k] & 0x3F) }
        return value
    }
}
