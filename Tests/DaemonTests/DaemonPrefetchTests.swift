import Daemon
import Foundation
import Ledger
import XCTest

/// The poll fetches the next mail while one is judged (issue 11, `MailboxPoller+Prefetch`): the
/// ledger must still record every mail before judging it, one at a time, in UID order, so the
/// request numbers follow the order the mails reached the mailbox. Against the real Dovecot.
final class DaemonPrefetchTests: LabDaemonTestCase {
    func testMailFetchedAheadIsRecordedAndJudgedStrictlyInUIDOrder() throws {
        try work.onceOK()
        let senders = ["ana", "beto", "carla", "dario", "elena", "fabio"]
        for sender in senders { try lab.sendAndWait(try TestMail.request(from: lab.address(sender))) }
        let run = try work.onceOK()
        XCTAssertTrue(run.stdout.contains("opened \(senders.count) request(s)"), run.all)

        let ledger = try work.ledger()
        let messages = try ledger.messages(in: .linked) + ledger.messages(in: .skipped)
        let aseguramiento = messages.filter { $0.duplicateOf == nil }.sorted { $0.rowID < $1.rowID }
        XCTAssertEqual(aseguramiento.count, senders.count, "\(messages)")
        XCTAssertEqual(aseguramiento.map(\.uid), aseguramiento.map(\.uid).sorted(), "rows recorded in UID order")
        // Request n was opened by the n-th mail to arrive: judged in the order recorded.
        let requests = try ledger.requests().sorted { $0.id.description < $1.id.description }
        XCTAssertEqual(requests.map(\.fields.requester), senders.map { lab.address($0) })
        XCTAssertEqual(try lab.uids("aseguramientoocm", mailbox: "Drafts").count, senders.count)
    }
}
