import Foundation

/// `scripts/lab/fault-proxy.py` as a child process: a TCP proxy on 127.0.0.1 that drops, stalls
/// or slows one direction of the first connection(s) at a byte offset (TLS passes through).
public final class FaultProxy {
    public let port: Int
    public let control: String
    private let process: Process

    /// `target` "host:port" or "none" (accepts and never answers).
    public convenience init(target: String, mode: String = "pass", offset: Int = 0, direction: String = "s2c", rate: Int = 100, faulty: Int = 1) throws {
        try self.init(script: "fault-proxy.py", ["--target", target, "--mode", mode, "--offset", "\(offset)", "--direction", direction,
                                                 "--rate", "\(rate)", "--faulty", "\(faulty)"])
    }

    /// Any server script of scripts/lab that prints "PORT <n>" and takes `--control FILE`.
    public init(script name: String, _ arguments: [String]) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../scripts/lab/\(name)").standardizedFileURL.path
        control = FileManager.default.temporaryDirectory.appendingPathComponent("fault-\(UUID().uuidString).log").path
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script] + arguments + ["--control", control]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5).prefix { $0.isNumber }) else {
            process.terminate()
            throw FaultProxyFailure(description: "fault-proxy.py did not start: '\(text)'")
        }
        self.port = port
    }

    /// Per finished connection: bytes client→server and server→client.
    public var connections: [(c2s: Int, s2c: Int)] {
        let text = (try? String(contentsOfFile: control, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard words.count >= 6, words[0] == "conn", let c2s = Int(words[3]), let s2c = Int(words[5]) else { return nil }
            return (c2s, s2c)
        }
    }

    /// Waits (up to `timeout` s) until `count` connections have ended, and returns them all.
    public func ended(_ count: Int = 1, timeout: TimeInterval = 5) -> [(c2s: Int, s2c: Int)] {
        let deadline = Date().addingTimeInterval(timeout)
        while connections.count < count, Date() < deadline { usleep(50_000) }
        return connections
    }

    /// The last count a script noted as "<key> <n>" in its control file (0 when none).
    public func count(_ key: String) -> Int {
        let text = (try? String(contentsOfFile: control, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line -> Int? in
            let words = line.split(separator: " ")
            return words.count == 2 && words[0] == key ? Int(words[1]) : nil
        }.last ?? 0
    }

    /// When the first fault began (the proxy's clock, same machine).
    public var faultAt: Date? {
        let text = (try? String(contentsOfFile: control, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").first { $0.hasPrefix("fault-at ") }
            .flatMap { Double($0.dropFirst("fault-at ".count)) }.map { Date(timeIntervalSince1970: $0) }
    }

    public func stop() {
        // SIGKILL: the test runner blocks SIGTERM, and its children inherit the mask.
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        try? FileManager.default.removeItem(atPath: control)
    }

    deinit { stop() }
}

public struct FaultProxyFailure: Error, CustomStringConvertible { public let description: String }
