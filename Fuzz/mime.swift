import MIME

/// libFuzzer entry: any bytes as a mail, through everything `mime` and the daemon read.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMIME(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    let message = MessageParser.parse(bytes)
    _ = MessageOutline(message).text
    _ = message.bodyText
    _ = (message.subject, message.from, message.messageID, message.references, message.date)
    for part in message.allParts {
        _ = part.decodedText
        _ = part.tnefContent()
    }
    return 0
}
