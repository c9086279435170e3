import CCurl
import CurlShim

/// The process-wide libcurl: initialised once, before any thread uses a handle, and asked what
/// it can do (the daemon refuses to start without imaps/smtp support).
public enum CurlRuntime {
    /// libcurl's own version banner, e.g. "libcurl/7.88.1 OpenSSL/3.0.15 ...".
    public static var version: String {
        guard let v = curl_version() else { return "unknown" }
        return String(cString: v)
    }

    /// Whether the linked libcurl supports a protocol scheme ("imaps", "smtp", ...).
    public static func supports(_ scheme: String) -> Bool {
        cs_supports_protocol(scheme) != 0
    }
}
