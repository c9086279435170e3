/// The `mime --json` line written by hand: Foundation's `JSONEncoder` was a quarter of the
/// command's instructions. The bytes are those `JSONEncoder` writes with `.sortedKeys` and
/// `.withoutEscapingSlashes` (keys in sorted order, nil members of a part omitted, nil top-level
/// members as `null`), which `MessageOutlineJSONTests` checks against the encoder itself.
extension MessageOutline {
    /// One compact JSON object: the outline's members plus `file`, the name it was read from.
    public func jsonLine(file: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        out.append(contentsOf: #"{"file":"#.utf8)
        JSONString.append(file, to: &out)
        out.append(contentsOf: #","from":"#.utf8)
        JSONString.append(optional: from, to: &out)
        out.append(contentsOf: #","messageID":"#.utf8)
        JSONString.append(optional: messageID, to: &out)
        out.append(contentsOf: #","root":"#.utf8)
        Self.append(root, to: &out)
        out.append(contentsOf: #","subject":"#.utf8)
        JSONString.append(optional: subject, to: &out)
        out.append(contentsOf: #","warnings":["#.utf8)
        for (index, warning) in warnings.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONString.append(warning, to: &out)
        }
        out.append(contentsOf: "]}".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// A part's members in sorted key order; nil ones left out, as synthesized `Codable` does.
    private static func append(_ part: Part, to out: inout [UInt8]) {
        out.append(contentsOf: #"{"attachment":"#.utf8)
        out.append(contentsOf: (part.attachment ? "true" : "false").utf8)
        if let bytes = part.bytes {
            out.append(contentsOf: #","bytes":"#.utf8)
            out.append(contentsOf: String(bytes).utf8)
        }
        member("charset", part.charset, to: &out)
        out.append(contentsOf: #","children":["#.utf8)
        for (index, child) in part.children.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            append(child, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        member("contentID", part.contentID, to: &out)
        member("contentType", part.contentType, to: &out)
        member("disposition", part.disposition, to: &out)
        member("filename", part.filename, to: &out)
        member("nestedSubject", part.nestedSubject, to: &out)
        out.append(contentsOf: #","opaque":"#.utf8)
        out.append(contentsOf: (part.opaque ? "true" : "false").utf8)
        member("path", part.path, to: &out)
        member("transferEncoding", part.transferEncoding, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// `,"key":"value"`, or nothing when the value is nil.
    private static func member(_ key: StaticString, _ value: String?, to out: inout [UInt8]) {
        guard let value else { return }
        out.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\"")])
        out.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        JSONString.append(value, to: &out)
    }
}

/// A JSON string literal (RFC 8259 section 7): quote, backslash and U+0000–U+001F escaped, the
/// rest (`/` and all non-ASCII included) copied as UTF-8, the way `JSONEncoder` writes it.
enum JSONString {
    static func append(optional value: String?, to out: inout [UInt8]) {
        if let value { append(value, to: &out) } else { out.append(contentsOf: "null".utf8) }
    }

    static func append(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            for (i, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                appendEscape(byte, to: &out)
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x22, 0x5C: out.append(byte)
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}
