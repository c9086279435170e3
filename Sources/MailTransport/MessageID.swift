/// A Message-ID as the transport searches for it: `<left@right>`, printable ASCII, no spaces.
/// Reading it from raw header bytes is deliberately minimal (first header block, unfolded);
/// full parsing is the MIME target's job.
public struct MessageID: Sendable, Hashable, CustomStringConvertible {
    /// With angle brackets.
    public let value: String

    /// Accepts `<id>` or a bare `id`; refuses anything that could not be searched for safely.
    public init?(_ text: String) {
        var trimmed = Substring(text.trimmingASCIIWhitespace())
        if trimmed.hasPrefix("<"), trimmed.hasSuffix(">"), trimmed.count >= 2 { trimmed = trimmed.dropFirst().dropLast() }
        guard !trimmed.isEmpty, trimmed.count <= 995,
              trimmed.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") })
        else { return nil }
        value = "<\(trimmed)>"
    }

    public var description: String { value }

    /// The Message-ID header of a raw message, looking only at its header block (≤ 256 KiB).
    public static func find(in raw: [UInt8]) -> MessageID? {
        guard let value = headerValue(named: "message-id", in: raw) else { return nil }
        // Take the first <...> token; some senders add comments around it.
        if let open = value.firstIndex(of: "<"), let close = value[open...].firstIndex(of: ">") {
            return MessageID(String(value[open...close]))
        }
        return MessageID(value)
    }

    static func headerValue(named wanted: String, in raw: [UInt8]) -> String? {
        let block = raw.prefix(256 * 1024)
        var lines: [String] = []
        var start = block.startIndex
        var index = block.startIndex
        while index < block.endIndex {
            if block[index] == 0x0A {
                var end = index
                if end > start, block[end - 1] == 0x0D { end -= 1 }
                if end == start { break }  // empty line: end of the header block
                let line = String(decoding: block[start..<end], as: UTF8.self)
                if let first = line.first, first == " " || first == "\t", !lines.isEmpty {
                    lines[lines.count - 1] += line  // folded continuation
                } else {
                    lines.append(line)
                }
                start = index + 1
            }
            index += 1
        }
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].trimmingASCIIWhitespace().lowercased() == wanted {
                return line[line.index(after: colon)...].trimmingASCIIWhitespace()
            }
        }
        return nil
    }
}

extension StringProtocol {
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
