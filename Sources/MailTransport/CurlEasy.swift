import Foundation
import CCurl
import CurlShim

/// One libcurl easy handle, i.e. one reusable server connection. Not thread-safe: confine each
/// instance to one actor or queue. Options go through CurlShim's typed wrappers; callbacks are
/// capture-free C functions reaching per-transfer state through an `Unmanaged` pointer that is
/// retained only for the duration of `perform`.
public final class CurlEasy {
    /// Bytes and protocol lines of one finished transfer.
    public struct Result: Sendable {
        /// Write-callback bytes (a fetched message, a command's untagged output).
        public var body: [UInt8]
        /// Every protocol line libcurl passed to the header callback (IMAP untagged responses, SMTP replies).
        public var headerLines: [String]
        public var responseCode: Int
        public var newConnections: Int
    }

    let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// Lists handed to libcurl (it does not copy them), kept until replaced or deinit.
    private var lists: [UInt32: CurlStringList] = [:]
    /// The debug-callback context while a protocol trace is on.
    private var trace: ProtocolTrace?
    /// A transfer whose body grows past this many bytes is aborted (CURLE_WRITE_ERROR).
    public var maxBodyBytes: Int
    /// Total time and stop flag per transfer; nil: only libcurl's own timeouts.
    public var limits: TransferLimits?
    /// The connection's socket, for ending a stalled transfer at once.
    private let socket = ConnectionSocket()
    /// Set by `useOAuth`: every transfer first makes sure the bearer is current (OAuthBearerTransfer.swift).
    var oauth: OAuthBearerState?
    /// The protocol lines of the last failed transfer (an OAuth login's error challenge).
    private(set) var lastFailureLines: [String] = []

    public init(maxBodyBytes: Int = 64 * 1024 * 1024) throws(CurlError) {
        CurlRuntime.initialize()
        guard let h = curl_easy_init() else { throw CurlError(code: Int(CURLE_FAILED_INIT.rawValue), message: "curl_easy_init failed") }
        handle = h
        self.maxBodyBytes = maxBodyBytes
        errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        try check(cs_setopt_pointer(h, CURLOPT_ERRORBUFFER, errorBuffer))
        try set(CURLOPT_NOSIGNAL, 1)  // threaded program: SIGPIPE is ignored process-wide instead
        try set(CURLOPT_TCP_KEEPALIVE, 1)
        socket.track(h)
    }

    deinit {
        curl_easy_cleanup(handle)  // also LOGOUT/QUIT on a cached connection
        errorBuffer.deallocate()
        // `lists` and `trace` are released after this body, i.e. after cleanup stopped using them.
    }

    private func check(_ rc: CURLcode) throws(CurlError) {
        guard rc == CURLE_OK else {
            throw CurlError(code: Int(rc.rawValue), message: String(cString: curl_easy_strerror(rc)))
        }
    }

    public func set(_ option: CURLoption, _ value: Int) throws(CurlError) {
        try check(cs_setopt_long(handle, option, value))
    }

    /// String options are copied by libcurl, so a temporary C string is enough.
    public func set(_ option: CURLoption, _ value: String?) throws(CurlError) {
        if let value {
            try check(value.withCString { cs_setopt_string(handle, option, $0) })
        } else {
            try check(cs_setopt_string(handle, option, nil))
        }
    }

    /// A `curl_slist` option (`CURLOPT_MAIL_RCPT`, ...); `nil` clears it. The list stays alive
    /// with the handle because libcurl keeps only the pointer.
    public func set(_ option: CURLoption, list: [String]?) throws(CurlError) {
        guard let list else {
            try check(cs_setopt_slist(handle, option, nil))
            lists[option.rawValue] = nil
            return
        }
        let owned = try CurlStringList(list)
        try check(cs_setopt_slist(handle, option, owned.pointer))
        lists[option.rawValue] = owned
    }

    /// Turns on a redacted protocol trace (see `ProtocolTraceRedactor`), or off with `nil`.
    /// Never route libcurl's raw verbose output anywhere: it holds credentials and bodies.
    public func setTrace(_ sink: (@Sendable (String) -> Void)?) throws(CurlError) {
        guard let sink else {
            try set(CURLOPT_VERBOSE, 0)
            try check(cs_setopt_debug_function(handle, nil))
            try check(cs_setopt_pointer(handle, CURLOPT_DEBUGDATA, nil))
            trace = nil
            return
        }
        let context = ProtocolTrace(sink: sink)
        try check(cs_setopt_debug_function(handle, protocolTraceCallback))
        try check(cs_setopt_pointer(handle, CURLOPT_DEBUGDATA, Unmanaged.passUnretained(context).toOpaque()))
        try set(CURLOPT_VERBOSE, 1)
        trace = context
    }

    public func info(_ item: CURLINFO) -> Int {
        var value = 0
        _ = cs_getinfo_long(handle, item, &value)
        return value
    }

    /// Runs one transfer (download, custom command, or upload of `upload`).
    public func perform(upload: [UInt8]? = nil) throws(CurlError) -> Result {
        if let oauth { return try performWithBearer(oauth, upload: upload) }
        return try performTransfer(upload: upload)
    }

    func performTransfer(upload: [UInt8]?) throws(CurlError) -> Result {
        let context = TransferContext(maxBodyBytes: maxBodyBytes)
        context.handle = handle
        let opaque = Unmanaged.passRetained(context).toOpaque()
        defer { Unmanaged<TransferContext>.fromOpaque(opaque).release() }
        try check(cs_setopt_write_function(handle, CURLOPT_WRITEFUNCTION, transferWriteCallback))
        try check(cs_setopt_pointer(handle, CURLOPT_WRITEDATA, opaque))
        try check(cs_setopt_write_function(handle, CURLOPT_HEADERFUNCTION, transferHeaderCallback))
        try check(cs_setopt_pointer(handle, CURLOPT_HEADERDATA, opaque))
        if let limits {
            context.clock = TransferClock(limits: limits)
            context.socket = socket
            try check(cs_setopt_xferinfo_function(handle, transferProgressCallback))
            try check(cs_setopt_pointer(handle, CURLOPT_XFERINFODATA, opaque))
            try set(CURLOPT_NOPROGRESS, 0)
        }
        if let upload {
            context.upload = upload
            try check(cs_setopt_read_function(handle, transferReadCallback))
            try check(cs_setopt_pointer(handle, CURLOPT_READDATA, opaque))
            try check(cs_setopt_off(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(upload.count)))
            try set(CURLOPT_UPLOAD, 1)
        } else {
            try set(CURLOPT_UPLOAD, 0)
        }
        errorBuffer[0] = 0
        let rc = curl_easy_perform(handle)
        // Never leave the context pointer behind in the handle: cleanup may call back (LOGOUT).
        _ = cs_setopt_pointer(handle, CURLOPT_WRITEDATA, nil)
        _ = cs_setopt_pointer(handle, CURLOPT_HEADERDATA, nil)
        _ = cs_setopt_pointer(handle, CURLOPT_READDATA, nil)
        _ = cs_setopt_pointer(handle, CURLOPT_XFERINFODATA, nil)
        guard rc == CURLE_OK else {
            lastFailureLines = context.headerLines
            var code = Int(rc.rawValue)
            var message = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(rc))
            switch context.clock?.aborted {
            case .stopped?: message = "transfer stopped: the daemon is shutting down"
            case .timeLimit(let seconds)?:
                code = Int(CURLE_OPERATION_TIMEDOUT.rawValue)
                message = "transfer took longer than its limit of \(Int(seconds.rounded(.up))) s"
            case .tooSlow(let rate, let seconds)?:
                code = Int(CURLE_OPERATION_TIMEDOUT.rawValue)
                message = "transfer slower than \(rate) bytes/s for \(Int(seconds.rounded())) s"
            case nil: break
            }
            var error = CurlError(code: code, message: message, serverResponse: CurlError.failureLine(in: context.headerLines))
            // Bytes libcurl sent, not only took: the message may be complete at the server.
            var sent: curl_off_t = 0
            _ = cs_getinfo_off(handle, CURLINFO_SIZE_UPLOAD_T, &sent)
            error.uploadFinished = upload.map { !$0.isEmpty && Int(sent) >= $0.count } ?? false
            throw error
        }
        return Result(body: context.body, headerLines: context.headerLines,
                      responseCode: info(CURLINFO_RESPONSE_CODE), newConnections: info(CURLINFO_NUM_CONNECTS))
    }
}
