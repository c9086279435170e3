import CCurl
import CurlShim

extension CurlEasy {
    /// Body bytes libcurl sent in the last transfer (`CURLINFO_SIZE_UPLOAD_T`). For SMTP, more than
    /// zero means the server had accepted DATA (354) and the message was at least partly handed
    /// over: a failure after that may still have delivered it.
    public var uploadedBytes: Int64 {
        var value: curl_off_t = 0
        _ = cs_getinfo_off(handle, CURLINFO_SIZE_UPLOAD_T, &value)
        return Int64(value)
    }
}
