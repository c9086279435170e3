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
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
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
        for separator in Self.cellSeparators {
            let parts = cells(line, separator: separator)
            guard parts.count >= Self.minimumHeaderCells else { continue }
            if parts.allSatisfy({ labels.field(forLabel: $0) != nil }) { return (parts, separator) }
        }
        return nil
    }

    private func cells(_ line: String, separator: String) -> [String] {
        var trimmed = Substring(line).trimmingPrefixWhitespace
        while trimmed.last.map({ $0 == ":" || $0.isWhitespace }) == true { trimmed = trimmed.dropLast() }
        return trimmed.components(separatedBy: separator).map { String(TextNormalizer.trimmed(Substring($0))) }
    }
}
