import CCurl
import CurlShim
#if canImport(Glibc)
import Glibc
#endif

/// The process-wide libcurl: initialised once before handles are used, and asked what it can
/// do (the daemon refuses to start without imaps/smtp support).
public enum CurlRuntime {
    private static let initialized: Bool = {
        // curl_global_init is reference counted and thread-safe in 7.84+ (Debian's 7.88.1).
        let rc = curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        // With CURLOPT_NOSIGNAL libcurl no longer shields its writes from SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        return rc == CURLE_OK
    }()

    /// Idempotent; called by every `CurlEasy`.
    @discardableResult
    public static func initialize() -> Bool { initialized }

    /// libcurl's version banner, e.g. "libcurl/7.88.1 OpenSSL/3.0.15 ...".
    public static var version: String {
        guard let v = curl_version() else { return "unknown" }
        return String(cString: v)
    }

    /// Whether the linked libcurl supports a protocol scheme ("imaps", "smtp", ...).
    public static func supports(_ scheme: String) -> Bool {
        cs_supports_protocol(scheme) != 0
    }
}
