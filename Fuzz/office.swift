import Foundation
import Intake

/// libFuzzer entry: any bytes as a pptx/docx/xlsx attachment.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOffice(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    var limits = OfficeLimits()
    // Smaller ceilings keep each run fast; the code paths are the same.
    limits.maxEntryInflatedBytes = 4 * 1_024 * 1_024
    limits.maxTotalInflatedBytes = 8 * 1_024 * 1_024
    _ = OfficeInspector.inspect(bytes, filename: "fuzz.docx", limits: limits)
    return 0
}
