import CCurl
import CurlShim
#if canImport(Glibc)
import Glibc
#endif

/// The socket of a handle's connection, learnt from libcurl's socket callbacks (CURLINFO's
/// ACTIVESOCKET is not known in the middle of a transfer in 7.88.1). `TransferClock` shuts it
/// when it ends a stalled transfer: otherwise libcurl's polite LOGOUT/QUIT on that dead
/// connection waits a whole response timeout for an answer that will not come.
final class ConnectionSocket {
    private(set) var descriptor: curl_socket_t = -1

    /// Registers the callbacks on `handle`; `self` must outlive it (CurlEasy owns both).
    func track(_ handle: UnsafeMutableRawPointer) {
        let me = Unmanaged.passUnretained(self).toOpaque()
        _ = cs_setopt_sockopt_function(handle, socketOpened)
        _ = cs_setopt_pointer(handle, CURLOPT_SOCKOPTDATA, me)
        _ = cs_setopt_closesocket_function(handle, socketClosing)
        _ = cs_setopt_pointer(handle, CURLOPT_CLOSESOCKETDATA, me)
    }

    /// Ends the connection under libcurl's feet: its next read or write fails at once.
    func shutDown() {
        if descriptor >= 0 { shutdown(descriptor, Int32(SHUT_RDWR)) }
    }

    fileprivate func opened(_ fd: curl_socket_t) { descriptor = fd }
    fileprivate func closing(_ fd: curl_socket_t) { if descriptor == fd { descriptor = -1 } }
}

private let socketOpened: curl_sockopt_callback = { clientp, fd, _ in
    if let clientp { Unmanaged<ConnectionSocket>.fromOpaque(clientp).takeUnretainedValue().opened(fd) }
    return Int32(CURL_SOCKOPT_OK)
}

/// libcurl leaves the close to this callback once it is set.
private let socketClosing: curl_closesocket_callback = { clientp, fd in
    if let clientp { Unmanaged<ConnectionSocket>.fromOpaque(clientp).takeUnretainedValue().closing(fd) }
    return close(fd)
}
