import Foundation

/// A zip archive read by our own bounded reader: every offset and size the sender wrote is
/// checked against the data before it is used, and one reader both checks and inflates.
///
/// Why not ZIPFoundation: on crafted directories it trapped ("Range requires lowerBound <=
/// upperBound"), and followed ZIP64 records and duplicate names our pre-check did not see, so
/// the check and the inflater read different streams and a stored block that never ends hung
/// the daemon at 100 % CPU. OOXML needs only stored and deflated entries; this is all of it.
struct ZIPArchive {
    struct Entry: Sendable {
        let path: String
        let flags: UInt16
        let method: UInt16
        let crc32: UInt32
        let compressedSize: UInt64
        let uncompressedSize: UInt64
        /// Offset of the entry's own header, and of its compressed bytes (past that header).
        let headerOffset: Int
        let dataOffset: Int

        var isDirectory: Bool { path.hasSuffix("/") }
        var isCompressed: Bool { method != 0 }
    }

    /// Entries in central-directory order.
    let entries: [Entry]
    private let bytes: [UInt8]

    /// Refuses, as `.unreadableArchive`, any archive whose records point outside the data,
    /// overlap, repeat a name (compared as `key` does) or span disks.
    init(data: Data, maxEntries: Int, key: (String) -> String) throws(InspectionWarning) {
        let bytes = [UInt8](data)
        let reader = ZIPRecordReader(bytes: bytes)
        let end = try reader.endOfCentralDirectory()
        guard end.entryCount <= UInt64(maxEntries) else { throw .tooManyEntries(limit: maxEntries) }
        var entries: [Entry] = []
        var seen = Set<String>()
        var p = end.directoryOffset
        let directoryEnd = end.directoryOffset + end.directorySize
        for _ in 0..<end.entryCount {
            let entry = try reader.centralEntry(at: &p, directoryEnd: directoryEnd)
            guard seen.insert(key(entry.path)).inserted else {
                throw .unreadableArchive(reason: "duplicate entry name \(entry.path)")
            }
            entries.append(entry)
        }
        try Self.checkNoOverlap(entries, directoryOffset: end.directoryOffset)
        self.entries = entries
        self.bytes = bytes
    }

    /// Entries must sit one after the other before the directory: overlapping entries are how
    /// a few kilobytes become gigabytes (Fifield's overlapped zip bomb).
    private static func checkNoOverlap(_ entries: [Entry], directoryOffset: Int) throws(InspectionWarning) {
        let sorted = entries.sorted { $0.headerOffset < $1.headerOffset }
        for (index, entry) in sorted.enumerated() {
            let end = entry.dataOffset + Int(entry.compressedSize)
            let next = index + 1 < sorted.count ? sorted[index + 1].headerOffset : directoryOffset
            guard end <= next else { throw .unreadableArchive(reason: "entry \(entry.path) overlaps the next record") }
        }
    }

    enum Extraction {
        case data(Data)
        /// More than `maxOutput` bytes would come out; nothing is returned.
        case exceeded
    }

    /// The entry's bytes, at most `maxOutput` of them; the CRC is checked.
    func extract(_ entry: Entry, maxOutput: Int) throws(InspectionWarning) -> Extraction {
        guard entry.flags & 1 == 0 else { throw .unreadableEntry(entry: entry.path, reason: "encrypted entry") }
        let input = bytes[entry.dataOffset..<(entry.dataOffset + Int(entry.compressedSize))]
        let output: [UInt8]
        switch entry.method {
        case 0:
            guard input.count <= maxOutput else { return .exceeded }
            output = Array(input)
        case 8:
            switch ZIPInflater.inflate(input, maxOutput: maxOutput) {
            case .success(let inflated?): output = inflated
            case .success(nil): return .exceeded
            case .failure(let reason): throw .unreadableEntry(entry: entry.path, reason: reason.message)
            }
        default:
            throw .unreadableEntry(entry: entry.path, reason: "unsupported compression method \(entry.method)")
        }
        guard ZIPInflater.crc32(output) == entry.crc32 else {
            throw .unreadableEntry(entry: entry.path, reason: "CRC-32 mismatch")
        }
        return .data(Data(output))
    }
}
