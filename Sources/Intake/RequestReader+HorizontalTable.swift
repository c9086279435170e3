/// The 4.2.1 table copied the way the procedure prints it: one header row of labels
/// ("ASUNTO DEL CORREO | FECHA DE SALIDA A PRODUCCIÓN | MATERIAL DE APOYO | TEST") over one row
/// of values. HTML rows arrive as cells joined by ": ", plain-text rows as cells joined by tabs;
/// both are rewritten as "label: value" lines so the fields read the same as a vertical table.
extension RequestReader {
    /// Cell separators of a table row turned into text (HTMLText joins cells with ": ").
    static let cellSeparators = [": ", "\t"]
    /// Labels a header row has at least: the 4.2.1 table has four columns (five for projects);
    /// two labels on a line ("Material: Test") are a field and its value.
    static let minimumHeaderCells = 3

    func transposingHorizontalTables(_ text: String) -> String {
        // Any line break: "\r\n" is one Character, so splitting on "\n" alone would see one line.
        let split = TextNormalizer.lines(text)
        // Speed: a long thread usually has no line with enough separators to be a header row.
        guard split.contains(where: { Self.mayBeHeaderRow($0.utf8) }) else { return text }
        var lines = split.map(String.init)
        var changed = false
        var index = 0
        while index < lines.count {
            if let (labels, separator) = headerCells(lines[index]),
               let valueIndex = lines[(index + 1)...].firstIndex(where: { !$0.isBlank }),
               case let values = cells(lines[valueIndex], separator: separator), values.count == labels.count,
               headerCells(lines[valueIndex]) == nil {
                let rewritten = zip(labels, values).map { "\($0): \($1)" }
                lines.replaceSubrange(index...valueIndex, with: rewritten)
                index += rewritten.count
                changed = true
            } else {
                index += 1
            }
        }
        return changed ? lines.joined(separator: "\n") : text
    }

    /// The cells of a row made only of field labels (at least `minimumHeaderCells`), with the separator used.
    private func headerCells(_ line: String) -> (cells: [String], separator: String)? {
        for (separator, bytes) in zip(Self.cellSeparators, Self.cellSeparatorBytes) {
            guard Self.occurs(bytes, in: line.utf8, times: Self.minimumHeaderCells - 1) else { continue }
            let parts = cells(line, separator: separator)
            guard parts.count >= Self.minimumHeaderCells else { continue }
            if parts.allSatisfy({ labels.field(forLabel: $0) != nil }) { return (parts, separator) }
        }
        return nil
    }

    static let cellSeparatorBytes: [[UInt8]] = cellSeparators.map { Array($0.utf8) }

    /// Whether `line` holds some separator's bytes often enough for `minimumHeaderCells` cells.
    /// Every Character match of a separator is a byte match, so a line failing this has fewer cells.
    static func mayBeHeaderRow<U: Collection<UInt8>>(_ line: U) -> Bool {
        cellSeparatorBytes.contains { occurs($0, in: line, times: minimumHeaderCells - 1) }
    }

    /// Whether `needle` (non-empty) starts at `times` or more byte offsets of `haystack`.
    static func occurs<U: Collection<UInt8>>(_ needle: [UInt8], in haystack: U, times: Int) -> Bool {
        guard times > 0 else { return true }
        // Speed: a String's bytes are contiguous; iterating a UTF-8 view costs far more per byte.
        if let decided = haystack.withContiguousStorageIfAvailable({ occurs(needle, inBuffer: $0, times: times) }) { return decided }
        var found = 0
        var index = haystack.startIndex
        while index != haystack.endIndex {
            if haystack[index] == needle[0], haystack[index...].starts(with: needle) {
                found += 1
                if found >= times { return true }
            }
            haystack.formIndex(after: &index)
        }
        return false
    }

    /// `occurs` over contiguous bytes.
    private static func occurs(_ needle: [UInt8], inBuffer haystack: UnsafeBufferPointer<UInt8>, times: Int) -> Bool {
        let first = needle[0], n = needle.count
        guard haystack.count >= n else { return false }
        var found = 0
        var i = 0
        while i <= haystack.count - n {
            if haystack[i] == first {
                var k = 1
                while k < n, haystack[i + k] == needle[k] { k += 1 }
                if k == n {
                    found += 1
                    if found >= times { return true }
                }
            }
            i += 1
        }
        return false
    }

    private func cells(_ line: String, separator: String) -> [String] {
        var trimmed = Substring(line).trimmingPrefixWhitespace
        while trimmed.last.map({ $0 == ":" || $0.isWhitespace }) == true { trimmed = trimmed.dropLast() }
        return trimmed.components(separatedBy: separator).map { String(TextNormalizer.trimmed(Substring($0))) }
    }
}
