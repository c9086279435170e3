/// A CSV file as rows of cells (RFC 4180 quoting), with the separator a provider's export uses:
/// `;` (Excel in Spanish locales), `,` or tab, whichever splits the first non-blank line most.
public enum CSVTable {
    public static func rows(_ text: String) -> [[String]] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let firstLine = body.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) } ?? ""
        let separator: Character = [";", ",", "\t"].max { a, b in
            firstLine.filter { $0 == a }.count < firstLine.filter { $0 == b }.count
        } ?? ","
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var iterator = Array(body).makeIterator()
        var pending: Character? = nil
        while let ch = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if ch == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { cell.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { cell.append(ch) }
            } else if ch == "\"" && cell.isEmpty {
                quoted = true
            } else if ch == separator {
                row.append(cell); cell = ""
            } else if ch.isNewline {
                row.append(cell); rows.append(row); row = []; cell = ""
            } else {
                cell.append(ch)
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }
}
