import Daemon
import Foundation
import LabFixtures
import Intake
import Ledger
import Logging
import XCTest

/// The daemon with Aseguramiento's IMAP connection cut at swept byte offsets (issue 7, fault
/// proxy): in each direction, 6 offsets spread over what a clean cycle carries (login, EXAMINE,
/// SEARCH, INTERNALDATE, the FETCH of the request, the APPEND of its draft). After each cut the
/// daemon runs again as it would: `once` (its poll retries the mail), then a cycle whose clock is
/// past the outbox's retry backoff. Every mail ends with one request and one draft: checked in
/// the ledger and with the curl command line.
final class DaemonFaultSweepTests: XCTestCase {
    func testCutsAnywhereInACycleDelayWorkButNeverLoseOrDoubleIt() async throws {
        let lab = try PrivateLab.start()
        defer { lab.destroy() }
        let work = try DaemonWorkspace()
        defer { work.remove() }
        let target = String(lab.imapsURL.dropFirst("imaps://".count))
        try work.writeIMAPConfig(lab: lab)
        try work.onceOK()  // baselines, direct

        // A clean cycle through the proxy sizes the sweep.
        let clean = try FaultProxy(target: target)
        try work.writeIMAPConfig(lab: lab, imapsURL: "imaps://127.0.0.1:\(clean.port)")
        try await handle(try TestMail.request(from: lab.address("ana")), lab: lab, work: work)
        // Aseguramiento's connection is the busy one (Formación's only polls): the largest.
        let total = try XCTUnwrap(clean.ended(2).max { $0.s2c < $1.s2c })
        clean.stop()

        var mails: [String] = []
        var failedRuns = 0
        for direction in ["s2c", "c2s"] {
            let size = direction == "s2c" ? total.s2c : total.c2s
            for step in 1...6 {
                let offset = size * step / 7
                let proxy = try FaultProxy(target: target, mode: "drop", offset: offset, direction: direction)
                try work.writeIMAPConfig(lab: lab, imapsURL: "imaps://127.0.0.1:\(proxy.port)")
                let mail = try TestMail.request(from: lab.address(mails.count.isMultiple(of: 2) ? "jorge" : "ana"))
                failedRuns += try await handle(mail, lab: lab, work: work) ? 1 : 0
                mails.append(mail.messageID)
                proxy.stop()
                let drafts = PrivateLab.searchUIDs(try lab.curlIMAP("aseguramientoocm", mailbox: "Drafts", "UID SEARCH HEADER In-Reply-To \"\(mail.messageID)\""))
                XCTAssertEqual(drafts.count, 1, "\(direction) cut at byte \(offset) of \(size): one draft")
            }
        }
        let ledger = try work.ledger()
        XCTAssertEqual(try ledger.requests().count, mails.count + 1, "one request per mail")
        XCTAssertEqual(try lab.uids("aseguramientoocm", mailbox: "Drafts").count, mails.count + 1, "one draft per mail")
        XCTAssertEqual(try ledger.outbox(status: .pending).count, 0)
        XCTAssertEqual(try ledger.outbox(status: .delivered).count, mails.count + 1)
        print("daemon fault sweep: \(mails.count) cuts over \(total.s2c)/\(total.c2s) bytes (server/client), "
              + "\(failedRuns) cycles failed, \(mails.count) requests and \(mails.count) drafts, 0 lost, 0 doubled")
    }

    /// Sends `mail` to Aseguramiento, runs `once` twice and a cycle 2 h later; true when the
    /// first `once` failed.
    @discardableResult
    private func handle(_ mail: TestMail, lab: PrivateLab, work: DaemonWorkspace) async throws -> Bool {
        try lab.sendAndWait(mail, to: ["aseguramientoocm"])
        let first = try work.once()
        _ = try work.once()
        _ = await try daemon(work, now: Date().addingTimeInterval(7200)).cycle()
        return first.status != 0 || first.stdout.contains("delivery failed") || first.stdout.contains("ERROR")
    }

    /// The workspace's configuration in this process, with its own clock (past retry backoffs).
    private func daemon(_ work: DaemonWorkspace, now: Date) throws -> IntakeDaemon {
        let configuration = try DaemonConfiguration.load(path: work.configPath)
        let rulesFile = URL(fileURLWithPath: configuration.rulesDirectory).appendingPathComponent("rules.yaml").path
        let rules = try Rules(yaml: String(decoding: try Data(contentsOf: URL(fileURLWithPath: rulesFile)), as: UTF8.self), file: rulesFile)
        let holidaysFile = URL(fileURLWithPath: configuration.rulesDirectory).appendingPathComponent("holidays.yaml").path
        let overrides = try HolidayOverrides(yaml: String(decoding: try Data(contentsOf: URL(fileURLWithPath: holidaysFile)), as: UTF8.self), file: holidaysFile)
        var logger = Logger(label: "fault-sweep")
        logger.logLevel = .critical
        return try IntakeDaemon(configuration: configuration, rules: rules, calendar: BusinessCalendar(overrides: overrides),
                                drafter: try TemplateDrafter(directory: configuration.templatesDirectory, rules: rules, timeZone: configuration.timeZone),
                                logger: logger, now: { now })
    }
}
