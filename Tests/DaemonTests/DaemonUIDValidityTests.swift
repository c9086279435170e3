import Foundation
import Ledger
import MIME
import XCTest

/// A UIDVALIDITY change (issue 7 item 6): UIDs mean nothing any more, so only mail that arrived
/// after the baseline is read (SEARCH SINCE + INTERNALDATE, newest first); the backlog, even a
/// mail without a Date header, is never answered, and new mail is answered in the same cycle.
final class DaemonUIDValidityTests: LabDaemonTestCase {
    func testAfterAUIDValidityChangeNoOldMailIsAnsweredAndTheNewOneIsAnsweredAtOnce() throws {
        // 500 old requests (real ones, from areas) and one more without a Date header.
        let old = try fillRequests(500, user: "aseguramientoocm")
        let undated = try TestMail.request(from: lab.address("jorge"))
        try lab.save(Self.removingDate(undated.raw), user: "aseguramientoocm")
        XCTAssertEqual(try lab.uids("aseguramientoocm").count, 501)
        Thread.sleep(forTimeInterval: 1.1)  // INTERNALDATE has whole seconds: the baseline comes after them
        let first = try work.onceOK()
        XCTAssertTrue(first.stdout.contains("aseguramiento: first start, baseline taken"), first.all)

        let mail = try TestMail.request(from: lab.address("ana"))
        try lab.sendAndWait(mail, to: ["aseguramientoocm"])
        let before = try lab.uidValidity("aseguramientoocm")
        _ = try lab.doveadm(["mailbox", "update", "-u", lab.address("aseguramientoocm"), "--uid-validity", "\(before &+ 777)", "INBOX"])

        let started = Date()
        let run = try work.onceOK()
        let seconds = Date().timeIntervalSince(started)
        print("uidvalidity change with 501 old mails: \(run.stdout.split(separator: "\n").filter { $0.contains("fetched") }.joined()) in \(String(format: "%.2f", seconds)) s")
        XCTAssertTrue(run.stdout.contains("fetched 1 message(s); opened 1 request(s)"), "only the new mail is read, and answered: \(run.all)")
        let ledger = try work.ledger()
        let requests = try ledger.requests()
        XCTAssertEqual(requests.count, 1, "0 old mails answered")
        let origin = try ledger.rawMessage(try XCTUnwrap(requests.first).originMessage)
        XCTAssertTrue(String(decoding: origin, as: UTF8.self).contains(mail.messageID))
        let drafts = try lab.uids("aseguramientoocm", mailbox: "Drafts")
        XCTAssertEqual(drafts.count, 1)
        for id in [undated.messageID] + old.prefix(3) {
            XCTAssertEqual(PrivateLab.searchUIDs(try lab.curlIMAP("aseguramientoocm", mailbox: "Drafts", "UID SEARCH HEADER In-Reply-To \"\(id)\"")), [],
                           "no draft answers the old mail \(id)")
        }
        XCTAssertEqual(try ledger.mailboxState("aseguramiento")?.uidValidity, before &+ 777)
        XCTAssertEqual(try ledger.mailboxState("aseguramiento")?.lastUID, try lab.uids("aseguramientoocm").max())

        let again = try work.onceOK()
        XCTAssertTrue(again.stdout.contains("fetched 0 message(s)"), again.all)
        XCTAssertEqual(try lab.uids("aseguramientoocm", mailbox: "Drafts").count, 1)
    }

    /// Writes `count` request mails straight into the maildir (as lab-fill.sh does), then lets
    /// Dovecot index them: seconds instead of minutes of `doveadm save`. Returns their Message-IDs.
    private func fillRequests(_ count: Int, user: String) throws -> [String] {
        _ = try lab.doveadm(["mailbox", "status", "-u", lab.address(user), "messages", "INBOX"])  // creates the maildir
        let path = try lab.doveadm(["mailbox", "path", "-u", lab.address(user), "INBOX"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let owner = try FileManager.default.attributesOfItem(atPath: path)
        var ids: [String] = []
        let base = Int(Date().timeIntervalSince1970) - 3600
        for i in 1...count {
            let mail = try TestMail.request(from: lab.address(i.isMultiple(of: 2) ? "ana" : "jorge"),
                                            date: Date().addingTimeInterval(-Double(86_400 - i * 60)))
            ids.append(mail.messageID)
            let name = String(format: "%d.M%06dP%d.daemontest,S=%d,Q%07d:2,", base, i, getpid(), mail.raw.count, i)
            let file = "\(path)/cur/\(name)"
            try Data(mail.raw).write(to: URL(fileURLWithPath: file))
            try FileManager.default.setAttributes([.ownerAccountID: owner[.ownerAccountID]!, .groupOwnerAccountID: owner[.groupOwnerAccountID]!],
                                                  ofItemAtPath: file)
        }
        _ = try lab.doveadm(["mailbox", "status", "-u", lab.address(user), "messages", "INBOX"])
        return ids
    }

    static func removingDate(_ raw: [UInt8]) -> [UInt8] {
        let text = String(decoding: raw, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return raw }
        let header = text[..<split.lowerBound].components(separatedBy: "\r\n").filter { !$0.lowercased().hasPrefix("date:") }
        return Array((header.joined(separator: "\r\n") + text[split.lowerBound...]).utf8)
    }
}
