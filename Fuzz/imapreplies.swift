import MailTransport

/// libFuzzer entry: any bytes as what an IMAP or SMTP server sent back (every reader of replies).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIMAPReplies(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    _ = ServerReplyReaders.readAll(Array(UnsafeBufferPointer(start: data, count: count)))
    return 0
}
