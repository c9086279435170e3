import CZlib
import Foundation

/// A tiny zip writer for fixtures (stored or deflated entries, sizes in the local headers, no
/// data descriptors), so the tests need no third-party zip library.
public struct ZIPWriter {
    public enum Method: UInt16 { case stored = 0, deflate = 8 }

    public private(set) var data = Data()
    private var directory = Data()
    private var count = 0

    public init() {}

    /// Adds an entry whose content comes from `chunks` (called until it returns nil), so a
    /// large entry is never held whole.
    public mutating func add(_ path: String, method: Method = .deflate, chunks: () -> Data?) {
        var crc: UInt = CZlib.crc32(0, nil, 0)
        var size = 0
        var compressed = Data()
        var stream = z_stream()
        if method == .deflate {
            _ = deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                              ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        func pump(_ input: Data, flush: Int32) {
            var input = [UInt8](input)
            input.withUnsafeMutableBufferPointer { inBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = UInt32(inBuf.count)
                repeat {
                    let n = buffer.withUnsafeMutableBufferPointer { outBuf -> Int in
                        stream.next_out = outBuf.baseAddress
                        stream.avail_out = UInt32(outBuf.count)
                        _ = deflate(&stream, flush)
                        return outBuf.count - Int(stream.avail_out)
                    }
                    compressed.append(contentsOf: buffer[0..<n])
                } while stream.avail_out == 0 || stream.avail_in > 0
            }
        }
        while let chunk = chunks() {
            crc = chunk.withUnsafeBytes { CZlib.crc32(crc, $0.bindMemory(to: Bytef.self).baseAddress, UInt32($0.count)) }
            size += chunk.count
            if method == .deflate { pump(chunk, flush: Z_NO_FLUSH) } else { compressed.append(chunk) }
        }
        if method == .deflate {
            pump(Data(), flush: Z_FINISH)
            deflateEnd(&stream)
        }
        let name = Data(path.utf8)
        let offset = data.count
        var local = Data()
        local.le32(0x0403_4B50); local.le16(20); local.le16(0x0800); local.le16(method.rawValue)
        local.le16(0); local.le16(0x21); local.le32(UInt32(crc)); local.le32(UInt32(compressed.count))
        local.le32(UInt32(size)); local.le16(UInt16(name.count)); local.le16(0)
        data.append(local); data.append(name); data.append(compressed)
        var central = Data()
        central.le32(0x0201_4B50); central.le16(20); central.le16(20); central.le16(0x0800); central.le16(method.rawValue)
        central.le16(0); central.le16(0x21); central.le32(UInt32(crc)); central.le32(UInt32(compressed.count))
        central.le32(UInt32(size)); central.le16(UInt16(name.count)); central.le16(0); central.le16(0)
        central.le16(0); central.le16(0); central.le32(0); central.le32(UInt32(offset))
        directory.append(central); directory.append(name)
        count += 1
    }

    public mutating func add(_ path: String, _ content: Data, method: Method = .deflate) {
        var pending: Data? = content
        add(path, method: method) { defer { pending = nil }; return pending }
    }

    /// The archive: entries, central directory, end record.
    public func finished() -> Data {
        var out = data
        let start = out.count
        out.append(directory)
        var end = Data()
        end.le32(0x0605_4B50); end.le16(0); end.le16(0); end.le16(UInt16(count)); end.le16(UInt16(count))
        end.le32(UInt32(directory.count)); end.le32(UInt32(start)); end.le16(0)
        out.append(end)
        return out
    }
}

extension Data {
    public mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    public mutating func le32(_ v: UInt32) { le16(UInt16(v & 0xFFFF)); le16(UInt16(v >> 16)) }
}
