/// Transfer decoding of a large leaf slice by slice, each slice's raw pages released once it is
/// decoded (`PageRelease`): the base64 of a 40 MiB PDF shrinks while the PDF grows, instead of
/// both being resident at the end of the parse. The result is byte for byte `decode`'s.
extension TransferEncoding {
    static func decode(_ bytes: [UInt8], _ body: Range<Int>, encoding: String,
                       releasing pages: PageRelease) -> (bytes: [UInt8], issue: MIMEWarning.Kind?) {
        if encoding == "base64" {
            let r = base64(bytes, body, pages)
            return (r.bytes, r.malformed ? .malformedBase64 : nil)
        }
        guard isIdentity(encoding) else {
            // Quoted-printable and the rest: rare for large files; decoded whole, then released.
            defer { pages.release(body) }
            return decode(bytes[body], encoding: encoding)
        }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var start = body.lowerBound
        while start < body.upperBound {
            let end = min(start + PageRelease.slice, body.upperBound)
            out.append(contentsOf: bytes[start..<end])
            pages.release(start..<end)
            start = end
        }
        return (out, nil)
    }

    /// Base64 in slices ending at line starts. A slice is decoded on its own only when it ends
    /// on a whole group: it holds no `=` (padding flushes a group) and decodes, not malformed,
    /// to a multiple of 3 bytes — then the decoder's state there is empty, and decoding the rest
    /// separately gives what decoding all at once would. Otherwise the rest is decoded in one go.
    private static func base64(_ bytes: [UInt8], _ body: Range<Int>, _ pages: PageRelease) -> (bytes: [UInt8], malformed: Bool) {
        var out: [UInt8] = []
        out.reserveCapacity(body.count / 4 * 3 + 3)
        var start = body.lowerBound
        while start < body.upperBound {
            var end = min(start + PageRelease.slice, body.upperBound)
            while end < body.upperBound, bytes[end - 1] != 0x0A { end += 1 }
            if end < body.upperBound, !bytes[start..<end].contains(UInt8(ascii: "=")) {
                let part = Base64.decode(bytes[start..<end])
                if !part.malformed, part.bytes.count % 3 == 0 {
                    out.append(contentsOf: part.bytes)
                    pages.release(start..<end)
                    start = end
                    continue
                }
            }
            let rest = Base64.decode(bytes[start..<body.upperBound])
            out.append(contentsOf: rest.bytes)
            pages.release(start..<body.upperBound)
            return (out, rest.malformed)
        }
        return (out, false)
    }
}
