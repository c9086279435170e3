// The identity of a mail across mailboxes and UIDVALIDITY changes (design.md: "The same message in
// both mailboxes is one request (Message-ID; a hash of the raw header when it has none)").
import Foundation

enum MessageKey {
    /// Trace fields differ between two deliveries of one mail (each mailbox gets its own
    /// `Received` chain and envelope copies), so the header hash leaves them out (RFC 5322 §3.6.7).
    static let traceFields: Set<String> = [
        "received", "return-path", "delivered-to", "x-original-to", "envelope-to", "x-envelope-to",
    ]

    /// A Message-ID as given (with or without angle brackets, folded whitespace around it) in
    /// the one form the ledger stores: `<id>`. `nil` when nothing is left.
    static func normalize(messageID: String?) -> String? {
        guard let messageID else { return nil }
        var inner = Substring(messageID).drop(while: \.isWhitespace)
        while let last = inner.last, last.isWhitespace { inner = inner.dropLast() }
        if inner.first == "<" { inner = inner.dropFirst() }
        if inner.last == ">" { inner = inner.dropLast() }
        return inner.isEmpty ? nil : "<\(inner)>"
    }

    /// The key of a mail: its Message-ID, or `sha256:` + hex of its header without trace fields.
    static func key(messageID: String?, raw: Data) -> String {
        normalize(messageID: messageID) ?? "sha256:" + SHA256.hex(headerWithoutTrace([UInt8](raw)))
    }

    static func key(messageID: String?, raw: [UInt8]) -> String {
        normalize(messageID: messageID) ?? "sha256:" + SHA256.hex(headerWithoutTrace(raw))
    }

    /// The header section (up to the first empty line), unfolded (gateways re-fold long fields), trace fields removed,
    /// lines joined with CRLF whatever the stored line ending was.
    static func headerWithoutTrace(_ raw: [UInt8]) -> [UInt8] {
        var fields: [[UInt8]] = []
        for line in headerLines(raw) {
            if let first = line.first, first == 0x20 || first == 0x09, !fields.isEmpty {
                fields[fields.count - 1] += line  // unfolding removes the CRLF
            } else {
                fields.append(Array(line))
            }
        }
        var out: [UInt8] = []
        for field in fields where !traceFields.contains(fieldName(field)) {
            out += field + [0x0D, 0x0A]
        }
        return out
    }

    private static func headerLines(_ raw: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = raw.startIndex
        var index = raw.startIndex
        while index < raw.endIndex {
            if raw[index] == 0x0A {
                var end = index
                if end > start, raw[end - 1] == 0x0D { end -= 1 }
                if end == start { return lines }  // the empty line ends the header
                lines.append(raw[start..<end])
                start = index + 1
            }
            index += 1
        }
        if start < raw.endIndex { lines.append(raw[start...]) }
        return lines
    }

    private static func fieldName(_ field: [UInt8]) -> String {
        let name = field.prefix { $0 != UInt8(ascii: ":") }
        return String(decoding: name, as: UTF8.self).trimmingCharactersInASCIIWhitespace().lowercased()
    }
}

extension String {
    fileprivate func trimmingCharactersInASCIIWhitespace() -> String {
        var slice = Substring(self)
        while slice.first == " " || slice.first == "\t" { slice = slice.dropFirst() }
        while slice.last == " " || slice.last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
