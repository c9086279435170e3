import CCurl

/// A `curl_slist` (e.g. `CURLOPT_MAIL_RCPT`) owned by Swift. libcurl does not copy lists, so the
/// handle that uses one keeps it alive (`CurlEasy.set(_:list:)`) until it is replaced or the handle
/// is gone.
final class CurlStringList {
    private(set) var pointer: UnsafeMutablePointer<curl_slist>?

    init(_ strings: [String]) throws(CurlError) {
        for string in strings {
            guard let next = string.withCString({ curl_slist_append(pointer, $0) }) else {
                curl_slist_free_all(pointer)
                throw CurlError(code: Int(CURLE_OUT_OF_MEMORY.rawValue), message: "curl_slist_append failed")
            }
            pointer = next
        }
    }

    /// The strings as libcurl sees them (tests, diagnostics).
    var strings: [String] {
        var result: [String] = []
        var node = pointer
        while let current = node {
            if let data = current.pointee.data { result.append(String(cString: data)) }
            node = current.pointee.next
        }
        return result
    }

    deinit { curl_slist_free_all(pointer) }
}
