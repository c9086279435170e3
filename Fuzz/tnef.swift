import MIME

/// libFuzzer entry: any bytes as a winmail.dat.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTNEF(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let content = TNEF.decode(Array(UnsafeBufferPointer(start: data, count: count)))
    _ = String(describing: content)
    return 0
}
