import Foundation
import LabFixtures
import Ledger
import XCTest

/// The daemon against an Exchange-like mailbox (issue 10 item 3): Aseguramiento is the lab's
/// `exchangeocm` user, whose Drafts is "Borradores" (SPECIAL-USE) and no `drafts_folder` is
/// configured; through the IMAP fault proxy it also announces an APPENDLIMIT, throttles a
/// command and counts connections per login.
final class DaemonExchangeTests: LabDaemonTestCase {
    override var writesIMAPConfig: Bool { false }

    /// Aseguramiento = exchangeocm (no drafts_folder), Formación as usual, both at `base`.
    private func writeConfig(base: String) throws {
        try work.writeIMAPConfig(lab: lab)
        let secret = work.dir.appendingPathComponent("exchange.secret")
        try Data("pw-exchangeocm\n".utf8).write(to: secret)
        guard chmod(secret.path, 0o600) == 0 else { throw LabFailure("chmod") }
        var yaml = try String(contentsOfFile: work.configPath, encoding: .utf8)
        let original = """
                address: \(lab.address("aseguramientoocm"))
                url: \(lab.imapsURL)/INBOX
                login: \(lab.address("aseguramientoocm"))
                secret_file: aseguramiento.secret
                ca_file: \(lab.ca)
                drafts_folder: Drafts

            """
        let exchange = """
                address: \(lab.address("exchangeocm"))
                url: \(base)/INBOX
                login: \(lab.address("exchangeocm"))
                secret_file: exchange.secret
                ca_file: \(lab.ca)

            """
        guard yaml.contains(original) else { throw LabFailure("unexpected config shape:\n\(yaml)") }
        yaml = yaml.replacingOccurrences(of: original, with: exchange)
            .replacingOccurrences(of: "url: \(lab.imapsURL)/INBOX", with: "url: \(base)/INBOX")  // Formación too
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: work.configPath))
    }

    private func proxy(inject: String? = nil, times: Int = 1, capabilityAdd: String? = nil) throws -> FaultProxy {
        try FaultProxy.imap(lab: lab.dir, target: "127.0.0.1:\(lab["LAB_IMAPS_PORT"])", inject: inject, times: times,
                            capabilityAdd: capabilityAdd)
    }

    /// No drafts_folder: the reply draft lands in the server's \Drafts, "Borradores", flagged
    /// \Draft; the whole cycle used one connection per mailbox at a time.
    func testTheDraftLandsInBorradoresOverOneConnectionPerMailbox() throws {
        let proxy = try proxy()
        defer { proxy.stop() }
        try writeConfig(base: "imaps://127.0.0.1:\(proxy.port)")
        try work.onceOK()
        let mail = try TestMail.request(from: lab.address("ana"))
        try lab.sendAndWait(mail, to: ["exchangeocm", "formacionocm"])
        let run = try work.onceOK()
        XCTAssertTrue(run.stdout.contains("opened 1 request(s)"), run.all)
        let drafts = try lab.uids("exchangeocm", mailbox: "Borradores")
        XCTAssertEqual(drafts.count, 1, run.all)
        XCTAssertEqual(try lab.flags("exchangeocm", mailbox: "Borradores")[drafts[0]], "\\Draft")
        XCTAssertEqual(try work.ledger().outbox(status: .delivered).count, 1)
        XCTAssertEqual(proxy.count("max-open-per-login"), 1, "never two connections to one mailbox at once")
        XCTAssertEqual(proxy.count("connections"), 4, "one per mailbox per `once` (two runs, two mailboxes)")
        print("EXCHANGE-FIGURES connections \(proxy.count("connections")), at most open at once \(proxy.count("max-open")), per login \(proxy.count("max-open-per-login"))")
    }

    /// APPENDLIMIT below the reply's size: the draft is not attempted, the outbox entry is held
    /// with the reason, shown by `outbox list` and `status`. A `NO [THROTTLED]` on the search
    /// during the same cycle is waited out: the mail is read, no failure is recorded.
    func testADraftOverTheAppendLimitIsHeldAndThrottlingIsNoFailure() throws {
        let proxy = try proxy(inject: "^UID SEARCH", times: 1, capabilityAdd: "APPENDLIMIT=2000")
        defer { proxy.stop() }
        try writeConfig(base: "imaps://127.0.0.1:\(proxy.port)")
        try work.onceOK()
        let mail = try TestMail.request(from: lab.address("ana"))
        try lab.sendAndWait(mail, to: ["exchangeocm", "formacionocm"])
        let run = try work.onceOK()
        XCTAssertEqual(proxy.count("injected"), 1, run.all)
        XCTAssertTrue(run.stdout.contains("opened 1 request(s)"), run.all)
        for role in ["aseguramiento", "formacion"] {
            XCTAssertNil(try work.ledger().mailboxState(role)?.lastError, "throttling is not a poll failure: \(run.all)")
        }
        let held = try work.ledger().outbox(status: .held)
        XCTAssertEqual(held.count, 1, run.all)
        XCTAssertTrue(held.first?.lastError?.contains("APPENDLIMIT of 2000 bytes") == true, "\(held)")
        XCTAssertEqual(try lab.uids("exchangeocm", mailbox: "Borradores"), [])
        let list = try work.command(["outbox", "list"])
        XCTAssertTrue(list.stdout.contains("APPENDLIMIT"), list.all)
        let status = try work.status()
        XCTAssertTrue(status.stdout.contains("held") && status.stdout.contains("APPENDLIMIT"), status.all)
    }
}
