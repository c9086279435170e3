import Foundation
import Ledger
import XCTest

/// `ocm-intake run`, the mode systemd uses, against the real lab for many poll intervals (issue 7
/// item 0). Every other daemon test runs one-shot `once`, whose fresh connections hid that a
/// STATUS on the connection that has INBOX selected gets Dovecot's `OK [CLIENTBUG]` and stale
/// counts: new mail to a mailbox after its first fetch was never seen while `run` lived.
final class DaemonRunTests: LabDaemonTestCase {
    private let interval = 2.0

    override func setUpWithError() throws {
        try super.setUpWithError()
        try setPollInterval(Int(interval))
    }

    private func setPollInterval(_ seconds: Int) throws {
        let text = try String(contentsOfFile: work.configPath, encoding: .utf8)
        try text.replacingOccurrences(of: "poll_interval: 60", with: "poll_interval: \(seconds)")
            .write(toFile: work.configPath, atomically: true, encoding: .utf8)
    }

    /// Mail to one mailbox, then the other, then both, then each alone again (now that each
    /// connection has fetched before): every mail gets its draft within 2 intervals, exactly one.
    func testRunKeepsSeeingNewMailOnLongLivedConnections() throws {
        let daemon = try DaemonProcess(work, ["run"])
        try waitUntil("both baselines", timeout: 20, daemon) {
            try self.work.ledger().mailboxes().count == 2
        }
        let phases = [["aseguramientoocm"], ["formacionocm"], ["aseguramientoocm", "formacionocm"], ["formacionocm"], ["aseguramientoocm"]]
        var figures: [String] = []
        for recipients in phases {
            let mail = try TestMail.request(from: lab.address("ana"))
            try lab.sendAndWait(mail, to: recipients)
            let arrived = Date()
            try waitUntil("a draft answering \(mail.messageID) (to \(recipients))", timeout: 3 * interval, daemon) {
                !(try self.draftsAnswering(mail.messageID)).isEmpty
            }
            let took = Date().timeIntervalSince(arrived)
            figures.append("\(recipients.joined(separator: "+")): \(String(format: "%.2f", took)) s")
            XCTAssertLessThanOrEqual(took, 2 * interval, "draft for mail to \(recipients) took \(took) s (\(figures))")
            XCTAssertTrue(daemon.isRunning, daemon.output)
        }
        // One more interval: nothing is drafted twice by later polls.
        Thread.sleep(forTimeInterval: interval * 1.5)
        let lived = Date().timeIntervalSince(daemon.started)
        XCTAssertGreaterThanOrEqual(lived, 4 * interval, "ran for at least 4 poll intervals")
        XCTAssertEqual(try lab.uids("aseguramientoocm", mailbox: "Drafts").count, phases.count, "one draft per mail")
        XCTAssertEqual(try work.ledger().requests().count, phases.count)

        let stopped = daemon.stop(SIGTERM)
        print("run: drafts after arrival: \(figures.joined(separator: ", ")); lived \(String(format: "%.1f", lived)) s; "
              + "SIGTERM → exit \(stopped.status.map(String.init) ?? "none") in \(String(format: "%.2f", stopped.seconds)) s")
        XCTAssertEqual(stopped.status, 0, daemon.output)
        XCTAssertLessThanOrEqual(stopped.seconds, 5, daemon.output)
    }

    /// UIDs in Aseguramiento's Drafts whose In-Reply-To is `messageID` (independent client: curl).
    private func draftsAnswering(_ messageID: String) throws -> [UInt32] {
        PrivateLab.searchUIDs(try lab.curlIMAP("aseguramientoocm", mailbox: "Drafts", "UID SEARCH HEADER In-Reply-To \"\(messageID)\""))
    }

    private func waitUntil(_ what: String, timeout: TimeInterval, _ daemon: DaemonProcess, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            guard daemon.isRunning else { throw LabFailure("ocm-intake run exited while waiting for \(what)\n\(daemon.output)") }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw LabFailure("no \(what) within \(timeout) s\n\(daemon.output)")
    }
}
