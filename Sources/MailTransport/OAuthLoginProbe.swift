import CCurl
import CurlShim
import Foundation
import OAuthWire
#if canImport(Glibc)
import Glibc
#endif

/// One XOAUTH2 login done by hand on a libcurl CONNECT_ONLY connection (TLS and greeting by
/// libcurl, no credentials so libcurl logs in with nothing). Why: libcurl 7.88.1 hangs up when
/// a server answers XOAUTH2 with its JSON error challenge (it expects the final reply at once),
/// so the server never sends its final NO/535 and logs "client didn't finish SASL auth". This
/// probe answers the challenge with the empty line the server waits for, and returns what the
/// server said. Used for the retry after a refused login, never for normal logins.
struct OAuthLoginProbe {
    enum Outcome {
        case loggedIn
        /// The server's error challenge line (base64 JSON) and its final line.
        case refused(challenge: String?, finalLine: String)
    }

    var configuration: MailServerConfiguration
    var server: MailServerURL.Server

    func run(login: String, token: String) throws(CurlError) -> Outcome {
        var bare = configuration
        bare.login = nil
        bare.secret = nil
        bare.trace = nil  // the probe's own lines carry the token: never traced
        let easy = try CurlEasy(maxBodyBytes: 64 * 1024)
        try easy.configure(for: bare, server: server)
        try easy.set(CURLOPT_URL, server.base + "/" + (server.scheme.hasPrefix("smtp") ? "ocm-intake" : ""))
        try easy.set(CURLOPT_CONNECT_ONLY, 1)
        _ = try easy.performTransfer(upload: nil)
        let response = Array("user=\(login)\u{1}auth=Bearer \(token)\u{1}\u{1}".utf8)
        let initial = Data(response).base64EncodedString()
        let smtp = server.scheme.hasPrefix("smtp")
        let deadline = Date().addingTimeInterval(Double(CurlEasy.milliseconds(configuration.responseTimeout)) / 1000)
        var reader = LineReader(easy: easy, deadline: deadline)
        try reader.send(smtp ? "AUTH XOAUTH2 \(initial)\r\n" : "P1 AUTHENTICATE XOAUTH2 \(initial)\r\n")
        var challenge: String?
        while true {
            let line = try reader.line()
            switch SASLReply.classify(line, imapTag: smtp ? nil : "P1") {
            case .challenge:
                challenge = line
                try reader.send("\r\n")  // the empty reply that ends the exchange
            case .loggedIn: return .loggedIn
            case .refused: return .refused(challenge: challenge, finalLine: line)
            case .other: continue
            }
        }
    }

    /// CRLF lines over curl_easy_send/recv, waiting on the socket while libcurl has nothing.
    private struct LineReader {
        let easy: CurlEasy
        let deadline: Date
        var buffer: [UInt8] = []

        func send(_ text: String) throws(CurlError) {
            var bytes = Array(text.utf8)[...]
            while !bytes.isEmpty {
                var sent = 0
                let rc = bytes.withUnsafeBytes { curl_easy_send(easy.handle, $0.baseAddress, $0.count, &sent) }
                if rc == CURLE_AGAIN { try wait(readable: false); continue }
                guard rc == CURLE_OK else { throw CurlError(code: Int(rc.rawValue), message: "OAuth login probe: send failed") }
                bytes = bytes.dropFirst(sent)
            }
        }

        mutating func line() throws(CurlError) -> String {
            while true {
                if let end = buffer.firstIndex(of: 0x0A) {
                    let line = String(decoding: buffer[..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    buffer.removeSubrange(...end)
                    return line
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                var n = 0
                let rc = chunk.withUnsafeMutableBytes { curl_easy_recv(easy.handle, $0.baseAddress, $0.count, &n) }
                if rc == CURLE_AGAIN { try wait(readable: true); continue }
                guard rc == CURLE_OK, n > 0 else { throw CurlError(code: Int(CURLE_RECV_ERROR.rawValue), message: "OAuth login probe: connection closed") }
                buffer += chunk.prefix(n)
                guard buffer.count < 64 * 1024 else { throw CurlError(code: Int(CURLE_RECV_ERROR.rawValue), message: "OAuth login probe: line too long") }
            }
        }

        private func wait(readable: Bool) throws(CurlError) {
            var socket: curl_socket_t = -1
            _ = cs_getinfo_socket(easy.handle, CURLINFO_ACTIVESOCKET, &socket)
            let remaining = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            guard remaining > 0 else { throw CurlError(code: Int(CURLE_OPERATION_TIMEDOUT.rawValue), message: "OAuth login probe: server response timeout") }
            var descriptor = pollfd(fd: socket, events: Int16(readable ? POLLIN : POLLOUT), revents: 0)
            _ = poll(&descriptor, 1, min(remaining, 1000))
        }
    }
}
