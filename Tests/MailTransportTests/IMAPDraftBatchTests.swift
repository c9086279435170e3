import Foundation
import XCTest
@testable import MailTransport

/// The batch paths of issue 11 against the lab's real Dovecot, checked from a second connection:
/// drafts APPENDed then flagged by one STORE, one search for a batch of Message-IDs, and fetches
/// in a row that EXAMINE once and still leave every message unseen.
final class IMAPDraftBatchTests: XCTestCase {
    private var lab: MailLab!

    override func setUpWithError() throws { lab = try MailLab.require() }

    func testDraftsAppendedThenFlaggedByOneStoreReadAsDraftsNotSeen() async throws {
        let mailbox = try IMAPMailbox(configuration: lab.imap("aseguramientoocm"))
        let drafts = (0..<5).map { MailLab.message(from: lab.address("aseguramientoocm"), to: lab.address("jorge"), body: "Observaciones \($0)\r\n") }
        let clearBefore = try await mailbox.containsAny(messageIDs: drafts.map(\.id), folder: "Drafts")
        XCTAssertFalse(clearBefore)
        var uids: [UInt32] = []
        for draft in drafts {
            let uid = try await mailbox.appendUnflagged(draft.raw, folder: "Drafts")
            uids.append(try XCTUnwrap(uid))
        }
        XCTAssertEqual(try lab.flags("aseguramientoocm", mailbox: "Drafts", uid: uids[0]), "(\\Seen)",
                       "libcurl 7.88.1 APPENDs with \\Seen: the STORE below is what makes it a draft")
        let before = await mailbox.counters.transfers
        try await mailbox.flagDrafts(uids: uids, folder: "Drafts")
        let stores = await mailbox.counters.transfers - before
        XCTAssertEqual(stores, 1, "one STORE for the batch")
        for uid in uids {
            XCTAssertEqual(try lab.flags("aseguramientoocm", mailbox: "Drafts", uid: uid), "(\\Draft)")
        }
        // One search answers for the whole batch, found or not.
        let some = try await mailbox.containsAny(messageIDs: ["<nadie-\(UUID().uuidString)@x>", drafts[3].id], folder: "Drafts")
        XCTAssertTrue(some)
        let none = try await mailbox.containsAny(messageIDs: (0..<60).map { "<nadie-\($0)-\(UUID().uuidString)@x>" }, folder: "Drafts")
        XCTAssertFalse(none)
        let injected = await expectError(MailboxError.self) {
            _ = try await mailbox.containsAny(messageIDs: ["<a@b>\r\nA1 LOGOUT"], folder: "Drafts")
        }
        guard let injected, case .invalidRequest = injected.reason else { return XCTFail("\(String(describing: injected))") }
    }

    func testFetchesInARowExamineOnceAndLeaveEveryMessageUnseen() async throws {
        var delivered: [(id: String, uid: UInt32)] = []
        for index in 0..<4 {
            let message = MailLab.message(from: lab.address("ana"), to: lab.address("formacionocm"), body: "Solicitud \(index)\r\n")
            try lab.curlAppend("formacionocm", message.raw)
            delivered.append((message.id, try lab.waitForDelivery("formacionocm", messageID: message.id)[0]))
        }
        _ = try lab.curlIMAP("formacionocm", "UID STORE \(delivered.map { "\($0.uid)" }.joined(separator: ",")) -FLAGS.SILENT (\\Seen)")
        let mailbox = try IMAPMailbox(configuration: lab.imap("formacionocm"))
        let status = try await mailbox.status()
        let before = await mailbox.counters.transfers
        for message in delivered {
            let fetched = try await mailbox.fetch(uid: message.uid, uidValidity: status.uidValidity)
            XCTAssertEqual(MessageID.find(in: fetched)?.value, message.id)
        }
        let transfers = await mailbox.counters.transfers - before
        XCTAssertEqual(transfers, delivered.count + 1, "one EXAMINE, then one FETCH per message")
        for message in delivered {
            XCTAssertEqual(try lab.flags("formacionocm", uid: message.uid), "()", "fetch must not set \\Seen")
        }
        let repairs = await mailbox.counters.seenRepairs
        XCTAssertEqual(repairs, 0, "the EXAMINE held for every fetch; no repair was needed")
        // Another folder in between (libcurl SELECTs it): the next fetch EXAMINEs again.
        _ = try await mailbox.containsMessage(messageID: delivered[0].id, folder: "Drafts")
        _ = try await mailbox.fetch(uid: delivered[0].uid, uidValidity: status.uidValidity)
        XCTAssertEqual(try lab.flags("formacionocm", uid: delivered[0].uid), "()")
        let stillNoRepair = await mailbox.counters.seenRepairs
        XCTAssertEqual(stillNoRepair, 0)
    }
}
