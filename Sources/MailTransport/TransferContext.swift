import CCurl
import CurlShim

/// Per-transfer state reached from libcurl's C callbacks through an `Unmanaged` pointer.
final class TransferContext {
    var body: [UInt8] = []
    var headerLines: [String] = []
    var upload: [UInt8] = []
    var uploadOffset = 0
    let maxBodyBytes: Int
    /// Set when the transfer has limits (see `TransferLimits`).
    var clock: TransferClock?
    /// The connection's socket, shut by the progress callback when it ends a transfer.
    var socket: ConnectionSocket?
    /// The easy handle, asked for the announced size (an IMAP literal's `{n}`) at the first
    /// write: the body is then sized once instead of growing by doubling, which held a 57 MB
    /// message up to twice over while it arrived (issue 11, memory).
    var handle: UnsafeMutableRawPointer?

    init(maxBodyBytes: Int) { self.maxBodyBytes = maxBodyBytes }
}

/// Returning non-zero aborts the transfer (CURLE_ABORTED_BY_CALLBACK); see `TransferClock`.
let transferProgressCallback: curl_xferinfo_callback = { userdata, dltotal, dlnow, ultotal, ulnow in
    guard let userdata else { return 0 }
    let context = Unmanaged<TransferContext>.fromOpaque(userdata).takeUnretainedValue()
    guard let clock = context.clock else { return 0 }
    if clock.aborted != nil { return 1 }
    guard clock.check(size: Int64(max(dltotal, dlnow, ultotal, ulnow)), moved: Int64(dlnow + ulnow)) else { return 0 }
    // The connection is abandoned: shut its socket, or libcurl's polite LOGOUT/QUIT on the
    // stalled connection waits a whole response timeout for an answer that will not come.
    context.socket?.shutDown()
    return 1
}

/// Returning fewer bytes than offered makes libcurl abort with CURLE_WRITE_ERROR: the size cap.
let transferWriteCallback: curl_write_callback = { pointer, size, count, userdata in
    let n = size * count
    guard let pointer, let userdata else { return n }
    let context = Unmanaged<TransferContext>.fromOpaque(userdata).takeUnretainedValue()
    if context.body.count + n > context.maxBodyBytes { return 0 }
    if context.body.isEmpty, let handle = context.handle {
        var announced: curl_off_t = -1
        if cs_getinfo_off(handle, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &announced) == CURLE_OK,
           announced > n, announced <= context.maxBodyBytes {
            context.body.reserveCapacity(Int(announced))
        }
    }
    pointer.withMemoryRebound(to: UInt8.self, capacity: n) {
        context.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: n))
    }
    return n
}

/// userdata is nil during the LOGOUT that curl_easy_cleanup sends.
let transferHeaderCallback: curl_write_callback = { pointer, size, count, userdata in
    let n = size * count
    guard let pointer, let userdata else { return n }
    let context = Unmanaged<TransferContext>.fromOpaque(userdata).takeUnretainedValue()
    context.headerLines.append(String(decoding: UnsafeRawBufferPointer(start: pointer, count: n), as: UTF8.self))
    return n
}

let transferReadCallback: curl_read_callback = { buffer, size, count, userdata in
    guard let buffer, let userdata else { return 0 }
    let context = Unmanaged<TransferContext>.fromOpaque(userdata).takeUnretainedValue()
    let n = min(size * count, context.upload.count - context.uploadOffset)
    if n > 0 {
        context.upload.withUnsafeBytes { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + context.uploadOffset, byteCount: n)
        }
        context.uploadOffset += n
    }
    return n
}
