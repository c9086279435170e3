import Foundation
import Ledger
import XCTest

/// Issue 7 against the real Dovecot of the private lab: the crash sweep of `RecoveryTests` with
/// drafts appended over IMAPS, and our own draft's flags repaired when a crash cut it between
/// APPEND and the flag change. Checked with the curl command line, not the daemon's client.
final class DaemonIMAPRecoveryTests: XCTestCase {
    private var lab: PrivateLab!

    override func setUpWithError() throws {
        lab = try PrivateLab.start()
    }

    override func tearDown() { lab?.destroy() }

    private func workspace() throws -> DaemonWorkspace {
        let work = try DaemonWorkspace()
        try work.writeIMAPConfig(lab: lab)
        return work
    }

    /// The ledger snapshot plus, for every outbox entry, how many copies Drafts holds and their
    /// flags (the installation id taken out: each workspace's replies are its own).
    private func snapshot(_ work: DaemonWorkspace) throws -> [String] {
        let ledger = try work.ledger()
        let installation = try ledger.installationID()
        let flags = try lab.flags("aseguramientoocm", mailbox: "Drafts")
        var lines = try RecoveryTests.snapshot(work)
        for status in OutboxStatus.allCases {
            for entry in try ledger.outbox(status: status) {
                let uids = try lab.search("aseguramientoocm", mailbox: "Drafts", messageID: entry.messageID)
                let copies = uids.map { flags[$0] ?? "?" }.joined(separator: ",")
                lines.append("drafts \(entry.messageID) ×\(uids.count) [\(copies)]"
                    .replacingOccurrences(of: installation, with: "INSTALLATION"))
            }
        }
        return lines.sorted()
    }

    func testCrashAtEveryDurableStepConvergesAgainstDovecot() throws {
        let samples = Package.root.appendingPathComponent("Samples")
        for sample in try FileManager.default.contentsOfDirectory(atPath: samples.path).filter({ $0.hasSuffix(".eml") }).sorted() {
            let raw = [UInt8](try Data(contentsOf: samples.appendingPathComponent(sample)))
            for user in ["aseguramientoocm", "formacionocm"] { try lab.save(raw, user: user) }
        }
        let reference = try workspace()
        defer { reference.remove() }
        try reference.onceOK(RecoveryTests.backfill)
        let expected = try snapshot(reference)
        XCTAssertEqual(expected.filter { $0.hasPrefix("drafts ") && $0.contains("×1 [\\Draft]") }.count, 4,
                       expected.joined(separator: "\n"))

        var converged = 0, lost = 0, duplicates = 0, steps = 0
        for step in 1...400 {
            let crashed = try workspace()
            defer { crashed.remove() }
            let first = try crashed.command(["once"] + RecoveryTests.backfill, logLevel: "error",
                                            extraEnvironment: ["OCM_INTAKE_CRASH_AFTER_STEP": "\(step)"])
            if first.status == 0 { break }
            XCTAssertEqual(first.status, 99, "step \(step): \(first.all)")
            steps = step
            let restart = try crashed.command(["once"] + RecoveryTests.backfill, logLevel: "error")
            XCTAssertEqual(restart.status, 0, "restart after step \(step): \(restart.all)")
            let got = try snapshot(crashed)
            lost += got.filter { $0.hasPrefix("drafts ") && $0.contains(" ×0 ") }.count
            duplicates += got.filter { $0.hasPrefix("drafts ") && !$0.contains(" ×0 ") && !$0.contains(" ×1 ") }.count
            if got == expected { converged += 1 } else {
                XCTFail("crash after step \(step) differs:\n" + RecoveryTests.diff(expected, got))
            }
        }
        XCTAssertGreaterThan(steps, 20)
        print("crash sweep (Dovecot lab, real binary): \(converged)/\(steps) converge, \(lost) lost, \(duplicates) duplicates")
        XCTAssertEqual(converged, steps)
        XCTAssertEqual(lost, 0)
        XCTAssertEqual(duplicates, 0)
    }

    /// `review: off` through the lab's Postfix: after a crash at any step, every reply ends
    /// delivered exactly once, or held for a person (a send cut in doubt) with at most one copy
    /// out — never lost, never sent twice. Copies are counted in the requester's INBOX.
    func testCrashAtEveryStepNeverSendsTwiceThroughPostfix() throws {
        let ana = lab.address("ana")
        for sample in ["sample01-credito-completa.eml", "sample02-fondos-sin-f521.eml", "sample05-respuesta-observaciones.eml"] {
            let mail = try TestMail.request(from: ana, sample: sample)
            for user in ["aseguramientoocm", "formacionocm"] { try lab.save(mail.raw, user: user) }
        }
        var converged = 0, held = 0, lost = 0, duplicates = 0, steps = 0
        var expected: [String] = []
        for step in 0...400 {
            let work = try DaemonWorkspace()
            defer { work.remove() }
            try work.writeIMAPConfig(lab: lab, review: "off")
            if step > 0 {
                let first = try work.command(["once"] + RecoveryTests.backfill, logLevel: "error",
                                             extraEnvironment: ["OCM_INTAKE_CRASH_AFTER_STEP": "\(step)"])
                if first.status == 0 { break }
                XCTAssertEqual(first.status, 99, "step \(step): \(first.all)")
                steps = step
            }
            let run = try work.command(["once"] + RecoveryTests.backfill, logLevel: "error")
            XCTAssertEqual(run.status, 0, "step \(step): \(run.all)")
            let ledger = try work.ledger()
            var replies: [String] = []
            var ok = true
            for status in OutboxStatus.allCases {
                for entry in try ledger.outbox(status: status) {
                    replies.append("\(entry.request) r\(entry.revision)")
                    let copies: Int
                    switch status {
                    case .delivered:
                        copies = try lab.waitFor("ana", messageID: entry.messageID).count
                    case .held:
                        Thread.sleep(forTimeInterval: 0.5)
                        copies = try lab.search("ana", messageID: entry.messageID).count
                        held += 1
                    default:
                        copies = 0
                        lost += 1
                        ok = false
                        XCTFail("step \(step): \(entry.request) r\(entry.revision) left \(status)")
                    }
                    if copies > 1 { duplicates += copies - 1; ok = false }
                }
            }
            // Our replies are Cc'd to formacionocm: take them out of its INBOX, so that every run
            // (a fresh ledger, backfilling) reads the same batch and numbers the same steps.
            _ = try lab.doveadm(["expunge", "-u", lab.address("formacionocm"), "mailbox", "INBOX",
                                 "header", "Auto-Submitted", "auto-replied"])
            if step == 0 {
                expected = replies.sorted()
                XCTAssertEqual(expected.count, 3, "two first replies and the follow-up's: \(expected)")
                continue
            }
            let missing = Set(expected).subtracting(replies)
            lost += missing.count
            if missing.isEmpty && ok && replies.count == expected.count { converged += 1 }
        }
        XCTAssertGreaterThan(steps, 10)
        print("crash sweep (Dovecot + Postfix, review: off, real binary): \(converged)/\(steps) converge "
              + "(\(held) replies held for a person after a crash mid-send), \(lost) lost, \(duplicates) duplicates")
        XCTAssertEqual(converged, steps)
        XCTAssertEqual(lost, 0)
        XCTAssertEqual(duplicates, 0)
    }

    /// Measured 2 over IMAP: a draft left `\Seen` without `\Draft` is found by Message-ID and
    /// repaired (`+\Draft −\Seen`) before its entry is marked delivered; nothing is appended again.
    func testDraftCutBeforeItsFlagIsRepaired() throws {
        let work = try workspace()
        defer { work.remove() }
        try work.onceOK()
        let ledger = try work.ledger()
        let box = try XCTUnwrap(try ledger.mailboxState("aseguramiento"))
        let seen = try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: box.uidValidity, uid: 9_000,
                                            messageID: "<imap-by-hand@icetex.gov.co>", raw: Data("Subject: x\r\n\r\ny\r\n".utf8))
        try ledger.markParsed(seen.rowID)
        let request = try ledger.openRequest(for: seen.rowID, year: 2026)
        let messageID = "<\(request.id).r1.observaciones@cut.ocm-intake.test>"
        let raw = "From: \(lab.address("aseguramientoocm"))\r\nTo: ana@icetex.gov.co\r\nSubject: [\(request.id)]\r\n"
            + "Message-ID: \(messageID)\r\n\r\nhola\r\n"
        _ = try ledger.recordVerdict(request: request.id, revision: 1, state: .observacionesEnviadas, verdictJSON: nil,
                                     reply: OutgoingReply(target: OutboxTarget(kind: .drafts, mailbox: "aseguramiento"),
                                                          messageID: messageID, raw: Data(raw.utf8)))
        let entry = try XCTUnwrap(try ledger.outbox(status: .pending).first)
        try ledger.markDelivering(entry.id)
        try lab.append("aseguramientoocm", mailbox: "Drafts", Array(raw.utf8))
        let uid = try XCTUnwrap(try lab.search("aseguramientoocm", mailbox: "Drafts", messageID: messageID).first)
        _ = try lab.curlIMAP("aseguramientoocm", mailbox: "Drafts", "UID STORE \(uid) FLAGS (\\Seen)")
        XCTAssertEqual(try lab.flags("aseguramientoocm", mailbox: "Drafts")[uid], "\\Seen")

        let run = try work.onceOK()
        XCTAssertEqual(try work.ledger().outboxEntry(entry.id)?.status, .delivered, run.all)
        XCTAssertEqual(try lab.search("aseguramientoocm", mailbox: "Drafts", messageID: messageID), [uid], "not appended again")
        XCTAssertEqual(try lab.flags("aseguramientoocm", mailbox: "Drafts")[uid], "\\Draft")
    }
}
