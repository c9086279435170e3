import Foundation
import LabFixtures
import XCTest

/// The daemon commands on the embedded default (Maildir + SQLite, no server): configuration
/// errors, `once`, `status`, `requests`, and `run` stopping cleanly on SIGTERM.
final class DaemonCommandTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("daemon-\(UUID().uuidString)")
        let fm = FileManager.default
        for box in ["aseguramientoocm", "formacionocm"] {
            for sub in ["cur", "new", "tmp"] {
                try fm.createDirectory(at: root.appendingPathComponent("mail/\(box)/\(sub)"), withIntermediateDirectories: true)
            }
            for sample in try fm.contentsOfDirectory(atPath: CommandLineTests.packageRoot.appendingPathComponent("Samples").path) where sample.hasSuffix(".eml") {
                try fm.copyItem(at: CommandLineTests.packageRoot.appendingPathComponent("Samples/\(sample)"),
                                to: root.appendingPathComponent("mail/\(box)/new/\(sample).\(box)"))
                try SampleArrival.stamp(root.appendingPathComponent("mail/\(box)/new/\(sample).\(box)"))
            }
        }
        try write(config: "")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    var configPath: String { root.appendingPathComponent("ocm-intake.yaml").path }

    func write(config extra: String, replacing: (String, String)? = nil) throws {
        let package = CommandLineTests.packageRoot.path
        var text = """
        mailboxes:
          - role: aseguramiento
            address: aseguramientoocm@icetex.gov.co
            url: maildir:mail/aseguramientoocm
          - role: formacion
            address: formacionocm@icetex.gov.co
            url: maildir:mail/formacionocm
        review: drafts
        poll_interval: 5
        ledger: ledger.sqlite
        templates: \(package)/Templates
        rules: \(package)/config
        hostname: test.icetex.gov.co
        \(extra)
        """
        if let (from, to) = replacing { text = text.replacingOccurrences(of: from, with: to) }
        try text.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    func drafts() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("mail/aseguramientoocm/.Drafts/cur").path)) ?? []
    }

    func testOnceHandlesTheSamplesOnceAndOnlyOnce() throws {
        let first = try CommandLineTests.run(["once", "--init", "--config", configPath, "--backfill-since", "2026-01-01"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("opened 3 request(s): OCM-2026-0001, OCM-2026-0002, OCM-2026-0003"), first.stdout)
        // sample05 answers the observations of OCM-2026-0002 with the missing material (5.2.4 → 5.2.3).
        XCTAssertTrue(first.stdout.contains("follow-ups: OCM-2026-0002"), first.stdout)
        XCTAssertTrue(first.stdout.contains("duplicate 5"), first.stdout)
        XCTAssertEqual(drafts().count, 4, "3 first replies and the new concept for OCM-2026-0002")
        let second = try CommandLineTests.run(["once", "--config", configPath])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("fetched 0 message(s); opened 0 request(s)"), second.stdout)
        XCTAssertEqual(drafts().count, 4, "nothing drafted twice")
        let requests = try CommandLineTests.run(["requests", "--config", configPath, "--json"])
        XCTAssertEqual(requests.stdout.split(separator: "\n").count, 3)
        XCTAssertTrue(requests.stdout.contains("\"id\":\"OCM-2026-0002\",\"kind\":\"nuevo\",\"productionDate\":\"2026-07-20\",\"requester\":\"jruiz@icetex.gov.co\",\"revision\":2,\"state\":\"viable\""), requests.stdout)
        let status = try CommandLineTests.run(["status", "--config", configPath])
        XCTAssertTrue(status.stdout.contains("delivered 4"), status.stdout)
        XCTAssertTrue(status.stdout.contains("errors: 0"), status.stdout)
    }

    func testFirstStartWithoutBackfillAnswersNoBacklog() throws {
        let result = try CommandLineTests.run(["once", "--init", "--config", configPath])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("first start, baseline taken"), result.stdout)
        XCTAssertEqual(drafts().count, 0)
    }

    func testConfigErrorsNameFileLineAndKeyAndExit2() throws {
        let cases: [(String, (String, String)?, String)] = [
            ("review mode", nil, "review: maybe"),
            ("bad role", ("role: formacion", "role: formación"), ""),
            ("inline secret", nil, "password: hunter2"),
            ("secret env unset", ("url: maildir:mail/formacionocm", "url: imaps://127.0.0.1:1/INBOX\n    secret_env: OCM_TEST_UNSET_SECRET"), ""),
        ]
        let expected = ["key 'review'", "key 'role'", "key 'password'", "key 'secret_env'"]
        for ((name, replacing, extra), key) in zip(cases, expected) {
            try write(config: extra.isEmpty ? "" : extra, replacing: replacing)
            let result = try CommandLineTests.run(["once", "--config", configPath])
            XCTAssertEqual(result.status, 2, "\(name): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("ocm-intake.yaml:"), "\(name): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(key), "\(name): \(result.stderr)")
        }
    }

    func testSecretFileReadableByOthersIsRefused() throws {
        let secret = root.appendingPathComponent("imap.secret")
        try "pw".write(to: secret, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: secret.path)
        try write(config: "", replacing: ("url: maildir:mail/formacionocm", "url: imaps://127.0.0.1:1/INBOX\n    secret_file: \(secret.path)"))
        let result = try CommandLineTests.run(["check-config", "--config", configPath])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("readable by others"), result.stderr)
        XCTAssertFalse(result.stderr.contains("pw\n"), "the secret never appears")
    }

    func testCheckConfigValidatesTemplates() throws {
        let templates = root.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: CommandLineTests.packageRoot.appendingPathComponent("Templates"), to: templates)
        try "Asunto: {{#observaciones}}\nsin cerrar\n".write(to: templates.appendingPathComponent("observaciones.mustache"), atomically: true, encoding: .utf8)
        try write(config: "", replacing: ("templates: \(CommandLineTests.packageRoot.path)/Templates", "templates: Templates"))
        let result = try CommandLineTests.run(["check-config", "--config", configPath])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("observaciones.mustache"), result.stderr)
    }

    func testRunStopsCleanlyOnSIGTERM() throws {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["run", "--init", "--config", configPath]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        let collected = LogCollector()
        err.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData) }
        try process.run()
        // Wait for the first cycle (the baseline) to be logged — the service, and its signal
        // handling, is running then — and ask it to stop.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !collected.text.contains("baseline") { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertTrue(collected.text.contains("baseline"), collected.text)
        kill(process.processIdentifier, SIGTERM)
        let stop = Date().addingTimeInterval(15)
        while process.isRunning, Date() < stop { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertFalse(process.isRunning, "run must stop on SIGTERM")
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        err.fileHandleForReading.readabilityHandler = nil
        collected.append(err.fileHandleForReading.readDataToEndOfFile())
        let log = collected.text
        XCTAssertTrue(log.contains("ocm-intake stopped"), log)
    }
}

extension DaemonCommandTests {
    func testLedgerCommandsNeedNoSecrets() throws {
        try write(config: "", replacing: ("url: maildir:mail/formacionocm", "url: imaps://127.0.0.1:1/INBOX\n    secret_env: OCM_TEST_UNSET_SECRET"))
        let status = try CommandLineTests.run(["status", "--config", configPath])
        XCTAssertEqual(status.status, 1, "no ledger yet: said so, not created: \(status.stdout)\(status.stderr)")
        XCTAssertTrue(status.stderr.contains("does not exist"), status.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("ledger.sqlite").path))
        let once = try CommandLineTests.run(["once", "--config", configPath])
        XCTAssertEqual(once.status, 2, "the daemon itself still needs the secret")
    }
}

extension DaemonCommandTests {
    /// design.md: a mail over the size limit is recorded and answered with what was too large.
    func testMailOverTheSizeLimitIsAnsweredNotSkipped() throws {
        try write(config: "max_message_bytes: 4096")
        let result = try CommandLineTests.run(["once", "--init", "--config", configPath, "--backfill-since", "2026-01-01"])
        XCTAssertEqual(result.status, 0, result.stderr)
        // sample01, 02 and 04 are 6–13 KB: each opens a request; the 559-byte auto-reply is
        // skipped; sample05 (5 KB) answers OCM-2026-0002 and stays in that request.
        XCTAssertTrue(result.stdout.contains("opened 3 request(s)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("follow-ups: OCM-2026-0002"), result.stdout)
        XCTAssertEqual(drafts().count, 4)
        let folder = root.appendingPathComponent("mail/aseguramientoocm/.Drafts/cur")
        for name in drafts() {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            XCTAssertTrue(text.contains(".ilegible@") && text.contains(".test.icetex.gov.co>"), "the 'could not read' reply: \(text.prefix(600))")
            let unfolded = text.replacingOccurrences(of: "=\r\n", with: "")
            XCTAssertTrue(unfolded.contains("el l=C3=ADmite que podemos procesar es 4 KB"), String(unfolded.prefix(2500)))
        }
        let requests = try CommandLineTests.run(["requests", "--config", configPath])
        XCTAssertEqual(requests.stdout.split(separator: "\n").count, 3, requests.stdout)
    }
}

extension DaemonCommandTests {
    /// design.md: no auto-reply beyond a per-sender daily limit; the mail is recorded with
    /// `rate_limited`, not dropped.
    func testPerSenderDailyLimit() throws {
        try write(config: "max_replies_per_sender_per_day: 1")
        let sample = try String(contentsOf: CommandLineTests.packageRoot.appendingPathComponent("Samples/sample01-credito-completa.eml"), encoding: .utf8)
        let again = sample.replacingOccurrences(of: "<sample01-credito-completa@icetex.gov.co>", with: "<sample01-otra-vez@icetex.gov.co>")
        XCTAssertNotEqual(again, sample)
        try again.write(to: root.appendingPathComponent("mail/aseguramientoocm/new/zz-second-request.aseguramientoocm"), atomically: true, encoding: .utf8)
        // The limit counts by arrival day: the second request arrived the same day as the first.
        try SampleArrival.stamp(root.appendingPathComponent("mail/aseguramientoocm/new/zz-second-request.aseguramientoocm"))
        let result = try CommandLineTests.run(["once", "--init", "--config", configPath, "--backfill-since", "2026-01-01"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("rate_limited 1"), result.stdout)
        XCTAssertTrue(result.stdout.contains("opened 3 request(s)"), result.stdout)
        // Measured (issue 7, 8): `status` never showed the mails the limit turned away.
        let status = try CommandLineTests.run(["status", "--config", configPath])
        XCTAssertTrue(status.stdout.contains("rate-limited mails (daily limit per sender): 1"), status.stdout)
    }
}

/// Stderr of a child process, collected as it comes.
private final class LogCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ more: Data) { lock.withLock { data.append(more) } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
