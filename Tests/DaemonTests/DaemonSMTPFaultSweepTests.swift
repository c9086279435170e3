import Daemon
import Foundation
import Intake
import LabFixtures
import Ledger
import Logging
import XCTest

/// `review: off` (replies sent by SMTP through the lab's Postfix) with the SMTP connection cut at
/// swept byte offsets by the fault proxy, in both directions over the whole conversation (EHLO,
/// STARTTLS, AUTH, MAIL, RCPT, DATA, the final dot and its reply). After each cut the daemon runs
/// again as it would (`once`, then a cycle past the retry backoff): every reply ends `delivered`
/// with exactly one copy in the requester's INBOX, or `held` (outcome unknown: the cut came after
/// the message went out) with at most one — never lost, never sent twice. Also a 4xx and a 5xx
/// reply to the final dot at daemon level (MailTransportTests' SMTPFaultTests covers every command
/// at the sender): retried and then delivered once, or failed with nothing sent until an admin
/// retries it.
final class DaemonSMTPFaultSweepTests: XCTestCase {
    private var lab: PrivateLab!
    private var work: DaemonWorkspace!

    override func setUpWithError() throws {
        lab = try PrivateLab.start()
        work = try DaemonWorkspace()
        try configure(smtp: nil)
        try work.onceOK()  // baselines
    }

    override func tearDown() {
        lab?.destroy()
        work?.remove()
    }

    /// The lab configuration with `review: off`, SMTP sent to 127.0.0.1:`smtp` when given.
    private func configure(smtp port: Int?) throws {
        try work.writeIMAPConfig(lab: lab, review: "off")
        guard let port else { return }
        let direct = try XCTUnwrap(URLComponents(string: lab.submissionURL))
        let hostPort = "\(direct.host ?? "127.0.0.1"):\(direct.port ?? 0)"
        let yaml = try String(contentsOfFile: work.configPath, encoding: .utf8)
        let proxied = lab.submissionURL.replacingOccurrences(of: hostPort, with: "127.0.0.1:\(port)")
        XCTAssertNotEqual(proxied, lab.submissionURL)
        try yaml.replacingOccurrences(of: "url: \(lab.submissionURL)/", with: "url: \(proxied)/")
            .write(toFile: work.configPath, atomically: true, encoding: .utf8)
    }

    /// What became of the reply to `mail` from `user`: its outbox status and its copies in that
    /// user's INBOX.
    private func outcome(of mail: TestMail, user: String = "ana") throws -> (status: OutboxStatus?, copies: Int) {
        let ledger = try work.ledger()
        guard let request = try ledger.request(forMessageID: mail.messageID) else { return (nil, 0) }
        var found: OutboxEntry?
        for status in OutboxStatus.allCases {
            if let entry = try ledger.outbox(status: status).first(where: { $0.request == request.id }) { found = entry }
        }
        guard let entry = found else { return (nil, 0) }
        let copies = entry.status == .delivered ? try lab.waitFor(user, messageID: entry.messageID).count
            : { Thread.sleep(forTimeInterval: 0.5); return (try? lab.search(user, messageID: entry.messageID).count) ?? 0 }()
        return (entry.status, copies)
    }

    /// A request from ana answered with SMTP cut by `proxy`; then `once` again and a cycle 2 h
    /// later with SMTP direct (as after a restart past the backoff).
    private func run(_ mail: TestMail, from user: String = "ana") async throws -> (first: ProcessResult, again: ProcessResult) {
        try lab.sendAndWait(mail, from: user, to: ["aseguramientoocm"])
        let first = try work.once()
        try configure(smtp: nil)
        let again = try work.once()
        _ = await try daemon(now: Date().addingTimeInterval(7200)).cycle()
        return (first, again)
    }

    func testSMTPCutAnywhereEndsDeliveredOnceOrHeldNeverLostOrDoubled() async throws {
        // A clean send through the proxy sizes the sweep.
        let clean = try FaultProxy(target: "127.0.0.1:\(try XCTUnwrap(URLComponents(string: lab.submissionURL)?.port))")
        try configure(smtp: clean.port)
        let sized = try TestMail.request(from: lab.address("ana"))
        _ = try await run(sized)
        let conversation = try XCTUnwrap(clean.ended(1).max { $0.c2s < $1.c2s }, "one SMTP connection")
        clean.stop()
        XCTAssertEqual(try outcome(of: sized).status, .delivered)

        var converged = 0, lost = 0, duplicates = 0, held = 0, heldOut = 0, cuts = 0
        for direction in ["c2s", "s2c"] {
            let size = direction == "c2s" ? conversation.c2s : conversation.s2c
            for step in 1...7 {
                let offset = size * step / 8
                let proxy = try FaultProxy(target: "127.0.0.1:\(URLComponents(string: lab.submissionURL)?.port ?? 0)",
                                           mode: "drop", offset: offset, direction: direction)
                try configure(smtp: proxy.port)
                // Two senders: 10 requests a day each are answered (the daily limit).
                let user = cuts.isMultiple(of: 2) ? "jorge" : "ana"
                let mail = try TestMail.request(from: lab.address(user))
                let (first, again) = try await run(mail, from: user)
                proxy.stop()
                cuts += 1
                XCTAssertEqual(again.status, 0, again.all)
                let (status, copies) = try outcome(of: mail, user: user)
                let label = "\(direction) cut at byte \(offset) of \(size) (first run: \(first.status))"
                switch status {
                case .delivered?:
                    XCTAssertEqual(copies, 1, label)
                    if copies == 0 { lost += 1 }
                case .held?:
                    held += 1
                    heldOut += copies
                    XCTAssertLessThanOrEqual(copies, 1, label)
                default:
                    lost += 1
                    XCTFail("\(label): reply left \(String(describing: status))")
                }
                duplicates += max(0, copies - 1)
                if (status == .delivered && copies == 1) || (status == .held && copies <= 1) { converged += 1 }
            }
        }
        print("SMTP fault sweep (daemon, review: off, Postfix): \(converged)/\(cuts) converge, \(lost) lost, \(duplicates) duplicates "
              + "(cuts over \(conversation.c2s)/\(conversation.s2c) bytes client/server; \(cuts - held) delivered once, "
              + "\(held) held as outcome unknown: \(heldOut) with its one copy out, \(held - heldOut) with none)")
        XCTAssertEqual(converged, cuts)
        XCTAssertEqual(lost, 0)
        XCTAssertEqual(duplicates, 0)
    }

    func testRefusalAfterTheFinalDotIsRetriedOrFailedAndNeverSentTwice() async throws {
        let tls = URL(fileURLWithPath: lab.ca).deletingLastPathComponent()
        var table: [String] = []
        for code in [451, 554] {
            let refusing = try FaultProxy(script: "fault-smtp.py", ["--cert", tls.appendingPathComponent("server.pem").path,
                                                                    "--key", tls.appendingPathComponent("server.key").path,
                                                                    "--fail-at", "DOT", "--code", "\(code)"])
            try configure(smtp: refusing.port)
            let mail = try TestMail.request(from: lab.address("ana"))
            try lab.sendAndWait(mail, to: ["aseguramientoocm"])
            _ = try work.once()
            XCTAssertEqual(refusing.count("received"), 1, "\(code): the server had the whole message")
            XCTAssertEqual(refusing.count("accepted"), 0)
            let refused = try outcome(of: mail)
            XCTAssertEqual(refused.status, code < 500 ? .pending : .failed, "\(code) after the dot: a known refusal")
            refusing.stop()
            // Back to Postfix: the 4xx is retried after its backoff; the 5xx waits for an admin.
            try configure(smtp: nil)
            if code >= 500 {
                let entry = try XCTUnwrap(try work.ledger().outbox(status: .failed).first)
                XCTAssertEqual(try work.command(["outbox", "retry", "\(entry.id)"]).status, 0)
            }
            _ = await try daemon(now: Date().addingTimeInterval(7200)).cycle()
            let final = try outcome(of: mail)
            XCTAssertEqual(final.status, .delivered, "\(code)")
            XCTAssertEqual(final.copies, 1, "\(code): one copy")
            table.append("\(code) after the dot → \(refused.status?.rawValue ?? "?") → delivered, 1 copy")
        }
        print("SMTP refusals after the dot (daemon): \(table.joined(separator: "; "))")
    }

    /// The workspace's configuration in this process, with its own clock (past retry backoffs).
    private func daemon(now: Date) throws -> IntakeDaemon {
        let configuration = try DaemonConfiguration.load(path: work.configPath)
        let rulesFile = URL(fileURLWithPath: configuration.rulesDirectory).appendingPathComponent("rules.yaml").path
        let rules = try Rules(yaml: String(decoding: try Data(contentsOf: URL(fileURLWithPath: rulesFile)), as: UTF8.self), file: rulesFile)
        let holidaysFile = URL(fileURLWithPath: configuration.rulesDirectory).appendingPathComponent("holidays.yaml").path
        let overrides = try HolidayOverrides(yaml: String(decoding: try Data(contentsOf: URL(fileURLWithPath: holidaysFile)), as: UTF8.self),
                                             file: holidaysFile)
        var logger = Logger(label: "smtp-fault-sweep")
        logger.logLevel = .critical
        return try IntakeDaemon(configuration: configuration, rules: rules, calendar: BusinessCalendar(overrides: overrides),
                                drafter: try TemplateDrafter(directory: configuration.templatesDirectory, rules: rules,
                                                             timeZone: configuration.timeZone),
                                logger: logger, now: { now })
    }
}
