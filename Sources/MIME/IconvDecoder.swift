#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every charset we have no table for goes through the C library's iconv: glibc knows the
/// East Asian, Cyrillic and UTF-16/32 families, and stays correct for stateful ones (ISO-2022-JP).
enum IconvDecoder {
    /// Output chunk size; each `iconv` call converts as much as fits, so the loop is linear.
    static let chunkBytes = 16 * 1024
    /// U+FFFD in UTF-8: stands in for bytes the charset cannot map, so decoding goes on.
    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// `nil` when iconv does not know `name`; otherwise the text and whether any byte was invalid.
    static func decode(_ bytes: [UInt8], from name: String) -> (text: String, invalid: Bool)? {
        guard let cd = iconv_open("UTF-8", name), Int(bitPattern: cd) != -1 else { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var invalid = false
        var chunk = [CChar](repeating: 0, count: chunkBytes)
        input.withUnsafeMutableBytes { inRaw in
            chunk.withUnsafeMutableBufferPointer { outBuf in
                var inPtr = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                invalid = convert(cd, &inPtr, &inLeft, outBuf, into: &output)
            }
        }
        return (String(decoding: output, as: UTF8.self), invalid)
    }

    /// The iconv loop: E2BIG → drain and go on; EILSEQ → U+FFFD, skip one byte; EINVAL
    /// (truncated sequence at the end) → U+FFFD and stop; finally flush any shift state.
    private static func convert(_ cd: iconv_t, _ inPtr: inout UnsafeMutablePointer<CChar>?, _ inLeft: inout Int,
                                _ outBuf: UnsafeMutableBufferPointer<CChar>, into output: inout [UInt8]) -> Bool {
        var invalid = false
        var flushing = false
        while true {
            var outPtr = outBuf.baseAddress
            var outLeft = outBuf.count
            if inLeft == 0 { flushing = true }
            let result = flushing
                ? iconv(cd, nil, nil, &outPtr, &outLeft)
                : iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
            let error = errno
            let produced = outBuf.count - outLeft
            output.append(contentsOf: UnsafeRawBufferPointer(start: outBuf.baseAddress, count: produced))
            if result != -1 {
                if flushing { return invalid }
                continue
            }
            switch error {
            case E2BIG where produced > 0:
                continue
            case EILSEQ where inLeft > 0:
                output.append(contentsOf: replacement)
                inPtr = inPtr.map { $0 + 1 }
                inLeft -= 1
                invalid = true
            default:  // EINVAL, or anything unexpected: never loop forever
                if !flushing { output.append(contentsOf: replacement) }
                invalid = true
                if flushing { return invalid }
                inLeft = 0
            }
        }
    }
}
