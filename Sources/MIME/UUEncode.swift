/// `x-uuencode` bodies (old Outlook Express and Usenet gateways): `begin` line, length-prefixed
/// lines, `end`. Only the first file is decoded.
public enum UUEncode {
    /// `malformed` when no `begin` line was found (the raw bytes are returned then).
    public static func decode(_ input: ArraySlice<UInt8>) -> (bytes: [UInt8], malformed: Bool) {
        let lines = input.split(omittingEmptySubsequences: false) { $0 == 0x0A }
        guard let beginIndex = lines.firstIndex(where: { $0.starts(with: Array("begin ".utf8)) }) else {
            return (Array(input), true)
        }
        var out = [UInt8]()
        for var line in lines[(beginIndex + 1)...] {
            if line.last == 0x0D { line = line.dropLast() }
            if line.starts(with: Array("end".utf8)) { break }
            guard let first = line.first else { continue }
            let count = Int((first &- 0x20) & 0x3F)
            if count == 0 { continue }
            var chunk = [UInt8]()
            var quad = [UInt8]()
            for c in line.dropFirst() {
                quad.append((c &- 0x20) & 0x3F)
                if quad.count == 4 {
                    chunk.append(quad[0] << 2 | quad[1] >> 4)
                    chunk.append(quad[1] << 4 | quad[2] >> 2)
                    chunk.append(quad[2] << 6 | quad[3])
                    quad.removeAll(keepingCapacity: true)
                }
            }
            out.append(contentsOf: chunk.prefix(count))
        }
        return (out, false)
    }
}
