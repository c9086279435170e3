import Foundation
import Ledger
import XCTest

/// Issue 7 item 4 against the real Dovecot: mail APPENDed with an INTERNALDATE (as a server that
/// received it then) is judged by that time — its request's year and request day, the backlog cut
/// of a backfill — whatever its Date header says, or when it has none.
final class DaemonArrivalLabTests: LabDaemonTestCase {
    /// IMAP APPEND with an INTERNALDATE, from Python's imaplib (a client independent of ours).
    private func append(_ raw: [UInt8], user: String, internalDate: Date) throws {
        let file = URL(fileURLWithPath: lab.dir).appendingPathComponent("dated-\(UUID().uuidString).eml")
        try Data(raw).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import imaplib, ssl, sys, urllib.parse
            url, ca, login, password, path, when = sys.argv[1:7]
            parts = urllib.parse.urlsplit(url)
            box = imaplib.IMAP4_SSL(parts.hostname, parts.port, ssl_context=ssl.create_default_context(cafile=ca))
            box.login(login, password)
            status, answer = box.append("INBOX", None, imaplib.Time2Internaldate(float(when)), open(path, "rb").read())
            assert status == "OK", answer
            box.logout()
            """
        let result = try runProcess("/usr/bin/python3", ["-c", script, lab.imapsURL, lab.ca, lab.address(user), "pw-\(user)",
                                                         file.path, "\(internalDate.timeIntervalSince1970)"])
        guard result.status == 0 else { throw LabFailure("APPEND with INTERNALDATE: \(result.all)") }
    }

    func testMailIsJudgedByItsInternalDateNotItsDateHeader() throws {
        // Date 2025-07-01 (a clock 17 months behind) but received 2026-11-23; no Date, received 2026-11-24.
        let backdated = try TestMail.request(from: lab.address("ana"), date: Date(timeIntervalSince1970: 1_751_371_200))
        try append(backdated.raw, user: "aseguramientoocm", internalDate: ArrivalDecisionTests.november(23))
        let undated = try TestMail.request(from: lab.address("jorge"))
        try append(DaemonUIDValidityTests.removingDate(undated.raw), user: "aseguramientoocm",
                   internalDate: ArrivalDecisionTests.november(24))
        // Sent in 2026-03 by its clock, but received 2025-12-31: before the backfill's cut, never answered.
        let old = try TestMail.request(from: lab.address("ana"), date: Date(timeIntervalSince1970: 1_773_000_000))
        try append(old.raw, user: "aseguramientoocm", internalDate: Date(timeIntervalSince1970: 1_767_182_400))
        let dates = try lab.curlIMAP("aseguramientoocm", "UID FETCH 1:* (INTERNALDATE)")
        XCTAssertTrue(dates.contains("23-Nov-2026") && dates.contains("24-Nov-2026") && dates.contains("31-Dec-2025"), dates)

        let run = try work.onceOK(RecoveryTests.backfill)
        let ledger = try work.ledger()
        let requests = try ledger.requests().sorted { $0.id.description < $1.id.description }
        XCTAssertEqual(requests.map(\.id.description), ["OCM-2026-0001", "OCM-2026-0002"], run.all)
        var days: [String?] = []
        for request in requests {
            let json = try XCTUnwrap(request.verdictJSON?.data(using: .utf8))
            let plan = (try JSONSerialization.jsonObject(with: json) as? [String: Any])?["plan"] as? [String: Any]
            days.append(plan?["requestDay"] as? String)
            let origin = String(decoding: try ledger.rawMessage(request.originMessage), as: UTF8.self)
            XCTAssertFalse(origin.contains(old.messageID), "the mail received before the cut is backlog")
        }
        XCTAssertEqual(days, ["2026-11-23", "2026-11-24"], "request day = day of arrival (INTERNALDATE)")
        XCTAssertEqual(try ledger.messages(in: .skipped).count, 0, "the backlog is not even fetched")
        XCTAssertEqual(try lab.uids("aseguramientoocm", mailbox: "Drafts").count, 2)
    }
}
