import Foundation
import XCTest
@testable import MailTransport

/// The running mail lab (scripts/lab/lab-up.sh) named by `OCM_LAB_ENV`, and an independent
/// client (the curl command line) to check what the code under test did from another connection.
struct MailLab {
    let values: [String: String]

    /// Skips the test visibly when no lab is running.
    static func require() throws -> MailLab {
        guard let path = ProcessInfo.processInfo.environment["OCM_LAB_ENV"], !path.isEmpty else {
            throw XCTSkip("NOTICE: no mail lab (OCM_LAB_ENV unset): IMAP/SMTP tests skipped")
        }
        // Let bash read the file it was written for.
        let output = try run("/bin/bash", ["-c", "set -a; . \"$1\"; env -0", "lab-env", path])
        var values: [String: String] = [:]
        for entry in output.stdout.split(separator: "\0") {
            guard let equals = entry.firstIndex(of: "=") else { continue }
            values[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
        }
        guard values["LAB_IMAPS_URL"] != nil else { throw LabFailure("no LAB_IMAPS_URL in \(path)") }
        return MailLab(values: values)
    }

    subscript(key: String) -> String { values[key] ?? "" }
    var domain: String { self["LAB_DOMAIN"] }
    var ca: String { self["LAB_CA"] }

    func address(_ user: String) -> String { "\(user)@\(domain)" }

    func imap(_ user: String, mailbox: String = "INBOX", secret: MailServerConfiguration.Secret? = nil,
              base: String? = nil, ca: String? = nil) throws -> MailServerConfiguration {
        var configuration = MailServerConfiguration(url: try MailServerURL(parsing: "\(base ?? self["LAB_IMAPS_URL"])/\(mailbox)"),
                                                    login: address(user), secret: secret ?? .password("pw-\(user)"),
                                                    caFile: ca ?? self.ca)
        configuration.connectTimeout = .seconds(5)
        configuration.responseTimeout = .seconds(10)
        return configuration
    }

    func submission(_ user: String, password: String? = nil) throws -> MailServerConfiguration {
        var configuration = MailServerConfiguration(url: try MailServerURL(parsing: "\(self["LAB_SUBMISSION_URL"])/ocm-tests"),
                                                    login: address(user), secret: .password(password ?? "pw-\(user)"), caFile: ca)
        configuration.connectTimeout = .seconds(5)
        configuration.responseTimeout = .seconds(10)
        return configuration
    }

    /// One IMAP command from the curl command line (a separate process and connection).
    func curlIMAP(_ user: String, mailbox: String = "INBOX", _ command: String) throws -> String {
        try Self.run("/usr/bin/curl", ["-sS", "--cacert", ca, "-u", "\(address(user)):pw-\(user)",
                                       "\(self["LAB_IMAPS_URL"])/\(mailbox)", "-X", command]).stdout
    }

    /// APPEND exact bytes with the curl command line (note: 7.88.1 marks them `\Seen`).
    func curlAppend(_ user: String, mailbox: String = "INBOX", _ raw: [UInt8]) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("append-\(UUID().uuidString).eml")
        try Data(raw).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try Self.run("/usr/bin/curl", ["-sS", "--cacert", ca, "-u", "\(address(user)):pw-\(user)",
                                           "\(self["LAB_IMAPS_URL"])/\(mailbox)", "-T", file.path])
    }

    /// Flags of one message as another connection sees them, e.g. "()" or "(\\Seen \\Draft)".
    func flags(_ user: String, mailbox: String = "INBOX", uid: UInt32) throws -> String {
        let out = try curlIMAP(user, mailbox: mailbox, "UID FETCH \(uid) FLAGS")
        guard let range = out.range(of: "FLAGS ("), let close = out[range.upperBound...].firstIndex(of: ")") else {
            throw LabFailure("no FLAGS in '\(out)'")
        }
        return "(" + out[range.upperBound..<close] + ")"
    }

    /// Waits (up to 10 s) until `user`'s mailbox holds the Message-ID; returns its UIDs.
    func waitForDelivery(_ user: String, messageID: String, mailbox: String = "INBOX") throws -> [UInt32] {
        for _ in 0..<200 {
            let out = try curlIMAP(user, mailbox: mailbox, "UID SEARCH HEADER Message-ID \"\(messageID)\"")
            let uids = IMAPResponse.searchUIDs(in: IMAPResponse.lines(Array(out.utf8)))
            if !uids.isEmpty { return uids }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw LabFailure("\(messageID) never reached \(user)/\(mailbox)")
    }

    func doveadm(_ arguments: [String]) throws -> String {
        try Self.run("/usr/bin/doveadm", ["-c", self["LAB_DOVECOT_CONF"]] + arguments).stdout
    }

    /// A small CRLF message with a fresh Message-ID.
    static func message(from: String, to: String, body: String = "Solicitud de capacitación\r\nlínea dos\r\n") -> (id: String, raw: [UInt8]) {
        let id = "<t-\(UUID().uuidString)@tests.icetex.gov.co>"
        let text = "From: \(from)\r\nTo: \(to)\r\nSubject: prueba\r\nMessage-ID: \(id)\r\nDate: Mon, 02 Feb 2026 10:00:00 -0500\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body
        return (id, Array(text.utf8))
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}

struct LabFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Collects trace lines from the `@Sendable` trace sink.
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func append(_ line: String) { lock.withLock { storage.append(line) } }
    var lines: [String] { lock.withLock { storage } }
}

/// The error `body` throws, as `E`; a test failure when it throws nothing or something else.
/// (XCTest's assertion autoclosures cannot `await`, and `catch` sees `any Error`.)
func expectError<E: Error>(_ type: E.Type, file: StaticString = #filePath, line: UInt = #line,
                           _ body: () async throws -> Void) async -> E? {
    do {
        try await body()
        XCTFail("expected \(E.self), nothing was thrown", file: file, line: line)
    } catch let error as E {
        return error
    } catch {
        XCTFail("expected \(E.self), got \(error)", file: file, line: line)
    }
    return nil
}
