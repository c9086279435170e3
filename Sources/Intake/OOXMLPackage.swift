import Foundation

/// An opened OOXML zip whose parts are read under `OfficeLimits`.
///
/// Sizes come from the zip directory, which the sender writes: they are checked before a part
/// is inflated (cheap refusal of honest bombs) and again while it inflates (a lying directory
/// is stopped by the running count, so memory never passes the limit).
struct OOXMLPackage {
    let limits: OfficeLimits
    private let archive: ZIPArchive
    /// Entries by lower-cased part name without a leading "/": part names are case-insensitive
    /// (ECMA-376 Part 2, 9.1.1.1). The archive refuses two entries with one key.
    private let entries: [String: ZIPArchive.Entry]
    private(set) var inflatedTotal = 0

    init(data: Data, limits: OfficeLimits) throws(InspectionWarning) {
        let archive = try ZIPArchive(data: data, maxEntries: limits.maxEntries, key: Self.key)
        var entries: [String: ZIPArchive.Entry] = [:]
        for entry in archive.entries { entries[Self.key(entry.path)] = entry }
        if entries.isEmpty { throw .unreadableArchive(reason: "no entries") }
        self.archive = archive
        self.entries = entries
        self.limits = limits
    }

    static func key(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("/") { path = path.dropFirst() }
        return path.lowercased()
    }

    func contains(_ path: String) -> Bool { entries[Self.key(path)] != nil }

    /// Part names in the package, as stored.
    var paths: [String] { entries.values.map(\.path) }

    /// The inflated bytes of one part, or the warning that says why not.
    mutating func read(_ path: String) throws(InspectionWarning) -> Data {
        guard let entry = entries[Self.key(path)], !entry.isDirectory else { throw .missingPart(entry: path) }
        let caps = try checkDeclaredSizes(entry)
        switch try archive.extract(entry, maxOutput: caps.output) {
        case .exceeded:
            throw caps.warning(entry: entry.path, compressed: entry.compressedSize, inflated: UInt64(caps.output) + 1)
        case .data(let out):
            inflatedTotal += out.count
            return out
        }
    }

    /// The smallest of the three ceilings that apply to this entry, and which one it is.
    private struct Caps {
        enum Binding { case entry, total, ratio }
        var output: Int
        var binding: Binding
        var limits: OfficeLimits

        func warning(entry: String, compressed: UInt64, inflated: UInt64) -> InspectionWarning {
            switch binding {
            case .entry: return .entryTooLarge(entry: entry, bytes: inflated, limit: limits.maxEntryInflatedBytes)
            case .total: return .totalInflatedBytesExceeded(entry: entry, limit: limits.maxTotalInflatedBytes)
            case .ratio:
                return .compressionRatioExceeded(entry: entry, compressed: compressed, inflated: inflated,
                                                 limit: limits.maxCompressionRatio)
            }
        }
    }

    /// Refuses an entry on its declared sizes alone, before a byte is inflated.
    private func checkDeclaredSizes(_ entry: ZIPArchive.Entry) throws(InspectionWarning) -> Caps {
        let declared = entry.uncompressedSize
        let compressed = max(entry.compressedSize, 1)
        let (scaled, overflow) = compressed.multipliedReportingOverflow(by: UInt64(limits.maxCompressionRatio))
        let ratioLimit = max(UInt64(limits.compressionRatioFloorBytes), overflow ? .max : scaled)
        if declared > ratioLimit {
            throw .compressionRatioExceeded(entry: entry.path, compressed: entry.compressedSize, inflated: declared,
                                            limit: limits.maxCompressionRatio)
        }
        if declared > UInt64(limits.maxEntryInflatedBytes) {
            throw .entryTooLarge(entry: entry.path, bytes: declared, limit: limits.maxEntryInflatedBytes)
        }
        let remaining = max(0, limits.maxTotalInflatedBytes - inflatedTotal)
        if declared > UInt64(remaining) {
            throw .totalInflatedBytesExceeded(entry: entry.path, limit: limits.maxTotalInflatedBytes)
        }
        var caps = Caps(output: limits.maxEntryInflatedBytes, binding: .entry, limits: limits)
        if remaining < caps.output { caps.output = remaining; caps.binding = .total }
        if ratioLimit < UInt64(caps.output) { caps.output = Int(ratioLimit); caps.binding = .ratio }
        return caps
    }
}

extension OOXMLPackage {
    /// Reads and parses one part; a part that cannot be read or parsed adds its warning and
    /// leaves the handler with what was read. Returns false when nothing could be parsed.
    @discardableResult
    mutating func parse<Handler: OOXMLEventHandler>(_ path: String, into handler: inout Handler,
                                                    textBudget: inout Int,
                                                    warnings: inout [InspectionWarning]) -> Bool {
        let data: Data
        do {
            data = try read(path)
        } catch {
            warnings.append(error)
            return false
        }
        warnings += OOXMLTextCollector.parse(data, entry: path, handler: &handler, limits: limits,
                                             textBudget: &textBudget)
        return true
    }

    /// The relationships of `part`; empty (no warning) when the part has none.
    mutating func relationships(of part: String, textBudget: inout Int,
                                warnings: inout [InspectionWarning]) -> OOXMLRelationships {
        let path = OOXMLRelationships.relsPath(for: part)
        guard contains(path) else { return OOXMLRelationships() }
        do {
            let data = try read(path)
            let (rels, parseWarnings) = OOXMLRelationships.parse(data, of: part, limits: limits, textBudget: &textBudget)
            warnings += parseWarnings
            return rels
        } catch {
            warnings.append(error)
            return OOXMLRelationships()
        }
    }
}
