/// UTF-8 text being written line by line, with whitespace collapsed within lines.
struct TextSink {
    var out: [UInt8] = []
    var pendingSpace = false
    var atLineStart = true

    /// Adds one byte of running text: whitespace runs become one space, none at line start.
    @inline(__always) mutating func text(_ b: UInt8) {
        if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
            pendingSpace = true
            return
        }
        if pendingSpace, !atLineStart { out.append(0x20) }
        pendingSpace = false
        atLineStart = false
        out.append(b)
    }

    /// Ends the line; `force` (a `<br>`) also makes an empty line when already at a line start.
    mutating func lineBreak(force: Bool) {
        pendingSpace = false
        if !atLineStart || force { out.append(0x0A) }
        atLineStart = true
    }

    /// Appends already formatted text (a table row, a folded cell).
    mutating func raw(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        out.append(contentsOf: bytes)
        atLineStart = bytes.last == 0x0A
        pendingSpace = false
    }
}

/// Final clean-up of converted text.
enum TextLines {
    /// Trims each line, keeps at most one blank line in a row, drops leading and trailing blanks.
    static func tidy(_ bytes: [UInt8]) -> String {
        var lines: [Substring] = []
        var blank = false
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            let t = line.trimmingSpaces()
            if t.isEmpty {
                blank = !lines.isEmpty
                continue
            }
            if blank { lines.append("") }
            blank = false
            lines.append(t)
        }
        return lines.joined(separator: "\n")
    }

    /// Trims spaces and line breaks at both ends of a cell's bytes.
    static func trim(_ b: [UInt8]) -> [UInt8] {
        var lo = 0, hi = b.count
        while lo < hi, b[lo] == 0x20 || b[lo] == 0x0A { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x0A { hi -= 1 }
        return Array(b[lo..<hi])
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return s
    }
}
