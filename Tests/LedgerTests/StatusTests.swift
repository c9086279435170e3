// `status()`: what an admin checks first.
import Foundation
import Ledger
import XCTest

final class StatusTests: LedgerTestCase {
    func testStatusSummarisesMailboxesOutboxAndQuarantine() throws {
        let ledger = try openSeededLedger()
        var status = try ledger.status()
        XCTAssertEqual(status.errorCount, 0)
        XCTAssertEqual(status.outbox.values.reduce(0, +), 0)
        XCTAssertEqual(Set(status.outbox.keys), Set(OutboxStatus.allCases))

        try ledger.recordPoll(mailbox: "aseguramiento")
        try ledger.recordPoll(mailbox: "formacion", error: "curl 67: login denied")
        let broken = try ledger.recordMessage(
            mailbox: "aseguramiento", uidValidity: 7, uid: 1, messageID: "<b@x>", raw: Self.mail(messageID: "<b@x>"))
        try ledger.markQuarantined(broken.rowID, error: "zip bomb in Presentación.pptx")
        _ = try ledger.recordMessage(
            mailbox: "aseguramiento", uidValidity: 7, uid: 2, messageID: "<u@x>", raw: Self.mail(messageID: "<u@x>"))
        let one = try openRequest(ledger, uid: 3)
        let two = try openRequest(ledger, uid: 4)
        let failing = try ledger.enqueueReply(request: one.id, revision: 1, reply: Self.reply(one.id, 1))
        try ledger.markDelivering(failing.id)
        try ledger.markFailed(failing.id, error: "550 mailbox unavailable", transient: false)
        _ = try ledger.enqueueReply(request: two.id, revision: 1, reply: Self.reply(two.id, 1, hold: true))

        status = try ledger.status()
        XCTAssertEqual(status.mailboxes.map(\.name), ["aseguramiento", "formacion"])
        XCTAssertEqual(status.mailboxes.map(\.isFailing), [false, true])
        XCTAssertEqual(status.mailboxes[1].lastError, "curl 67: login denied")
        XCTAssertEqual(status.mailboxes[0].lastPollAt, clock.now())
        XCTAssertEqual(status.quarantinedMessages, 1)
        XCTAssertEqual(status.unfinishedMessages, 1)
        XCTAssertEqual(status.outbox[.failed], 1)
        XCTAssertEqual(status.outbox[.held], 1)
        XCTAssertEqual(status.outbox[.pending], 0)
        XCTAssertEqual(status.requests[.recibida], 2)
        XCTAssertEqual(status.errorCount, 3, "failing mailbox + failed reply + quarantined mail")
    }
}
