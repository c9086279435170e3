import Foundation

/// Best-effort text of a PDF without a PDF parser: the Info `/Title` and the strings shown by
/// `Tj`/`TJ`/`'`/`"` in uncompressed content streams. Enough to recognise a "Reglamento
/// Operativo" whose file name says nothing; compressed (FlateDecode) streams are counted and
/// skipped, encrypted files yield the title only if it is readable. Bounded by the limits given.
public struct PDFText: Sendable, Hashable {
    public var title: String?
    /// Shown strings, one line per text object (`BT … ET`).
    public var text: String
    /// Content streams with a `/Filter` that were not decoded.
    public var skippedFilteredStreams: Int
    /// The trailer names an `/Encrypt` dictionary: strings are ciphertext and were not read.
    public var isEncrypted: Bool

    public static func titleAndText(_ data: Data, maxScannedBytes: Int = 20 * 1_024 * 1_024,
                                    maxTextCharacters: Int = 200_000) -> PDFText? {
        titleAndText([UInt8](data.prefix(maxScannedBytes)), maxScannedBytes: maxScannedBytes,
                     maxTextCharacters: maxTextCharacters)
    }

    /// nil when the bytes do not start like a PDF (`%PDF-` within the first KB).
    public static func titleAndText(_ bytes: [UInt8], maxScannedBytes: Int = 20 * 1_024 * 1_024,
                                    maxTextCharacters: Int = 200_000) -> PDFText? {
        let scanner = PDFScanner(bytes: bytes.count > maxScannedBytes ? Array(bytes.prefix(maxScannedBytes)) : bytes)
        guard let header = scanner.find("%PDF-", from: 0), header < 1_024 else { return nil }
        let encrypted = scanner.find("/Encrypt", from: 0) != nil
        var result = PDFText(title: scanner.infoTitle(), text: "", skippedFilteredStreams: 0, isEncrypted: encrypted)
        if encrypted { result.title = nil }
        var lines: [String] = []
        var budget = maxTextCharacters
        var position = 0
        while budget > 0, let stream = scanner.nextStream(from: position) {
            position = stream.end
            if stream.isFiltered { result.skippedFilteredStreams += 1; continue }
            if encrypted { continue }
            for line in scanner.shownText(in: stream.content) where budget > 0 {
                let kept = String(line.prefix(budget))
                budget -= kept.count
                lines.append(kept)
            }
        }
        result.text = lines.joined(separator: "\n")
        return result
    }
}
