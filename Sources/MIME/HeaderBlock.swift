/// Splits a header block off the bytes that follow it. Works on index ranges of the whole
/// message so offsets stay absolute and nothing is copied but the field values.
public struct HeaderBlock: Sendable {
    public var fields: HeaderFields
    /// Index of the first body byte; the range's end when there is no body.
    public var bodyStart: Int
    public var warnings: [MIMEWarning]

    /// Junk-line warnings kept per block: a hostile 5 MB header must not become 100k warnings.
    static let maxJunkWarnings = 8

    /// Parses the header block at the start of `range`.
    /// - Parameter isPart: a MIME part (not a message): a first line that is no header starts the body.
    public static func parse(_ bytes: [UInt8], in range: Range<Int>, limits: ParseLimits = .default,
                             part: String = "", isPart: Bool = false) -> HeaderBlock {
        var scanner = HeaderScanner(bytes: bytes, end: range.upperBound, limits: limits, part: part, isPart: isPart)
        return scanner.run(from: range.lowerBound)
    }
}

private struct HeaderScanner {
    let bytes: [UInt8]
    let end: Int
    let limits: ParseLimits
    let part: String
    let isPart: Bool
    var fields: [HeaderField] = []
    var warnings: [MIMEWarning] = []
    var junkLines = 0
    var collecting = true
    /// The field being unfolded: name, value bytes, offset.
    var open: (name: String, value: [UInt8], offset: Int)?

    init(bytes: [UInt8], end: Int, limits: ParseLimits, part: String, isPart: Bool) {
        self.bytes = bytes; self.end = end; self.limits = limits; self.part = part; self.isPart = isPart
    }

    mutating func run(from start: Int) -> HeaderBlock {
        var i = start
        var bodyStart = end
        while i < end {
            let (lineEnd, next) = lineBounds(from: i)
            if lineEnd == i { bodyStart = next; break }  // the empty line
            if collecting, i - start + (lineEnd - i) > limits.maxHeaderBytes {
                collecting = false
                warn(.headerTooLarge, "header block over \(limits.maxHeaderBytes) bytes; rest ignored")
            }
            if collecting {
                if !take(line: i..<lineEnd) { bodyStart = i; break }
            }
            i = next
        }
        closeField()
        if junkLines > HeaderBlock.maxJunkWarnings {
            warn(.malformedHeaderLine, "\(junkLines) lines without a field name in total")
        }
        return HeaderBlock(fields: HeaderFields(fields), bodyStart: bodyStart, warnings: warnings)
    }

    /// End of the line content and start of the next line. Tolerates CRLF, LF and bare CR.
    func lineBounds(from i: Int) -> (Int, Int) {
        var j = i
        while j < end {
            let b = bytes[j]
            if b == 0x0A { return (j, j + 1) }
            if b == 0x0D {
                // QUIRK: bare CR line ends (old Mac clients, some gateways) count as line ends.
                return (j, j + 1 < end && bytes[j + 1] == 0x0A ? j + 2 : j + 1)
            }
            j += 1
        }
        return (end, end)
    }

    /// Handles one header line; false when the body starts at this line.
    mutating func take(line: Range<Int>) -> Bool {
        let first = bytes[line.lowerBound]
        if first == 0x20 || first == 0x09 {
            if open != nil {
                open!.value.append(contentsOf: bytes[line])  // unfold: drop the line break, keep WSP
            } else {
                junk(line, "continuation line without a field")
            }
            return true
        }
        guard let colon = nameEnd(line) else {
            // QUIRK: a part that starts straight with its content (no header, no blank line),
            // seen from broken gateways; the mbox `From ` line or junk in a message is skipped.
            if isPart && fields.isEmpty && open == nil {
                junk(line, "part without header; body starts here")
                return false
            }
            junk(line, "line without a field name")
            return true
        }
        closeField()
        if fields.count >= limits.maxHeaderFields {
            collecting = false
            warn(.tooManyHeaderFields, "more than \(limits.maxHeaderFields) fields; rest ignored")
            return true
        }
        var nameEndIndex = colon
        // QUIRK: obsolete `Subject : x` (whitespace before the colon, RFC 5322 4.5.3, which readers
        // must accept; senders not pinned down, seen in mime4j's and Stalwart's test mails). Python's
        // `email` takes such a first line for the body start and loses the whole header.
        while nameEndIndex > line.lowerBound, bytes[nameEndIndex - 1] == 0x20 || bytes[nameEndIndex - 1] == 0x09 {
            nameEndIndex -= 1
        }
        let name = String(decoding: bytes[line.lowerBound..<nameEndIndex], as: UTF8.self)
        open = (name, Array(bytes[(colon + 1)..<line.upperBound]), line.lowerBound)
        return true
    }

    /// Index of the colon ending a valid field name, or nil.
    func nameEnd(_ line: Range<Int>) -> Int? {
        var j = line.lowerBound
        var sawSpace = false
        while j < line.upperBound {
            let b = bytes[j]
            if b == 0x3A { return j > line.lowerBound ? j : nil }
            if b == 0x20 || b == 0x09 {
                sawSpace = true
            } else if sawSpace || b < 0x21 || b > 0x7E {
                return nil  // `From sender date` (mbox) or 8-bit junk: no field name
            }
            j += 1
        }
        return nil
    }

    mutating func closeField() {
        guard let f = open else { return }
        open = nil
        fields.append(HeaderField(name: f.name, rawValue: trimmed(f.value), offset: f.offset))
    }

    func trimmed(_ v: [UInt8]) -> [UInt8] {
        var lo = 0, hi = v.count
        while lo < hi, v[lo] == 0x20 || v[lo] == 0x09 { lo += 1 }
        while hi > lo, v[hi - 1] == 0x20 || v[hi - 1] == 0x09 || v[hi - 1] == 0x0D || v[hi - 1] == 0x0A { hi -= 1 }
        return lo == 0 && hi == v.count ? v : Array(v[lo..<hi])
    }

    mutating func junk(_ line: Range<Int>, _ why: String) {
        junkLines += 1
        guard junkLines <= HeaderBlock.maxJunkWarnings else { return }
        let excerpt = String(decoding: bytes[line.lowerBound..<min(line.upperBound, line.lowerBound + 40)], as: UTF8.self)
        warn(.malformedHeaderLine, "\(why) at offset \(line.lowerBound): \(excerpt)")
    }

    mutating func warn(_ kind: MIMEWarning.Kind, _ detail: String) {
        warnings.append(MIMEWarning(kind, part: part, detail))
    }
}
