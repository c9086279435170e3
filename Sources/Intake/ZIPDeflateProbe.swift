import Foundation
#if canImport(CZlib)
import CZlib
#endif

/// Proves, before ZIPFoundation inflates an entry, that its deflate stream ends inside the
/// entry's compressed bytes.
///
/// Why: on Linux ZIPFoundation ≤ 0.9.20 inflates with `repeat … while result != Z_STREAM_END`
/// and, when the archive runs out before the stream ends, loops forever at 100% CPU without
/// calling our consumer (upstream weichsel/ZIPFoundation PR #389). A truncated or crafted
/// attachment would stall the daemon. Delete this type once the fix is released and pinned.
/// Apple platforms take another path and do not need it (`init` returns nil there).
struct ZIPDeflateProbe {
    private let bytes: [UInt8]
    /// Offset of each entry's compressed data, by `OOXMLPackage.key` of its name.
    private let dataOffsets: [String: Int]

    init?(data: Data) {
        #if canImport(CZlib)
        let bytes = [UInt8](data)
        self.bytes = bytes
        self.dataOffsets = Self.dataOffsets(bytes)
        #else
        return nil
        #endif
    }

    /// Throws `.unreadableEntry` when the stream is corrupt or does not end within
    /// `compressedSize`; returns early (fine) once `maxOutput` bytes came out, because the
    /// extraction will be stopped by its own consumer at that same point.
    func checkTerminates(entry: String, compressedSize: UInt64, maxOutput: Int) throws(InspectionWarning) {
        #if canImport(CZlib)
        guard let start = dataOffsets[OOXMLPackage.key(entry)] else {
            throw .unreadableEntry(entry: entry, reason: "local header not found")
        }
        guard compressedSize <= UInt64(bytes.count - start) else {
            throw .unreadableEntry(entry: entry, reason: "compressed data runs past the end of the zip")
        }
        if let reason = Self.inflateEnds(bytes[start..<(start + Int(compressedSize))], maxOutput: maxOutput) {
            throw .unreadableEntry(entry: entry, reason: reason)
        }
        #endif
    }

    #if canImport(CZlib)
    /// nil when the raw deflate stream ends (or passes `maxOutput`), else why it does not.
    private static func inflateEnds(_ input: ArraySlice<UInt8>, maxOutput: Int) -> String? {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return "zlib init failed"
        }
        defer { inflateEnd(&stream) }
        var scratch = [UInt8](repeating: 0, count: 64 * 1_024)
        var produced = 0
        return input.withUnsafeBufferPointer { inBuf -> String? in
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = UInt32(inBuf.count)
            while true {
                let result = scratch.withUnsafeMutableBufferPointer { outBuf -> Int32 in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = UInt32(outBuf.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                produced += scratch.count - Int(stream.avail_out)
                switch result {
                case Z_STREAM_END: return nil
                case Z_OK where produced > maxOutput: return nil
                case Z_OK where stream.avail_in > 0 || stream.avail_out == 0: continue
                case Z_OK, Z_BUF_ERROR: return "deflate stream does not end within its compressed size"
                default: return "corrupt deflate data (zlib \(result))"
                }
            }
        }
    }
    #endif

    /// Reads the zip's central directory just far enough to find each entry's data.
    private static func dataOffsets(_ b: [UInt8]) -> [String: Int] {
        func u16(_ i: Int) -> Int { i + 2 <= b.count ? Int(b[i]) | Int(b[i + 1]) << 8 : 0 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        guard b.count >= 22 else { return [:] }
        var eocd = b.count - 22
        let lowest = max(0, b.count - 22 - 65_535)
        while eocd >= lowest, u32(eocd) != 0x0605_4B50 { eocd -= 1 }
        guard eocd >= lowest else { return [:] }
        let count = u16(eocd + 10)
        var p = u32(eocd + 16)
        var out: [String: Int] = [:]
        for _ in 0..<count {
            guard p + 46 <= b.count, u32(p) == 0x0201_4B50 else { break }
            let nameLength = u16(p + 28), extraLength = u16(p + 30), commentLength = u16(p + 32)
            let local = u32(p + 42)
            guard p + 46 + nameLength <= b.count else { break }
            let name = String(decoding: b[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            if local + 30 <= b.count, u32(local) == 0x0403_4B50 {
                let key = OOXMLPackage.key(name)
                if out[key] == nil { out[key] = local + 30 + u16(local + 26) + u16(local + 28) }
            }
            p += 46 + nameLength + extraLength + commentLength
        }
        return out
    }
}
