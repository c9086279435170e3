import Intake

/// libFuzzer entry: any bytes as a PDF attachment.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPDF(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: count))
    // Most mutants would lose the header and stop at once; keep the reader busy.
    if !bytes.starts(with: Array("%PDF-".utf8)) { bytes = Array("%PDF-1.7\n".utf8) + bytes }
    var limits = OfficeLimits()
    limits.maxEntryInflatedBytes = 4 * 1_024 * 1_024
    limits.maxTotalInflatedBytes = 8 * 1_024 * 1_024
    _ = PDFText.titleAndText(bytes, limits: limits)
    return 0
}
