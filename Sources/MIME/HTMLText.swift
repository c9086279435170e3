/// HTML mail bodies as plain text, for reading fields out of them. A tolerant one-pass
/// scanner (not a DOM): block tags become line breaks, each table row one line of its cells
/// joined by ": " (Outlook sends label/value forms as tables), invisible content dropped.
public enum HTMLText {
    /// Converts `html`; `truncated` when the text was cut at `maxCharacters`.
    public static func convert(_ html: String, maxCharacters: Int = .max) -> (text: String, truncated: Bool) {
        var scanner = HTMLScanner(Array(html.utf8))
        scanner.run()
        let text = TextLines.tidy(scanner.finish())
        if text.count <= maxCharacters { return (text, false) }
        return (String(text.prefix(maxCharacters)), true)
    }
}

/// The scanner's state: a stack of text sinks (one per open table cell) and of tables.
struct HTMLScanner {
    let src: [UInt8]
    var i = 0
    var sinks: [TextSink] = [TextSink()]
    var tables: [TableState] = []
    /// Tables opened past `maxTables` are read as plain flow: keeps cell folding linear.
    var ignoredTables = 0
    static let maxTables = 32
    /// Past the last `>` no tag can close: every `<` there is text (keeps the scan linear).
    let lastGreater: Int

    struct TableState {
        var rowOpen = false
        /// Index in `sinks` of the open cell's sink.
        var cellSink: Int?
        var cells: [[UInt8]] = []
    }

    init(_ src: [UInt8]) {
        self.src = src
        lastGreater = src.lastIndex(of: UInt8(ascii: ">")) ?? -1
    }

    mutating func run() {
        while i < src.count {
            let b = src[i]
            if b == UInt8(ascii: "<"), i < lastGreater, i + 1 < src.count, Self.startsTag(src[i + 1]) {
                tag()
            } else if b == UInt8(ascii: "&") {
                entity()
            } else {
                sinks[sinks.count - 1].text(b)
                i += 1
            }
        }
    }

    mutating func finish() -> [UInt8] {
        while !tables.isEmpty { endTable() }
        while sinks.count > 1 { mergeTop() }
        return sinks[0].out
    }

    static func startsTag(_ c: UInt8) -> Bool {
        (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") || c == UInt8(ascii: "/")
            || c == UInt8(ascii: "!") || c == UInt8(ascii: "?")
    }

    mutating func tag() {
        if src[i + 1] == UInt8(ascii: "!"), match("<!--", at: i) {
            // Comments, Outlook's conditional comments `<!--[if gte mso 9]>...<![endif]-->` included.
            i = find("-->", from: i + 4).map { $0 + 3 } ?? src.count
            return
        }
        let close = src[(i + 1)...].firstIndex(of: UInt8(ascii: ">")) ?? src.count - 1
        var n = i + 1
        let isEnd = src[n] == UInt8(ascii: "/")
        if isEnd { n += 1 }
        var name: [UInt8] = []
        while n < close, name.count < 12 {
            let c = src[n]
            let isNameChar = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) || c == 0x3A
            if !isNameChar { break }
            name.append(c | 0x20)
            n += 1
        }
        i = close + 1
        handle(String(decoding: name, as: UTF8.self), isEnd: isEnd)
    }

    mutating func handle(_ name: String, isEnd: Bool) {
        switch name {
        case "style", "script", "head", "title", "xml":
            if !isEnd { i = find("</" + name, from: i).map { src[$0...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? src.count } ?? src.count }
        case "br": top { $0.lineBreak(force: true) }
        case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "hr", "dt", "dd", "address", "center":
            top { $0.lineBreak(force: false) }
        case "table":
            top { $0.lineBreak(force: false) }
            if isEnd {
                if ignoredTables > 0 { ignoredTables -= 1 } else { endTable() }
            } else if tables.count >= Self.maxTables {
                ignoredTables += 1
            } else {
                tables.append(TableState())
            }
        case "tr":
            if isEnd { endRow() } else { startRow() }
        case "td", "th":
            if isEnd { endCell() } else { startCell() }
        default: break
        }
    }

    mutating func top(_ f: (inout TextSink) -> Void) { f(&sinks[sinks.count - 1]) }

    mutating func startRow() {
        if tables.isEmpty { tables.append(TableState()) }  // QUIRK: rows without <table> (pasted fragments)
        endRow()
        tables[tables.count - 1].rowOpen = true
    }

    mutating func startCell() {
        if tables.isEmpty || !tables[tables.count - 1].rowOpen { startRow() }
        endCell()
        sinks.append(TextSink())
        tables[tables.count - 1].cellSink = sinks.count - 1
    }

    mutating func endCell() {
        guard let t = tables.indices.last, let index = tables[t].cellSink else { return }
        while sinks.count - 1 > index { mergeTop() }
        let cell = TextLines.trim(sinks.removeLast().out)
        tables[t].cellSink = nil
        if !cell.isEmpty { tables[t].cells.append(cell) }
    }

    mutating func endRow() {
        guard let t = tables.indices.last, tables[t].rowOpen else { return }
        endCell()
        let cells = tables[t].cells
        tables[t].cells = []
        tables[t].rowOpen = false
        guard !cells.isEmpty else { return }
        let joined = Array(cells.joined(separator: Array(": ".utf8)))
        top { $0.lineBreak(force: false); $0.raw(joined); $0.lineBreak(force: false) }
    }

    mutating func endTable() {
        guard !tables.isEmpty else { return }
        endRow()
        tables.removeLast()
        top { $0.lineBreak(force: false) }
    }

    /// Folds the top sink's text into the one below (unclosed cells of a broken table).
    mutating func mergeTop() {
        let out = sinks.removeLast().out
        top { $0.lineBreak(force: false); $0.raw(out) }
    }

    mutating func entity() {
        if let (bytes, next) = HTMLEntities.decode(src, at: i) {
            for b in bytes { sinks[sinks.count - 1].text(b) }
            i = next
        } else {
            sinks[sinks.count - 1].text(src[i])
            i += 1
        }
    }

    func match(_ s: String, at k: Int) -> Bool {
        let p = Array(s.utf8)
        guard k + p.count <= src.count else { return false }
        for (j, c) in p.enumerated() where src[k + j] | 0x20 != c | 0x20 { return false }
        return true
    }

    /// First index of `s` (ASCII, case-insensitive) at or after `from`.
    func find(_ s: String, from: Int) -> Int? {
        let p = Array(s.utf8)
        guard let first = p.first, from <= src.count - p.count else { return nil }
        var k = from
        while k <= src.count - p.count {
            if src[k] | 0x20 == first | 0x20, match(s, at: k) { return k }
            k += 1
        }
        return nil
    }
}
