import Foundation
import XCTest
@testable import MailTransport

/// Polling and arrival times on the real Dovecot (issue 7 items 0, 4, 6).
final class IMAPArrivalTests: XCTestCase {
    private var lab: MailLab!

    override func setUpWithError() throws { lab = try MailLab.require() }

    /// The regression of item 0: after a fetch the handle has INBOX selected; a STATUS there got
    /// `OK [CLIENTBUG]` and the old counts. The EXAMINE poll must see each new mail.
    func testStatusSeesNewMailOnTheConnectionThatFetched() async throws {
        let user = "jorge"
        let folder = "Poll-\(UUID().uuidString.prefix(8))"
        _ = try lab.doveadm(["mailbox", "create", "-u", lab.address(user), folder])
        let mailbox = try IMAPMailbox(configuration: lab.imap(user, mailbox: folder))
        try lab.curlAppend(user, mailbox: folder, MailLab.message(from: lab.address("ana"), to: lab.address(user)).raw)
        var status = try await mailbox.status()
        XCTAssertEqual(status.messages, 1)
        _ = try await mailbox.fetch(uid: status.uidNext - 1, uidValidity: status.uidValidity)
        for round in 2...4 {
            try lab.curlAppend(user, mailbox: folder, MailLab.message(from: lab.address("ana"), to: lab.address(user)).raw)
            status = try await mailbox.status()
            XCTAssertEqual(status.messages, round, "the poll after a fetch sees the new mail")
            XCTAssertEqual(status.uidNext, UInt32(round + 1))
            _ = try await mailbox.fetch(uid: status.uidNext - 1, uidValidity: status.uidValidity)
        }
        let counters = await mailbox.counters
        XCTAssertEqual(counters.connections, 1, "all on one long-lived connection")
        XCTAssertEqual(counters.seenRepairs, 0)
    }

    /// INTERNALDATE of 500 messages (in commands of 100 UIDs: Debian's libcurl refuses ~260 answer
    /// lines in one), and SEARCH SINCE, which counts whole days.
    func testArrivalsOfManyMessagesAndSearchSince() async throws {
        let folder = "Arrivals-\(UUID().uuidString.prefix(8))"
        let fill = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../scripts/lab/lab-fill.sh").path
        let before = Date().addingTimeInterval(-2)
        let filled = try MailLab.run(fill, [lab["LAB"], "outbound", folder, "500"])
        XCTAssertEqual(filled.status, 0, filled.stderr)
        let after = Date().addingTimeInterval(2)
        let mailbox = try IMAPMailbox(configuration: lab.imap("outbound", mailbox: folder))
        let status = try await mailbox.status()
        let arrivals = try await mailbox.arrivals(of: Array(1...500), uidValidity: status.uidValidity)
        XCTAssertEqual(arrivals.count, 500)
        XCTAssertTrue(arrivals.values.allSatisfy { $0 >= before && $0 <= after }, "the files' time, not the Date header (3 Jan 2026)")
        let recent = try await mailbox.uids(arrivedSince: before)
        XCTAssertEqual(recent, Array(1...500))
        let future = try await mailbox.uids(arrivedSince: Date().addingTimeInterval(3 * 86_400))
        XCTAssertEqual(future, [])
        let stale = await expectError(MailboxError.self) { _ = try await mailbox.arrivals(of: [1], uidValidity: status.uidValidity &+ 1) }
        guard case .uidValidityChanged? = stale?.reason else { return XCTFail("\(String(describing: stale))") }
    }
}
