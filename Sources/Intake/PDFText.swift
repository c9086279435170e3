import Foundation

/// Best-effort text of a PDF without a PDF parser: the Info `/Title` and the strings shown by
/// `Tj`/`TJ`/`'`/`"` in content streams, plain or FlateDecode (inflated under the Office
/// limits: streams, inflated bytes per stream and in all, ratio). Images, fonts and other
/// streams without page text are passed over; encrypted files yield the title only if it is
/// readable. Enough to recognise a "Reglamento Operativo" whose file name says nothing.
public struct PDFText: Sendable, Hashable {
    public var title: String?
    /// Shown strings, one line per text object (`BT … ET`).
    public var text: String
    /// Filtered streams that were not decoded: another filter, corrupt data, or past a limit.
    public var skippedFilteredStreams: Int
    /// The trailer names an `/Encrypt` dictionary: strings are ciphertext and were not read.
    public var isEncrypted: Bool

    public static func titleAndText(_ data: Data, maxScannedBytes: Int = 20 * 1_024 * 1_024,
                                    maxTextCharacters: Int = 200_000, limits: OfficeLimits = .default) -> PDFText? {
        titleAndText([UInt8](data.prefix(maxScannedBytes)), maxScannedBytes: maxScannedBytes,
                     maxTextCharacters: maxTextCharacters, limits: limits)
    }

    /// nil when the bytes do not start like a PDF (`%PDF-` within the first KB).
    public static func titleAndText(_ bytes: [UInt8], maxScannedBytes: Int = 20 * 1_024 * 1_024,
                                    maxTextCharacters: Int = 200_000, limits: OfficeLimits = .default) -> PDFText? {
        let scanner = PDFScanner(bytes: bytes.prefix(maxScannedBytes))
        guard let header = scanner.find("%PDF-", from: 0), header < 1_024 else { return nil }
        let encrypted = scanner.find("/Encrypt", from: 0) != nil
        var result = PDFText(title: scanner.infoTitle(), text: "", skippedFilteredStreams: 0, isEncrypted: encrypted)
        if encrypted { result.title = nil }
        var lines: [String] = []
        var budget = maxTextCharacters
        var inflation = PDFInflation(limits: limits)
        var position = 0
        while budget > 0, let stream = scanner.nextStream(from: position) {
            position = stream.end
            if encrypted || stream.kind == .notText { continue }
            var shown: [String] = []
            switch stream.kind {
            case .plain: shown = scanner.shownText(in: stream.content)
            case .flate:
                guard let inflated = inflation.inflate(scanner.bytes[stream.content]) else {
                    result.skippedFilteredStreams += 1; continue
                }
                shown = PDFScanner(bytes: inflated[...]).shownText(in: 0..<inflated.count)
            case .undecodable, .notText: result.skippedFilteredStreams += 1; continue
            }
            for line in shown where budget > 0 {
                let kept = String(line.prefix(budget))
                budget -= kept.count
                lines.append(kept)
            }
        }
        result.text = lines.joined(separator: "\n")
        return result
    }
}

/// FlateDecode under `OfficeLimits`: at most `maxEntries` streams, `maxEntryInflatedBytes`
/// each, `maxTotalInflatedBytes` in all, and the compression ratio above its floor.
struct PDFInflation {
    let limits: OfficeLimits
    private(set) var streams = 0
    private(set) var total = 0

    init(limits: OfficeLimits) { self.limits = limits }

    /// The inflated stream, or nil when it is corrupt or would pass a limit. A stream cut
    /// short keeps what inflated before the cut (PDF writers leave such streams).
    mutating func inflate(_ compressed: ArraySlice<UInt8>) -> [UInt8]? {
        guard streams < limits.maxEntries else { return nil }
        streams += 1
        let (ratioCap, overflow) = max(compressed.count, 1).multipliedReportingOverflow(by: limits.maxCompressionRatio)
        let cap = min(limits.maxEntryInflatedBytes, limits.maxTotalInflatedBytes - total,
                      max(limits.compressionRatioFloorBytes, overflow ? .max : ratioCap))
        guard cap > 0, case .success(let inflated?) = ZIPInflater.inflate(compressed, maxOutput: cap, format: .zlib,
                                                                         allowTruncated: true) else { return nil }
        total += inflated.count
        return inflated
    }
}
