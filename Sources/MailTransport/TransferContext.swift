import CCurl
import CurlShim
#if canImport(Glibc)
import Glibc
#endif

/// Per-transfer state reached from libcurl's C callbacks through an `Unmanaged` pointer.
final class TransferContext {
    var body: [UInt8] = []
    var headerLines: [String] = []
    var upload: [UInt8] = []
    var uploadOffset = 0
    let maxBodyBytes: Int
    /// Set when the transfer has limits (see `TransferLimits`).
    var clock: TransferClock?
    /// The easy handle, for the progress callback to find the socket of a transfer it ends.
    var handle: UnsafeMutableRawPointer?
    /// The read callback handed over the last byte (EOF): an SMTP failure after this may have
    /// delivered the message.
    var uploadFinished = false

    init(maxBodyBytes: Int) { self.maxBodyBytes = maxBodyBytes }
}

/// Returning non-zero aborts the transfer (CURLE_ABORTED_BY_CALLBACK); see `TransferClock`.
let transferProgressCallback: curl_xferinfo_callback = { userdata, dltotal, dlnow, ultotal, ulnow in
    guard let userdata else { return 0 }
    let context = Unmanaged<TransferContext>.fromOpaque(userdata).takeUnretainedValue()
    guard let clock = context.clock else { return 0 }
    if clock.aborted != nil { return 1 }
    guard clock.check(size: Int64(max(dltotal, dlnow, ultotal, ulnow)), moved: Int64(dlnow + ulnow)) else { return 0 }
    // The connection is abandoned: shut its socket, or libcurl's polite LOGOUT on the stalled
    // connection waits another second for an answer that will not come.
    var socket: curl_socket_t = -1
    if let handle = context.handle, cs_getinfo_socket(handle, CURLINFO_ACTIVESOCKET, &socket) == CURLE_OK, socket >= 0 {
        shutdown(socket, Int32(SHUT_RDWR))
    }
    return 1
}

/// Returning fewer bytes than offered makes libcurl abort with CURLE_WRITE_ERROR: the size cap.
let transferWriteCallback: curl_write_callback = { pointer, size, count, userdata in
    let n = size * count
    guard let pointer, let userdata else { return n }
    let context = Unmanaged<TransferContext>.fromOpaque(userdata).takeUnretainedValue()
    if context.body.count + n > context.maxBodyBytes { return 0 }
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
    if n == 0 { context.uploadFinished = true }
    if n > 0 {
        context.upload.withUnsafeBytes { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + context.uploadOffset, byteCount: n)
        }
        context.uploadOffset += n
    }
    return n
}
