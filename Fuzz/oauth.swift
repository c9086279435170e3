import OAuthWire

/// libFuzzer entry: any bytes as a token endpoint's answer (200 and 400), as the lines of a
/// refused XOAUTH2 login (IMAP and SMTP), and as a decoded error challenge.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOAuth(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    for status in [200, 400] { _ = String(describing: OAuthTokenResponse.read(httpStatus: status, body: bytes)) }
    let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if let json = OAuthErrorChallenge.json(in: lines) { _ = OAuthErrorChallenge.status(ofJSON: json) }
    _ = OAuthErrorChallenge.status(ofJSON: String(decoding: bytes, as: UTF8.self))
    for line in lines.prefix(64) {
        _ = (SASLReply.classify(line, imapTag: "P1"), SASLReply.classify(line, imapTag: nil))
    }
    return 0
}
