import Daemon
import Foundation
import Ledger
import MIME
import XCTest

/// The daemon against real servers (issue "3/7 The daemon"): each test starts its own Dovecot +
/// Postfix lab (`scripts/lab/lab-up.sh`, ~0.2 s), writes its own ocm-intake.yaml (both OCM
/// mailboxes over IMAPS, TLS verified with the lab CA), runs `ocm-intake once` (the built binary,
/// as an admin or cron would) or `IntakeDaemon.cycle()` in-process, and checks the outcome with
/// independent clients: the curl command line and doveadm, plus a second handle on the ledger.
final class DaemonIMAPTests: LabDaemonTestCase {
    // MARK: - a. one request, one draft

    func testARequestSentToBothMailboxesGivesOneRequestAndOneDraft() throws {
        let first = try work.onceOK()
        XCTAssertTrue(first.stdout.contains("aseguramiento: first start, baseline taken"), first.all)
        XCTAssertTrue(first.stdout.contains("formacion: first start, baseline taken"), first.all)
        XCTAssertEqual(try lab.uids("aseguramientoocm", mailbox: "Drafts"), [])

        let mail = try TestMail.request(from: lab.address("ana"))
        try lab.sendAndWait(mail)
        let run = try work.onceOK()
        XCTAssertTrue(run.stdout.contains("fetched 2 message(s); opened 1 request(s)"), run.all)
        XCTAssertTrue(run.stdout.contains("duplicate 1"), "the copy in the second mailbox is the same request: \(run.all)")

        let requests = try work.ledger().requests()
        XCTAssertEqual(requests.count, 1, "\(requests)")
        let request = try XCTUnwrap(requests.first)
        XCTAssertEqual(request.fields.requester, lab.address("ana"))

        // Independent client: exactly one draft, in Aseguramiento's Drafts, flagged \Draft, none in Formación's.
        let drafts = try lab.uids("aseguramientoocm", mailbox: "Drafts")
        XCTAssertEqual(drafts.count, 1)
        let uid = try XCTUnwrap(drafts.first)
        let draftFlags = try lab.flags("aseguramientoocm", mailbox: "Drafts")
        XCTAssertTrue(draftFlags[uid]?.split(separator: " ").contains("\\Draft") == true, "\(draftFlags)")
        XCTAssertEqual(try lab.uids("formacionocm", mailbox: "Drafts"), [])
        let draft = MessageParser.parse(Array(try lab.fetch("aseguramientoocm", mailbox: "Drafts", uid: uid).utf8))
        XCTAssertTrue(draft.subject?.contains("[\(request.id)]") == true, "the subject carries the request id: \(draft.subject ?? "")")
        XCTAssertEqual(draft.to.map(\.address), [lab.address("ana")])
        XCTAssertEqual(draft.cc.map(\.address), [lab.address("formacionocm")], "Cc the other OCM mailbox")
        XCTAssertEqual(draft.from?.address, lab.address("aseguramientoocm"))
        XCTAssertNotNil(draft.inReplyTo, "threaded to the request")
        XCTAssertEqual(draft.headers["Auto-Submitted"]?.text, "auto-replied")
        let outbox = try work.ledger().outbox(status: .delivered)
        XCTAssertEqual(outbox.count, 1)
        XCTAssertEqual(try lab.search("aseguramientoocm", mailbox: "Drafts", messageID: try XCTUnwrap(outbox.first).messageID), drafts)
    }

    // MARK: - b. flags unchanged

    func testTheDaemonLeavesEveryInboxFlagAsItWas() throws {
        try work.onceOK()
        let mails = try (0..<3).map { _ in try TestMail.request(from: lab.address("ana")) }
        for mail in mails { try lab.sendAndWait(mail) }
        // Staff flagged one mail and read another in Outlook before the daemon got to them.
        let flaggedUID = try XCTUnwrap(lab.search("aseguramientoocm", messageID: mails[0].messageID).first)
        let readUID = try XCTUnwrap(lab.search("aseguramientoocm", messageID: mails[1].messageID).first)
        _ = try lab.curlIMAP("aseguramientoocm", "UID STORE \(flaggedUID) +FLAGS (\\Flagged)")
        _ = try lab.curlIMAP("aseguramientoocm", "UID STORE \(readUID) +FLAGS (\\Seen)")
        let formacionFlagged = try XCTUnwrap(lab.search("formacionocm", messageID: mails[2].messageID).first)
        _ = try lab.curlIMAP("formacionocm", "UID STORE \(formacionFlagged) +FLAGS (\\Flagged)")

        let beforeA = try lab.flags("aseguramientoocm"), beforeF = try lab.flags("formacionocm")
        XCTAssertEqual(beforeA[flaggedUID], "\\Flagged")
        XCTAssertEqual(beforeA[readUID], "\\Seen")
        XCTAssertEqual(beforeA.values.filter { $0.isEmpty }.count, 1, "\(beforeA)")
        XCTAssertEqual(beforeF[formacionFlagged], "\\Flagged")

        let run = try work.onceOK()
        XCTAssertTrue(run.stdout.contains("opened 3 request(s)"), run.all)
        XCTAssertEqual(try lab.flags("aseguramientoocm"), beforeA, "no \\Seen added, none removed, \\Flagged kept")
        XCTAssertEqual(try lab.flags("formacionocm"), beforeF)
        XCTAssertEqual(try lab.uids("aseguramientoocm").count, 3, "nothing moved or deleted")
        XCTAssertEqual(try lab.uids("formacionocm").count, 3)
    }

    // MARK: - c. a second once does nothing

    func testASecondCycleDoesNothing() async throws {
        try work.onceOK()
        let mail = try TestMail.request(from: lab.address("ana"))
        try lab.sendAndWait(mail)
        let run = try work.onceOK()
        XCTAssertTrue(run.stdout.contains("opened 1 request(s)"), run.all)
        let draftsBefore = try lab.uids("aseguramientoocm", mailbox: "Drafts")
        XCTAssertEqual(draftsBefore.count, 1)

        let again = try work.onceOK()
        XCTAssertTrue(again.stdout.contains("fetched 0 message(s); opened 0 request(s)"), again.all)
        XCTAssertTrue(again.stdout.contains("replies delivered: 0"), again.all)
        // And in-process, with the cycle's report.
        let daemon = try work.daemon()
        let report = await daemon.cycle()
        XCTAssertEqual(report.fetched, 0)
        XCTAssertEqual(report.opened, [])
        XCTAssertEqual(report.delivered, 0)
        XCTAssertEqual(report.errors, [])
        XCTAssertEqual(report.baselines, [])

        XCTAssertEqual(try lab.uids("aseguramientoocm", mailbox: "Drafts"), draftsBefore)
        XCTAssertEqual(try work.ledger().requests().count, 1)
        XCTAssertEqual(try work.ledger().outbox(status: .delivered).count, 1)
        XCTAssertEqual(try work.ledger().outbox(status: .pending).count, 0)
    }

    // MARK: - d. UIDVALIDITY change

    func testAUIDValidityChangeRereadsTheMailboxAndRepliesToNothingTwice() throws {
        // One mail already there at first start (backlog, an hour old), one after it.
        let backlog = try TestMail.request(from: lab.address("jorge"), date: Date().addingTimeInterval(-3600))
        try lab.sendAndWait(backlog, from: "jorge")
        Thread.sleep(forTimeInterval: 1.1)  // INTERNALDATE has whole seconds: the baseline comes after it
        try work.onceOK()
        let mail = try TestMail.request(from: lab.address("ana"))
        try lab.sendAndWait(mail)
        try work.onceOK()
        XCTAssertEqual(try lab.uids("aseguramientoocm", mailbox: "Drafts").count, 1)
        XCTAssertEqual(try work.ledger().requests().count, 1)

        let old = try lab.uidValidity("aseguramientoocm")
        let new = old &+ 1000
        _ = try lab.doveadm(["mailbox", "update", "-u", lab.address("aseguramientoocm"), "--uid-validity", "\(new)", "INBOX"])
        XCTAssertEqual(try lab.uidValidity("aseguramientoocm"), new, "doveadm changed UIDVALIDITY")

        let run = try work.onceOK()
        // Only what arrived after the baseline is read again (the backlog is not), and it is a duplicate.
        XCTAssertTrue(run.stdout.contains("fetched 1 message(s); opened 0 request(s)"), "the mailbox is read again: \(run.all)")
        XCTAssertEqual(try lab.uids("aseguramientoocm", mailbox: "Drafts").count, 1, "no second draft")
        XCTAssertEqual(try lab.uids("formacionocm", mailbox: "Drafts").count, 0)
        let ledger = try work.ledger()
        XCTAssertEqual(try ledger.requests().count, 1)
        let state = try XCTUnwrap(ledger.mailboxState("aseguramiento"))
        XCTAssertEqual(state.uidValidity, new)
        XCTAssertEqual(state.lastUID, try lab.uids("aseguramientoocm").max())
        XCTAssertNil(state.lastError)
        XCTAssertEqual(try ledger.mailboxState("formacion")?.uidValidity, try lab.uidValidity("formacionocm"))

        let again = try work.onceOK()
        XCTAssertTrue(again.stdout.contains("fetched 0 message(s)"), again.all)
        XCTAssertEqual(try lab.uids("aseguramientoocm", mailbox: "Drafts").count, 1)
    }

    // MARK: - e. backlog at first start

    func testFiftyOldMailsGetNoReplyAndTheNextMailGetsOne() throws {
        for i in 0..<50 {
            let sender = i.isMultiple(of: 2) ? "ana" : "jorge"
            let mail = try TestMail.request(from: lab.address(sender), date: Date().addingTimeInterval(-Double(86_400 - i * 600)))
            try lab.save(mail.raw, user: "aseguramientoocm")
            try lab.save(mail.raw, user: "formacionocm")
        }
        XCTAssertEqual(try lab.uids("aseguramientoocm").count, 50)
        XCTAssertEqual(try lab.uids("formacionocm").count, 50)

        let first = try work.onceOK()
        XCTAssertTrue(first.stdout.contains("aseguramiento: first start, baseline taken"), first.all)
        XCTAssertTrue(first.stdout.contains("fetched 0 message(s); opened 0 request(s)"), first.all)
        XCTAssertEqual(try lab.uids("aseguramientoocm", mailbox: "Drafts"), [])
        XCTAssertEqual(try work.ledger().requests().count, 0)
        XCTAssertEqual(try work.ledger().mailboxState("aseguramiento")?.lastUID, 50)

        let mail = try TestMail.request(from: lab.address("ana"))
        try lab.sendAndWait(mail)
        let run = try work.onceOK()
        XCTAssertTrue(run.stdout.contains("fetched 2 message(s); opened 1 request(s)"), run.all)
        XCTAssertEqual(try lab.uids("aseguramientoocm", mailbox: "Drafts").count, 1)
        XCTAssertEqual(try work.ledger().requests().count, 1)
        let raw = try work.ledger().rawMessage(try XCTUnwrap(work.ledger().requests().first).originMessage)
        XCTAssertTrue(String(decoding: raw, as: UTF8.self).contains(mail.messageID), "the request is the new mail")
    }

    // MARK: - f. server down

    func testAServerThatIsDownFailsLoudlyAndLosesNothing() throws {
        try work.onceOK()
        let mail = try TestMail.request(from: lab.address("ana"))
        try lab.sendAndWait(mail)
        try lab.down()

        let failed = try work.once()
        XCTAssertEqual(failed.status, 1, failed.all)
        let output = failed.stdout + failed.stderr
        XCTAssertTrue(failed.stdout.contains("ERROR aseguramiento:"), failed.all)
        XCTAssertTrue(failed.stdout.contains("ERROR formacion:"), failed.all)
        XCTAssertTrue(output.contains("127.0.0.1:\(lab["LAB_IMAPS_PORT"])"), "the message names the server: \(failed.all)")
        XCTAssertEqual(try work.ledger().requests().count, 0)
        XCTAssertNotNil(try work.ledger().mailboxState("aseguramiento")?.lastError, "the ledger records the failure: \(failed.all)")
        let status = try work.status()
        XCTAssertTrue(status.stdout.contains("mailbox aseguramiento:") && status.stdout.contains("FAILING"), status.all)

        try lab.up()
        let run = try work.onceOK()
        XCTAssertTrue(run.stdout.contains("fetched 2 message(s); opened 1 request(s)"), "the mail that waited is handled: \(run.all)")
        XCTAssertEqual(try work.ledger().requests().count, 1)
        XCTAssertEqual(try lab.uids("aseguramientoocm", mailbox: "Drafts").count, 1)
        XCTAssertEqual(try lab.search("aseguramientoocm", mailbox: "Drafts",
                                      messageID: try XCTUnwrap(work.ledger().outbox(status: .delivered).first).messageID).count, 1)
    }

    // MARK: - g. outbox crash safety

    func testAnOutboxEntryLeftDeliveringIsCheckedAtItsTargetBeforeDelivery() throws {
        try work.onceOK()
        try lab.sendAndWait(try TestMail.request(from: lab.address("ana")))
        try work.onceOK()
        XCTAssertEqual(try lab.uids("aseguramientoocm", mailbox: "Drafts").count, 1)

        // Two revisions of the request whose delivery a crash interrupted: A after its APPEND
        // reached Drafts, B before. The process that was delivering them is gone.
        let appended: (id: Int64, messageID: String)
        let notAppended: (id: Int64, messageID: String)
        do {
            let ledger = try work.ledger()
            let request = try XCTUnwrap(ledger.requests().first).id
            func entry(_ revision: Int) throws -> (Int64, String, [UInt8]) {
                let messageID = "<\(request).r\(revision).observaciones@ocm-intake.test>"
                let raw = "From: aseguramientoocm@icetex.gov.co\r\nTo: ana@icetex.gov.co\r\nSubject: [\(request)] revision \(revision)\r\n"
                    + "Message-ID: \(messageID)\r\nAuto-Submitted: auto-replied\r\n\r\nrevision \(revision)\r\n"
                let queued = try ledger.enqueueReply(request: request, revision: revision,
                                                     target: OutboxTarget(kind: .drafts, mailbox: "aseguramiento"),
                                                     messageID: messageID, raw: Data(raw.utf8))
                try ledger.markDelivering(queued.id)
                return (queued.id, messageID, Array(raw.utf8))
            }
            let a = try entry(2), b = try entry(3)
            try lab.append("aseguramientoocm", mailbox: "Drafts", a.2)
            appended = (a.0, a.1)
            notAppended = (b.0, b.1)
            XCTAssertEqual(try ledger.inDoubtOutbox().count, 2)
        }
        XCTAssertEqual(try lab.search("aseguramientoocm", mailbox: "Drafts", messageID: appended.messageID).count, 1)
        XCTAssertEqual(try lab.search("aseguramientoocm", mailbox: "Drafts", messageID: notAppended.messageID).count, 0)

        let run = try work.onceOK()
        XCTAssertTrue(run.stdout.contains("replies delivered: 2"), run.all)
        XCTAssertEqual(try lab.search("aseguramientoocm", mailbox: "Drafts", messageID: appended.messageID).count, 1,
                       "found in Drafts: not appended again")
        XCTAssertEqual(try lab.search("aseguramientoocm", mailbox: "Drafts", messageID: notAppended.messageID).count, 1,
                       "not in Drafts: delivered, once")
        let ledger = try work.ledger()
        XCTAssertEqual(try ledger.outboxEntry(appended.id)?.status, .delivered)
        XCTAssertEqual(try ledger.outboxEntry(notAppended.id)?.status, .delivered)
        XCTAssertEqual(try ledger.inDoubtOutbox(), [])
        XCTAssertEqual(try lab.uids("aseguramientoocm", mailbox: "Drafts").count, 3)

        try work.onceOK()
        XCTAssertEqual(try lab.uids("aseguramientoocm", mailbox: "Drafts").count, 3)
    }

    // MARK: - h. review off: SMTP

    /// review: queue — the reply is held in the ledger; nothing leaves until `review approve`,
    /// then it is sent once by SMTP; a discarded one never leaves.
    func testReviewQueueHoldsTheReplyUntilApproved() throws {
        try work.writeIMAPConfig(lab: lab, review: "queue")
        try work.onceOK()
        let mail = try TestMail.request(from: lab.address("ana"))
        try lab.sendAndWait(mail)
        let run = try work.onceOK()
        XCTAssertTrue(run.stdout.contains("opened 1 request(s)"), run.all)
        let held = try work.ledger().outbox(status: .held)
        XCTAssertEqual(held.count, 1)
        let entry = try XCTUnwrap(held.first)
        let listed = try work.command(["review", "list"])
        XCTAssertTrue(listed.stdout.contains("\(entry.id)  \(entry.request) r1"), listed.all)
        try work.onceOK()
        Thread.sleep(forTimeInterval: 1)
        XCTAssertEqual(try lab.search("ana", messageID: entry.messageID).count, 0, "held: nothing sent")

        let approved = try work.command(["review", "approve", "\(entry.id)"])
        XCTAssertEqual(approved.status, 0, approved.all)
        try work.onceOK()
        XCTAssertEqual(try lab.waitFor("ana", messageID: entry.messageID).count, 1, "sent once after approval")
        XCTAssertEqual(try work.ledger().outbox(status: .delivered).map(\.id), [entry.id])
    }

    /// design.md: credentials and message bodies never reach the logs — not even at the most
    /// verbose level, where the IMAP and SMTP protocol traces are logged.
    func testTraceLogsCarryNoSecretsAndNoBodies() throws {
        try work.writeIMAPConfig(lab: lab, review: "off")
        try work.onceOK()
        let mail = try TestMail.request(from: lab.address("ana"))
        try lab.sendAndWait(mail)
        let run = try work.command(["once"], logLevel: "trace")
        XCTAssertEqual(run.status, 0, run.all)
        XCTAssertTrue(run.stdout.contains("opened 1 request(s)"), run.all)
        let log = run.stderr
        XCTAssertTrue(log.contains("STATUS"), "the protocol trace is there: \(log.prefix(400))")
        XCTAssertTrue(log.contains("[redacted]"), "the login lines are redacted")
        for secret in ["pw-aseguramientoocm", "pw-formacionocm"] {
            XCTAssertFalse(log.contains(secret), "\(secret) leaked")
            for user in ["aseguramientoocm", "aseguramientoocm@icetex.gov.co", "formacionocm", "formacionocm@icetex.gov.co"] {
                let plain = Data("\0\(user)\0\(secret)".utf8).base64EncodedString()
                XCTAssertFalse(log.contains(plain), "SASL PLAIN of \(user) leaked")
            }
        }
        // Words of the request body and of the reply body never appear.
        for word in ["Cordialmente", "Buen día", "Gracias por su solicitud", "FECHA DE SALIDA"] {
            XCTAssertFalse(log.contains(word), "body text in the log: \(word)")
        }
    }

    func testReviewOffSendsTheReplyBySMTPAndItArrivesOnce() throws {
        try work.writeIMAPConfig(lab: lab, review: "off")
        try work.onceOK()
        let mail = try TestMail.request(from: lab.address("ana"))
        try lab.sendAndWait(mail)
        let run = try work.onceOK()
        XCTAssertTrue(run.stdout.contains("opened 1 request(s)"), run.all)
        XCTAssertTrue(run.stdout.contains("replies delivered: 1 (review: off)"), run.all)

        let entry = try XCTUnwrap(work.ledger().outbox(status: .delivered).first)
        XCTAssertEqual(entry.target.kind, .smtp)
        let arrived = try lab.waitFor("ana", messageID: entry.messageID)
        XCTAssertEqual(arrived.count, 1)
        let reply = try lab.fetch("ana", uid: try XCTUnwrap(arrived.first))
        XCTAssertTrue(reply.contains("with ESMTPSA"), "came through Postfix submission (TLS + AUTH): \(reply.prefix(800))")
        let parsed = MessageParser.parse(Array(reply.utf8))
        XCTAssertEqual(parsed.from?.address, lab.address("aseguramientoocm"))
        XCTAssertTrue(parsed.subject?.contains("[\(entry.request)]") == true, parsed.subject ?? "")
        XCTAssertEqual(try lab.uids("aseguramientoocm", mailbox: "Drafts"), [], "no draft in review: off")

        try work.onceOK()
        Thread.sleep(forTimeInterval: 1)  // anything sent again would have arrived by now (45-175 ms)
        XCTAssertEqual(try lab.search("ana", messageID: entry.messageID).count, 1, "exactly once")
        XCTAssertEqual(try lab.uids("ana").count, 1)
    }
}
