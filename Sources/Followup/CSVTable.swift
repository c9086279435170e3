/// A CSV file as rows of cells (RFC 4180 quoting), with the separator a provider's export uses:
/// `;` (Excel in Spanish locales), `,` or tab, whichever splits the first lines most.
public enum CSVTable {
    public static func rows(_ text: String) -> [[String]] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // The first 15 lines, not just the first: a title line ("Listado de asistentes") often
        // precedes the header and has no separator at all.
        let head = body.split(whereSeparator: \.isNewline).prefix(15).joined(separator: "\n")
        let separator: Character = [";", ",", "\t"].max { a, b in
            head.filter { $0 == a }.count < head.filter { $0 == b }.count
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
