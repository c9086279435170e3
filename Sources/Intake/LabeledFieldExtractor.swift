/// Reads "LABEL: value" structure out of a cleaned body. Areas write the 4.2.1 fields as an
/// Outlook table (reaching us as "LABEL<TAB>value" in text/plain or "LABEL: value" from the
/// HTML converter, which joins cells with ": "), as "Label: value" lines, or as a label on its
/// own line with the value below. A value runs on until a blank line or the next label.
public enum LabeledFieldExtractor {
    /// What separates a label from its value on one line, tried in order: the first split
    /// whose left side is a known label wins, so "Asunto del correo - Nueva línea: X" still
    /// finds "Asunto del correo".
    static let separators: [String] = [
        "\t",
        ":",
        " - ",
        " – ",
        // QUIRK: Outlook's plain-text rendering of a borderless table pads cells with spaces.
        "   ",
    ]

    /// Blank lines allowed between a label standing alone and its value ("Test:\n\n1. ...").
    static let blankLinesBeforeValue = 2

    public static func extract(from text: String, labels: FieldLabelTable = .standard) -> LabeledFields {
        let lines = TextNormalizer.lines(text)
        let longest = longestMatch(labels)
        var fields: [LabeledField] = []
        var index = 0
        while index < lines.count {
            guard let header = header(lines[index], labels: labels, longest: longest) else {
                index += 1
                continue
            }
            var values: [String] = header.value.map { [String($0)] } ?? []
            var next = index + 1
            if values.isEmpty {
                next = valueStart(lines, after: index, labels: labels, longest: longest)
            }
            while next < lines.count, !TextNormalizer.isBlank(lines[next]),
                  self.header(lines[next], labels: labels, longest: longest) == nil {
                values.append(String(TextNormalizer.trimmed(lines[next])))
                next += 1
            }
            fields.append(LabeledField(key: header.key, label: String(header.label), lines: values,
                                       lineIndex: index))
            index = max(next, index + 1)
        }
        return LabeledFields(fields: fields)
    }

    struct Header: Equatable {
        var key: FieldKey
        var label: Substring
        /// Nil when the label stands alone on its line.
        var value: Substring?
    }

    /// The label and same-line value of `line`, or nil when the line opens no field.
    static func header(_ line: Substring, labels: FieldLabelTable) -> Header? {
        header(line, labels: labels, longest: longestMatch(labels))
    }

    /// `header` with `longestMatch(labels)` computed once by the caller.
    static func header(_ line: Substring, labels: FieldLabelTable, longest: Int) -> Header? {
        var content = TextNormalizer.trimmed(line)
        let listed = ListMarker.split(content)
        if case .bullet? = listed.marker {
            content = listed.rest
        }
        guard !content.isEmpty else { return nil }
        // Speed: a separator past `cutoff` leaves too long a label (see `keyLengthCutoff`), so the
        // byte scans stop there; nil: the bytes are not contiguous, scan them all.
        let cutoff: Int?? = content.utf8.withContiguousStorageIfAvailable { keyLengthCutoff($0, limit: longest) }
        for (separator, bytes) in zip(separators, separatorBytes) {
            // Speed: a byte scan rules out most lines; only a line holding the separator's bytes
            // pays for the Character-wise search (which is what decides, as before).
            let scanned = cutoff.flatMap { $0 }.map { content.utf8.prefix($0 + bytes.count) } ?? content.utf8
            guard let at = firstOffset(of: bytes, in: scanned),
                  minimumKeyLength(content.utf8.prefix(at)) <= longest,
                  let cut = content.firstRange(of: separator) else { continue }
            let label = TextNormalizer.trimmed(content[..<cut.lowerBound])
            guard let key = labels.field(forLabel: label) else { continue }
            let value = TextNormalizer.trimmed(content[cut.upperBound...])
            return Header(key: key, label: label, value: value.isEmpty ? nil : value)
        }
        guard cutoff.map({ $0 == nil }) ?? (minimumKeyLength(content.utf8) <= longest), let key = labels.field(forLabel: content) else { return nil }
        let label = content.last == ":" ? TextNormalizer.trimmed(content.dropLast()) : content
        return Header(key: key, label: label, value: nil)
    }

    static let separatorBytes: [[UInt8]] = separators.map { Array($0.utf8) }

    /// The byte offset of the first occurrence of `needle` (non-empty) in `haystack`, or nil.
    /// Every Character match is a byte match, at this offset or later.
    static func firstOffset(of needle: [UInt8], in haystack: Substring.UTF8View) -> Int? {
        let first = needle[0]
        let found: Int?? = haystack.withContiguousStorageIfAvailable { h in
            let n = needle.count
            guard h.count >= n else { return nil }
            var i = 0
            while i <= h.count - n {
                if h[i] == first {
                    var k = 1
                    while k < n, h[i + k] == needle[k] { k += 1 }
                    if k == n { return i }
                }
                i += 1
            }
            return nil
        }
        return found ?? 0
    }

    /// The longest key a label may have and still name a field: the longest spelling plus
    /// the typos it forgives (`EditDistance` never bridges a bigger difference in length).
    static func longestMatch(_ labels: FieldLabelTable) -> Int {
        labels.entries.map { $0.spelling.count + $0.maximumDistance }.max() ?? 0
    }

    /// A lower bound on the length of `TextNormalizer.key` of these bytes (a prefix of a
    /// Character-aligned text): an ASCII letter or digit after an ASCII byte (or first) starts
    /// a Character of its own, folds to a letter or digit and stays one in the key. Speed: a
    /// line of prose is ruled out as a label without keying it or measuring edit distances.
    static func minimumKeyLength<U: Collection<UInt8>>(_ bytes: U) -> Int {
        // Speed: a String's bytes are contiguous; iterating a UTF-8 view costs far more per byte.
        if let count = bytes.withContiguousStorageIfAvailable({ minimumKeyLength(bufferOf: $0) }) { return count }
        var count = 0
        var previousASCII = true
        for byte in bytes {
            if previousASCII, isASCIIAlphanumeric[Int(byte)] { count += 1 }
            previousASCII = byte < 0x80
        }
        return count
    }

    /// The offset of the byte `minimumKeyLength` counts as the `limit + 1`-th, or nil when it
    /// counts at most `limit`: a prefix has a count of at most `limit` exactly when it ends at or
    /// before this offset (the count only grows with the prefix).
    static func keyLengthCutoff(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Int? {
        var count = 0
        var previousASCII = true
        for (offset, byte) in bytes.enumerated() {
            if previousASCII, (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 {
                count += 1
                if count > limit { return offset }
            }
            previousASCII = byte < 0x80
        }
        return nil
    }

    private static func minimumKeyLength(bufferOf bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var previousASCII = true
        for byte in bytes {
            // ASCII letter or digit, by arithmetic (a static table costs a lazy-init check per byte).
            if previousASCII, (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 { count += 1 }
            previousASCII = byte < 0x80
        }
        return count
    }

    private static let isASCIIAlphanumeric: [Bool] = (0..<256).map { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// Where the value of a label standing alone begins: the next line, or the first line
    /// after a few blank ones, unless that line is itself a label.
    private static func valueStart(_ lines: [Substring], after index: Int, labels: FieldLabelTable, longest: Int) -> Int {
        var candidate = index + 1
        var blanks = 0
        while candidate < lines.count, TextNormalizer.isBlank(lines[candidate]), blanks < blankLinesBeforeValue {
            candidate += 1
            blanks += 1
        }
        guard candidate < lines.count, !TextNormalizer.isBlank(lines[candidate]),
              header(lines[candidate], labels: labels, longest: longest) == nil else { return index + 1 }
        return candidate
    }
}
