/// Reads the records of a zip (APPNOTE 6.3.10) with every offset and length checked against the
/// data: a field that points outside it ends the read as `.unreadableArchive`, never a trap.
struct ZIPRecordReader {
    let bytes: [UInt8]

    struct EndRecord {
        var entryCount: UInt64
        var directorySize: Int
        var directoryOffset: Int
    }

    static let endSignature: UInt32 = 0x0605_4B50
    static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    static let zip64EndSignature: UInt32 = 0x0606_4B50
    static let centralSignature: UInt32 = 0x0201_4B50
    static let localSignature: UInt32 = 0x0403_4B50

    private func broken(_ reason: String) -> InspectionWarning { .unreadableArchive(reason: reason) }

    func u16(_ i: Int) -> UInt16 {
        guard i >= 0, i + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
    }

    func u32(_ i: Int) -> UInt32 { UInt32(u16(i)) | UInt32(u16(i + 2)) << 16 }
    func u64(_ i: Int) -> UInt64 { UInt64(u32(i)) | UInt64(u32(i + 4)) << 32 }

    /// The last end record whose comment fits the data; its ZIP64 twin only when the classic
    /// record says so (saturated fields). The directory must lie before the end records.
    func endOfCentralDirectory() throws(InspectionWarning) -> EndRecord {
        guard bytes.count >= 22 else { throw broken("no end of central directory") }
        var eocd = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while eocd >= lowest, !(u32(eocd) == Self.endSignature && eocd + 22 + Int(u16(eocd + 20)) <= bytes.count) {
            eocd -= 1
        }
        guard eocd >= lowest else { throw broken("no end of central directory") }
        guard u16(eocd + 4) == 0 || u16(eocd + 4) == 0xFFFF, u16(eocd + 6) == u16(eocd + 4) else {
            throw broken("multi-disk archive")
        }
        var record = EndRecord(entryCount: UInt64(u16(eocd + 10)), directorySize: Int(u32(eocd + 12)),
                               directoryOffset: Int(u32(eocd + 16)))
        var limit = eocd
        if u16(eocd + 10) == 0xFFFF || u32(eocd + 12) == 0xFFFF_FFFF || u32(eocd + 16) == 0xFFFF_FFFF {
            (record, limit) = try zip64End(before: eocd)
        }
        guard record.directoryOffset <= limit, record.directorySize <= limit - record.directoryOffset else {
            throw broken("central directory lies outside the data")
        }
        guard record.entryCount <= UInt64(record.directorySize / 46) else {
            throw broken("more entries than the central directory can hold")
        }
        return record
    }

    private func zip64End(before eocd: Int) throws(InspectionWarning) -> (EndRecord, Int) {
        let locator = eocd - 20
        guard locator >= 0, u32(locator) == Self.zip64LocatorSignature else { throw broken("ZIP64 locator missing") }
        let offset = u64(locator + 8)
        guard offset <= UInt64(locator), Int(offset) + 56 <= locator, u32(Int(offset)) == Self.zip64EndSignature else {
            throw broken("ZIP64 end record outside the data")
        }
        let at = Int(offset)
        let size = u64(at + 40), start = u64(at + 48)
        guard size <= UInt64(at), start <= UInt64(at) else { throw broken("ZIP64 directory outside the data") }
        return (EndRecord(entryCount: u64(at + 32), directorySize: Int(size), directoryOffset: Int(start)), at)
    }

    /// One central directory entry at `p` (advanced past it), its ZIP64 fields and local header
    /// resolved and bounded.
    func centralEntry(at p: inout Int, directoryEnd: Int) throws(InspectionWarning) -> ZIPArchive.Entry {
        guard p + 46 <= directoryEnd, u32(p) == Self.centralSignature else { throw broken("bad central directory entry") }
        let nameLength = Int(u16(p + 28)), extraLength = Int(u16(p + 30)), commentLength = Int(u16(p + 32))
        let next = p + 46 + nameLength + extraLength + commentLength
        guard next <= directoryEnd else { throw broken("central directory entry runs past the directory") }
        let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
        var compressed = UInt64(u32(p + 20)), uncompressed = UInt64(u32(p + 24)), header = UInt64(u32(p + 42))
        try readZIP64Extra(from: p + 46 + nameLength, length: extraLength,
                           uncompressed: &uncompressed, compressed: &compressed, header: &header)
        guard bytes.count >= 30, header <= UInt64(bytes.count - 30) else { throw broken("local header of \(name) outside the data") }
        let local = Int(header)
        guard u32(local) == Self.localSignature else { throw broken("no local header for \(name)") }
        let dataOffset = local + 30 + Int(u16(local + 26)) + Int(u16(local + 28))
        guard dataOffset <= bytes.count, compressed <= UInt64(bytes.count - dataOffset) else {
            throw broken("data of \(name) runs past the end of the zip")
        }
        let entry = ZIPArchive.Entry(path: name, flags: u16(p + 8), method: u16(p + 10), crc32: u32(p + 16),
                                     compressedSize: compressed, uncompressedSize: uncompressed,
                                     headerOffset: local, dataOffset: dataOffset)
        p = next
        return entry
    }

    /// Replaces saturated 32-bit fields with the ZIP64 extra field's values, in APPNOTE order.
    private func readZIP64Extra(from start: Int, length: Int, uncompressed: inout UInt64, compressed: inout UInt64,
                                header: inout UInt64) throws(InspectionWarning) {
        let needed = [uncompressed, compressed, header].filter { $0 == 0xFFFF_FFFF }.count
        guard needed > 0 else { return }
        var p = start
        while p + 4 <= start + length {
            let id = u16(p), size = Int(u16(p + 2))
            guard p + 4 + size <= start + length else { break }
            if id == 0x0001 {
                guard size >= 8 * needed else { throw broken("short ZIP64 extra field") }
                var q = p + 4
                if uncompressed == 0xFFFF_FFFF { uncompressed = u64(q); q += 8 }
                if compressed == 0xFFFF_FFFF { compressed = u64(q); q += 8 }
                if header == 0xFFFF_FFFF { header = u64(q) }
                return
            }
            p += 4 + size
        }
        throw broken("ZIP64 extra field missing")
    }
}
