import Followup

/// libFuzzer entry: any bytes as a provider's results file (5.2.13), read both as csv and as
/// xlsx, the two shapes `ResultsReader` accepts. Errors are fine; a crash, hang or leak is not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzResults(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    for name in ["resultados.csv", "resultados.xlsx"] {
        if let table = try? ResultsReader.read(file: bytes, filename: name) {
            _ = Effectiveness(table, passingScore: 80).percent
        }
    }
    return 0
}
