import CCurl

/// An opt-in protocol trace (libcurl's debug callback) that is safe to log: message data in
/// either direction is reduced to a byte count, and every client line of a login exchange
/// (`AUTHENTICATE`, `LOGIN`, `AUTH` and the SASL continuation lines after them) is redacted,
/// since they carry passwords and bearer tokens in base64.
public struct ProtocolTraceRedactor: Sendable {
    public enum Direction: Sendable { case info, fromServer, toServer, dataFromServer, dataToServer }

    /// True between a login command and the first server line that is not a SASL challenge.
    private var inLogin = false

    public init() {}

    /// The lines of one libcurl debug chunk as they may be logged.
    public mutating func redact(_ direction: Direction, _ chunk: [UInt8]) -> [String] {
        switch direction {
        case .dataFromServer: return ["<= \(chunk.count) bytes of data"]
        case .dataToServer: return ["=> \(chunk.count) bytes of data"]
        case .info:
            return lines(of: chunk).map { "* " + $0 }
        case .fromServer:
            return lines(of: chunk).map { line in
                // "+ ..." (IMAP) and "334 ..." (SMTP) are challenges inside the login exchange.
                if inLogin, !(line.hasPrefix("+") || line.hasPrefix("334")) { inLogin = false }
                return "< " + line
            }
        case .toServer:
            return lines(of: chunk).map { "> " + redactCommand($0) }
        }
    }

    private mutating func redactCommand(_ line: String) -> String {
        if inLogin { return "[redacted]" }
        let words = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true).map(String.init)
        // IMAP: "<tag> AUTHENTICATE <mech> [<initial response>]", "<tag> LOGIN <user> <password>";
        // SMTP: "AUTH <mech> [<initial response>]".
        if words.count >= 2, words[1].uppercased() == "AUTHENTICATE" {
            inLogin = true
            return words.prefix(3).joined(separator: " ") + " [redacted]"
        }
        if words.count >= 2, words[1].uppercased() == "LOGIN" {
            inLogin = true
            return words[0] + " LOGIN [redacted]"
        }
        if let first = words.first, first.uppercased() == "AUTH" {
            inLogin = true
            return words.prefix(2).joined(separator: " ") + " [redacted]"
        }
        return line
    }

    private func lines(of chunk: [UInt8]) -> [String] {
        chunk.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// The debug-callback context a `CurlEasy` keeps while a trace sink is set.
final class ProtocolTrace {
    let sink: @Sendable (String) -> Void
    var redactor = ProtocolTraceRedactor()

    init(sink: @escaping @Sendable (String) -> Void) { self.sink = sink }
}

/// SSL records are dropped entirely; the rest goes through the redactor.
let protocolTraceCallback: curl_debug_callback = { _, type, data, size, userdata in
    guard let data, let userdata else { return 0 }
    let trace = Unmanaged<ProtocolTrace>.fromOpaque(userdata).takeUnretainedValue()
    let direction: ProtocolTraceRedactor.Direction
    // curl_infotype by value: CURLINFO_TEXT 0, HEADER_IN 1, HEADER_OUT 2, DATA_IN 3, DATA_OUT 4
    // (the release build did not resolve the enumerator names in this closure).
    switch type.rawValue {
    case 0: direction = .info
    case 1: direction = .fromServer
    case 2: direction = .toServer
    case 3: direction = .dataFromServer
    case 4: direction = .dataToServer
    default: return 0
    }
    let chunk = data.withMemoryRebound(to: UInt8.self, capacity: size) { Array(UnsafeBufferPointer(start: $0, count: size)) }
    for line in trace.redactor.redact(direction, chunk) { trace.sink(line) }
    return 0
}
