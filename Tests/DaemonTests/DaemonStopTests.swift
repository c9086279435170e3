import Foundation
import LabFixtures
import Ledger
import XCTest

/// SIGTERM in the middle of a transfer (issue 7 item 7): a server that stops sending in the
/// middle of a 2 MB FETCH must not hold the daemon past 5 s, and the mail it was reading is
/// handled by the next start: delayed, not lost. fault-proxy.py stalls the third IMAP connection
/// (the first two are the baseline run's).
final class DaemonStopTests: LabDaemonTestCase {
    override var writesIMAPConfig: Bool { false }

    func testSIGTERMEndsAStalledFetchWithinFiveSecondsAndTheMailIsHandledNextTime() throws {
        let proxy = try FaultProxy(target: String(lab.imapsURL.dropFirst("imaps://".count)), mode: "stall", offset: 600_000, faulty: 3)
        defer { proxy.stop() }
        try work.writeIMAPConfig(lab: lab, imapsURL: "imaps://127.0.0.1:\(proxy.port)")
        try work.onceOK()  // baseline: connections 1 and 2, far below the offset

        let mail = try TestMail.request(from: lab.address("ana"))
        // A 2 MB epilogue after the last MIME boundary: the same request, long to fetch.
        let padding = String(repeating: String(repeating: "x", count: 76) + "\r\n", count: 2 * 1024 * 1024 / 78)
        try lab.save(mail.raw + Array(padding.utf8), user: "aseguramientoocm")

        let daemon = try DaemonProcess(work, ["run"])
        let deadline = Date().addingTimeInterval(30)
        while proxy.faultAt == nil, Date() < deadline, daemon.isRunning { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertNotNil(proxy.faultAt, "the FETCH reached the stall: \(daemon.output)")
        Thread.sleep(forTimeInterval: 1)  // well inside the stalled transfer (low-speed limit: 60 s)
        let stopped = daemon.stop(SIGTERM)
        print("SIGTERM during a stalled FETCH: exit \(stopped.status.map(String.init) ?? "none") after \(String(format: "%.2f", stopped.seconds)) s")
        XCTAssertEqual(stopped.status, 0, daemon.output)
        XCTAssertLessThanOrEqual(stopped.seconds, 5, daemon.output)
        XCTAssertEqual(try work.ledger().requests().count, 0, "nothing half-recorded")

        let next = try work.onceOK()
        XCTAssertTrue(next.stdout.contains("opened 1 request(s)"), "the mail is handled by the next start: \(next.all)")
        XCTAssertEqual(try lab.search("aseguramientoocm", mailbox: "Drafts", messageID: try XCTUnwrap(work.ledger().outbox(status: .delivered).first).messageID).count, 1)
    }
}
