import Foundation
import LabFixtures
import XCTest
@testable import MailTransport

/// fault-proxy.py drops the connection at swept byte offsets of a FETCH, an APPEND and an SMTP
/// submission (both directions; TLS passes through, so offsets are bytes, not commands). After
/// each cut the caller does what the daemon does: fetch again next cycle; before appending a
/// draft again, look for its Message-ID; resend by SMTP only when the outcome is known. Work is
/// delayed, never lost or doubled: checked with the curl command line, not with the code under test.
final class FaultSweepTests: XCTestCase {
    private var lab: MailLab!
    private let offsets = 10

    override func setUpWithError() throws { lab = try MailLab.require() }

    private var imapsTarget: String { String(lab["LAB_IMAPS_URL"].dropFirst("imaps://".count)) }

    /// Offsets spread over the bytes one direction carried in a clean run through `calibrate`.
    private func sweep(_ total: Int) -> [Int] {
        (1...offsets).map { total * $0 / (offsets + 1) }
    }

    private func bigMessage(to user: String) -> (id: String, raw: [UInt8]) {
        let line = String(repeating: "solicitud de capacitación ", count: 3) + "\r\n"
        return MailLab.message(from: lab.address("ana"), to: lab.address(user), body: String(repeating: line, count: 3000))
    }

    func testFetchCutAnywhereIsReadWholeNextTimeAndStaysUnseen() async throws {
        let folder = "SweepF-\(UUID().uuidString.prefix(8))"
        _ = try lab.doveadm(["mailbox", "create", "-u", lab.address("jorge"), folder])
        let message = bigMessage(to: "jorge")
        try lab.curlAppend("jorge", mailbox: folder, message.raw)
        _ = try lab.curlIMAP("jorge", mailbox: folder, "UID STORE 1 -FLAGS (\\Seen)")
        let direct = try IMAPMailbox(configuration: lab.imap("jorge", mailbox: folder))
        let status = try await direct.status()
        let original = try await direct.fetch(uid: 1, uidValidity: status.uidValidity)

        let clean = try FaultProxy(target: imapsTarget)
        do {
            _ = try await IMAPMailbox(configuration: lab.imap("jorge", mailbox: folder, base: "imaps://127.0.0.1:\(clean.port)")).fetch(uid: 1, uidValidity: status.uidValidity)
        }
        let total = try XCTUnwrap(clean.ended().first).s2c
        clean.stop()
        var failed = 0
        for offset in sweep(total) {
            let proxy = try FaultProxy(target: imapsTarget, mode: "drop", offset: offset, direction: "s2c")
            let mailbox = try IMAPMailbox(configuration: lab.imap("jorge", mailbox: folder, base: "imaps://127.0.0.1:\(proxy.port)"))
            var bytes = try? await mailbox.fetch(uid: 1, uidValidity: status.uidValidity)
            if bytes == nil {
                failed += 1
                bytes = try await mailbox.fetch(uid: 1, uidValidity: status.uidValidity)  // the next cycle
            }
            XCTAssertEqual(bytes, original, "cut at s2c byte \(offset) of \(total)")
            proxy.stop()
        }
        XCTAssertEqual(try lab.flags("jorge", mailbox: folder, uid: 1), "()", "never \\Seen")
        print("FETCH sweep: \(offsets) cuts over \(total) server bytes, \(failed) failed and were fetched whole next time, 0 lost")
    }

    func testAppendCutAnywhereLeavesExactlyOneDraft() async throws {
        var summary: [String] = []
        for direction in ["c2s", "s2c"] {
            let folder = "SweepA-\(UUID().uuidString.prefix(8))"
            _ = try lab.doveadm(["mailbox", "create", "-u", lab.address("jorge"), folder])
            let clean = try FaultProxy(target: imapsTarget)
            let probe = bigMessage(to: "ana")
            do {
                _ = try await IMAPMailbox(configuration: lab.imap("jorge", base: "imaps://127.0.0.1:\(clean.port)")).appendDraft(probe.raw, folder: folder)
            }
            let total = try XCTUnwrap(clean.ended().first)
            clean.stop()
            let direct = try IMAPMailbox(configuration: lab.imap("jorge"))
            var failed = 0, foundAfterFailure = 0
            for offset in sweep(direction == "c2s" ? total.c2s : total.s2c) {
                let draft = bigMessage(to: "ana")
                let proxy = try FaultProxy(target: imapsTarget, mode: "drop", offset: offset, direction: direction)
                let mailbox = try IMAPMailbox(configuration: lab.imap("jorge", base: "imaps://127.0.0.1:\(proxy.port)"))
                var what = "appended"
                do {
                    _ = try await mailbox.appendDraft(draft.raw, folder: folder)
                } catch {
                    what = "\(error)"
                    failed += 1
                    // The outbox's rule after a failed or interrupted delivery: look before appending
                    // again, on a later cycle (retry backoff ≥ 1 min). Looking at once races the
                    // server, which may still be storing a literal it received whole before the cut.
                    try await Task.sleep(for: .seconds(1))
                    if try await direct.containsMessage(messageID: draft.id, folder: folder) {
                        foundAfterFailure += 1
                    } else {
                        _ = try await direct.appendDraft(draft.raw, folder: folder)
                    }
                }
                let connectionsSeen = proxy.connections.count
                proxy.stop()
                let copies = IMAPResponse.searchUIDs(in: IMAPResponse.lines(Array(try lab.curlIMAP("jorge", mailbox: folder, "UID SEARCH HEADER Message-ID \"\(draft.id)\"").utf8)))
                XCTAssertEqual(copies.count, 1, "\(direction) cut at byte \(offset): exactly one draft (\(what); \(connectionsSeen) connection(s) ended)")
            }
            summary.append("\(direction): \(failed) of \(offsets) cuts failed, \(foundAfterFailure) of those had reached Drafts")
        }
        print("APPEND sweep: \(summary.joined(separator: "; ")); every draft exactly once")
    }

    func testSMTPCutAnywhereDeliversAtMostOnceAndOnlyAKnownFailureIsResent() async throws {
        let target = String(lab["LAB_SUBMISSION_URL"].dropFirst("smtp://".count))
        func sender(_ port: Int) throws -> SMTPSender {
            var configuration = try lab.submission("ana")
            configuration.url = try MailServerURL(parsing: "smtp://127.0.0.1:\(port)/sweep")
            return try SMTPSender(configuration: configuration)
        }
        let clean = try FaultProxy(target: target)
        let probe = bigMessage(to: "jorge")
        do {
            try await sender(clean.port).send(probe.raw, from: lab.address("ana"), to: [lab.address("jorge")])
        }
        let total = try XCTUnwrap(clean.ended().first)
        clean.stop()
        let direct = try SMTPSender(configuration: lab.submission("ana"))
        var tally = ["sent": 0, "known failure, resent": 0, "unknown, held": 0, "unknown and delivered": 0]
        for direction in ["c2s", "s2c"] {
            for offset in sweep(direction == "c2s" ? total.c2s : total.s2c) {
                let mail = bigMessage(to: "jorge")
                let proxy = try FaultProxy(target: target, mode: "drop", offset: offset, direction: direction)
                var unknown = false
                do {
                    try await sender(proxy.port).send(mail.raw, from: lab.address("ana"), to: [lab.address("jorge")])
                    tally["sent"]! += 1
                } catch let error as MailSendError {
                    if error.outcomeUnknown {
                        unknown = true
                        tally["unknown, held"]! += 1
                    } else {
                        try await Task.sleep(for: .seconds(1))  // anything the server accepted would have arrived
                        XCTAssertEqual(try copies(mail.id), 0, "\(direction) \(offset): a known failure delivered nothing: \(error)")
                        try await direct.send(mail.raw, from: lab.address("ana"), to: [lab.address("jorge")])
                        tally["known failure, resent"]! += 1
                    }
                }
                proxy.stop()
                if unknown {
                    try await Task.sleep(for: .seconds(1))
                    let n = try copies(mail.id)
                    XCTAssertLessThanOrEqual(n, 1)
                    tally["unknown and delivered"]! += n
                } else {
                    XCTAssertEqual(try lab.waitForDelivery("jorge", messageID: mail.id).count, 1, "\(direction) \(offset): exactly once")
                }
            }
        }
        print("SMTP sweep, \(2 * offsets) cuts over \(total.c2s)/\(total.s2c) bytes: \(tally.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")); never twice")
    }

    private func copies(_ messageID: String) throws -> Int {
        IMAPResponse.searchUIDs(in: IMAPResponse.lines(Array(try lab.curlIMAP("jorge", "UID SEARCH HEADER Message-ID \"\(messageID)\"").utf8))).count
    }
}
