import CZlib

/// Raw deflate (zip method 8, PDF FlateDecode) over the system zlib, bounded twice: by the
/// input slice, which it never reads past, and by `maxOutput`. Every round either consumes
/// input or produces output, so a stream that never ends stops when its input does.
enum ZIPInflater {
    struct Failure: Error, Equatable {
        let message: String
    }

    enum Format {
        /// No header: zip entries.
        case raw
        /// zlib header and Adler-32 trailer: PDF FlateDecode.
        case zlib
    }

    /// The inflated bytes; nil when more than `maxOutput` would come out.
    static func inflate(_ input: ArraySlice<UInt8>, maxOutput: Int, format: Format = .raw,
                        allowTruncated: Bool = false) -> Result<[UInt8]?, Failure> {
        var stream = z_stream()
        let bits = format == .raw ? -MAX_WBITS : MAX_WBITS
        guard inflateInit2_(&stream, bits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .failure(Failure(message: "zlib init failed"))
        }
        defer { inflateEnd(&stream) }
        guard input.count <= Int(UInt32.max) else { return .failure(Failure(message: "entry too large")) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1_024)
        return input.withUnsafeBufferPointer { inBuf -> Result<[UInt8]?, Failure> in
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = UInt32(inBuf.count)
            while true {
                let result = chunk.withUnsafeMutableBufferPointer { outBuf -> Int32 in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = UInt32(outBuf.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                if output.count + produced > maxOutput { return .success(nil) }
                output += chunk[0..<produced]
                switch result {
                case Z_STREAM_END: return .success(output)
                case Z_OK where stream.avail_in > 0 || stream.avail_out == 0: continue
                case Z_OK, Z_BUF_ERROR:
                    if allowTruncated { return .success(output) }
                    return .failure(Failure(message: "deflate stream does not end within its compressed size"))
                default:
                    if allowTruncated, !output.isEmpty { return .success(output) }
                    return .failure(Failure(message: "corrupt deflate data (zlib \(result))"))
                }
            }
        }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buf in
            var crc: UInt = 0
            var base = buf.baseAddress
            var left = buf.count
            while left > 0 {
                let n = min(left, Int(UInt32.max))
                crc = CZlib.crc32(crc, base, UInt32(n))
                base = base.map { $0 + n }
                left -= n
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }
}
