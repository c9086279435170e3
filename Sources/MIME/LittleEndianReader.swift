/// A cursor over little-endian binary data (TNEF, MAPI property blocks). Every read checks
/// the bytes left first and answers nil past the end, so a declared length can never reach
/// outside the buffer; offsets are kept for warnings.
struct LittleEndianReader {
    let bytes: [UInt8]
    private(set) var offset: Int
    let end: Int

    init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        let range = range ?? 0..<bytes.count
        offset = max(0, min(range.lowerBound, bytes.count))
        end = max(offset, min(range.upperBound, bytes.count))
    }

    var remaining: Int { end - offset }
    var isAtEnd: Bool { offset >= end }

    mutating func u8() -> UInt8? {
        guard remaining >= 1 else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func u16() -> UInt16? {
        guard remaining >= 2 else { return nil }
        defer { offset += 2 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    mutating func u32() -> UInt32? {
        guard remaining >= 4 else { return nil }
        defer { offset += 4 }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
            | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }

    /// A length read as `u32`, as an `Int` only when that many bytes are left.
    mutating func length() -> Int? {
        guard let raw = u32(), let n = Int(exactly: raw), n <= remaining else { return nil }
        return n
    }

    /// The next `count` bytes' range, or nil (nothing consumed) when fewer are left.
    mutating func take(_ count: Int) -> Range<Int>? {
        guard count >= 0, count <= remaining else { return nil }
        defer { offset += count }
        return offset..<(offset + count)
    }

    /// Skips the padding after a value of `count` bytes to the next multiple of 4.
    /// QUIRK: some writers (older Exchange connectors) omit the padding of the very last
    /// value; a short tail is tolerated.
    mutating func skipPadding(after count: Int) {
        let pad = (4 - count % 4) % 4
        offset += min(pad, remaining)
    }

    mutating func skip(_ count: Int) -> Bool { take(count) != nil }
}
