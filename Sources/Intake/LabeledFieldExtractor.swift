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
        var fields: [LabeledField] = []
        var index = 0
        while index < lines.count {
            guard let header = header(lines[index], labels: labels) else {
                index += 1
                continue
            }
            var values: [String] = header.value.map { [String($0)] } ?? []
            var next = index + 1
            if values.isEmpty {
                next = valueStart(lines, after: index, labels: labels)
            }
            while next < lines.count, !TextNormalizer.isBlank(lines[next]),
                  self.header(lines[next], labels: labels) == nil {
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
        var content = TextNormalizer.trimmed(line)
        let listed = ListMarker.split(content)
        if case .bullet? = listed.marker {
            content = listed.rest
        }
        guard !content.isEmpty else { return nil }
        for (separator, bytes) in zip(separators, separatorBytes) {
            // Speed: a byte scan rules out most lines; only a line holding the separator's bytes
            // pays for the Character-wise search (which is what decides, as before).
            guard contains(content.utf8, bytes), let cut = content.firstRange(of: separator) else { continue }
            let label = TextNormalizer.trimmed(content[..<cut.lowerBound])
            guard let key = labels.field(forLabel: label) else { continue }
            let value = TextNormalizer.trimmed(content[cut.upperBound...])
            return Header(key: key, label: label, value: value.isEmpty ? nil : value)
        }
        guard let key = labels.field(forLabel: content) else { return nil }
        let label = content.last == ":" ? TextNormalizer.trimmed(content.dropLast()) : content
        return Header(key: key, label: label, value: nil)
    }

    static let separatorBytes: [[UInt8]] = separators.map { Array($0.utf8) }

    /// Whether `needle` (non-empty) occurs in `haystack`: every Character match is a byte match.
    static func contains(_ haystack: Substring.UTF8View, _ needle: [UInt8]) -> Bool {
        let first = needle[0]
        let found: Bool? = haystack.withContiguousStorageIfAvailable { h in
            let n = needle.count
            guard h.count >= n else { return false }
            var i = 0
            while i <= h.count - n {
                if h[i] == first {
                    var k = 1
                    while k < n, h[i + k] == needle[k] { k += 1 }
                    if k == n { return true }
                }
                i += 1
            }
            return false
        }
        return found ?? true
    }

    /// Where the value of a label standing alone begins: the next line, or the first line
    /// after a few blank ones, unless that line is itself a label.
    private static func valueStart(_ lines: [Substring], after index: Int, labels: FieldLabelTable) -> Int {
        var candidate = index + 1
        var blanks = 0
        while candidate < lines.count, TextNormalizer.isBlank(lines[candidate]), blanks < blankLinesBeforeValue {
            candidate += 1
            blanks += 1
        }
        guard candidate < lines.count, !TextNormalizer.isBlank(lines[candidate]),
              header(lines[candidate], labels: labels) == nil else { return index + 1 }
        return candidate
    }
}
