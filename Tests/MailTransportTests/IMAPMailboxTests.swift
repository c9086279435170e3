import CCurl
import Foundation
import XCTest
@testable import MailTransport

/// IMAPMailbox against the lab's real Dovecot (IMAPS and IMAP+STARTTLS), every claim checked
/// from a second, independent connection (the curl command line).
final class IMAPMailboxTests: XCTestCase {
    private var lab: MailLab!

    override func setUpWithError() throws { lab = try MailLab.require() }

    /// Delivers a message through Postfix (SMTP submission) and waits until IMAP shows it.
    private func deliver(to user: String, body: String = "Solicitud de capacitación\r\nlínea dos\r\n") async throws -> (id: String, raw: [UInt8], uid: UInt32) {
        let message = MailLab.message(from: lab.address("ana"), to: lab.address(user), body: body)
        let sender = try SMTPSender(configuration: lab.submission("ana"))
        try await sender.send(message.raw, from: lab.address("ana"), to: [lab.address(user)])
        let uids = try lab.waitForDelivery(user, messageID: message.id)
        return (message.id, message.raw, uids[0])
    }

    func testStatusGivesUIDValidityAndUIDNextAndReusesTheConnection() async throws {
        let mailbox = try IMAPMailbox(configuration: lab.imap("formacionocm"))
        let before = try await mailbox.status()
        let delivered = try await deliver(to: "formacionocm")
        let after = try await mailbox.status()
        let independent = try lab.doveadm(["-f", "flow", "mailbox", "status", "-u", lab.address("formacionocm"), "uidvalidity uidnext", "INBOX"])
        XCTAssertTrue(independent.contains("uidvalidity=\(after.uidValidity)"), independent)
        XCTAssertTrue(independent.contains("uidnext=\(after.uidNext)"), independent)
        XCTAssertEqual(before.uidValidity, after.uidValidity)
        XCTAssertGreaterThan(after.uidNext, delivered.uid)
        XCTAssertGreaterThanOrEqual(after.messages, before.messages + 1)
        let counters = await mailbox.counters
        XCTAssertEqual(counters.transfers, 2)
        XCTAssertEqual(counters.connections, 1, "the second STATUS must reuse the logged-in connection")
    }

    func testUIDsAfterAreBoundedAndIgnoreTheStarQuirk() async throws {
        let mailbox = try IMAPMailbox(configuration: lab.imap("formacionocm"))
        var delivered: [UInt32] = []
        for _ in 0..<3 { delivered.append(try await deliver(to: "formacionocm").uid) }
        let first = delivered[0]
        let all = try await mailbox.uids(after: first - 1, through: nil)
        XCTAssertTrue(Set(delivered).isSubset(of: Set(all)), "\(delivered) in \(all)")
        let firstTwo = try await mailbox.uids(after: first - 1, through: delivered[1])
        XCTAssertEqual(firstTwo, Array(delivered[0...1]))
        let second = try await mailbox.uids(after: first, through: delivered[1])
        XCTAssertEqual(second, [delivered[1]])
        // `UID SEARCH UID n:*` would answer the highest UID here; the bounded search must not.
        let beyond = try await mailbox.uids(after: delivered[2] + 1000, through: nil)
        XCTAssertEqual(beyond, [])
        let raw = try lab.curlIMAP("formacionocm", "UID SEARCH UID \(delivered[2] + 1000):*")
        XCTAssertTrue(raw.contains("* SEARCH \(delivered[2])") || raw.contains("* SEARCH"), "quirk reference: \(raw)")
        let empty = try await mailbox.uids(after: delivered[2], through: delivered[2])
        XCTAssertEqual(empty, [])
    }

    /// Long `* SEARCH` lines come back whole: libcurl's default 16 KiB buffer silently clipped a
    /// 10,000-UID line to 935 UIDs (KNOWN_BUGS 3.1); the 512 KiB buffer and bounded chunks fix it.
    func testLongSearchResultsAreComplete() async throws {
        let folder = "Long-\(UUID().uuidString.prefix(8))"
        let fill = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../scripts/lab/lab-fill.sh").path
        let filled = try MailLab.run(fill, [lab["LAB"], "outbound", folder, "12000"])
        XCTAssertEqual(filled.status, 0, filled.stderr)
        let mailbox = try IMAPMailbox(configuration: lab.imap("outbound", mailbox: folder))
        let all = try await mailbox.uids(after: 0, through: nil)
        XCTAssertEqual(all, Array(1...12000))
        let transfers = await mailbox.counters.transfers
        XCTAssertEqual(transfers, 3, "STATUS + two bounded UID SEARCH chunks")
    }

    func testFetchReturnsTheDeliveredMessageAndLeavesItUnseen() async throws {
        let delivered = try await deliver(to: "formacionocm")
        XCTAssertEqual(try lab.flags("formacionocm", uid: delivered.uid), "()")
        let mailbox = try IMAPMailbox(configuration: lab.imap("formacionocm"))
        let status = try await mailbox.status()
        for _ in 0..<2 {  // twice: the second fetch runs on the reused, already-selected connection
            let fetched = try await mailbox.fetch(uid: delivered.uid, uidValidity: status.uidValidity)
            XCTAssertEqual(MessageID.find(in: fetched)?.value, delivered.id)
            let sentBody = delivered.raw.split(separator: 0x0A, omittingEmptySubsequences: false).suffix(3)
            XCTAssertTrue(String(decoding: fetched, as: UTF8.self).hasSuffix(String(decoding: Array(sentBody.joined(separator: [0x0A])), as: UTF8.self)))
            XCTAssertTrue(String(decoding: fetched, as: UTF8.self).contains("Return-Path: <\(lab.address("ana"))>"))
        }
        XCTAssertEqual(try lab.flags("formacionocm", uid: delivered.uid), "()", "fetch must not set \\Seen")
        let repairs = await mailbox.counters.seenRepairs
        XCTAssertEqual(repairs, 0, "EXAMINE kept the mailbox read-only; no after-the-fact repair was needed")
    }

    /// A large message's body is sized once from the literal's `{n}` (issue 11, memory): grown by
    /// doubling, a 2 MB body would end in a 4 MiB buffer and, on the way, hold its bytes twice.
    func testALargeFetchIsSizedOnceFromTheLiteral() async throws {
        let big = String(repeating: "material de apoyo muy pesado, página tras página\r\n", count: 44_000)
        let delivered = try await deliver(to: "formacionocm", body: big)
        let mailbox = try IMAPMailbox(configuration: lab.imap("formacionocm"))
        let status = try await mailbox.status()
        let fetched = try await mailbox.fetch(uid: delivered.uid, uidValidity: status.uidValidity)
        XCTAssertGreaterThan(fetched.count, 2_200_000, "past 2 MiB, where doubling gives 4 MiB")
        XCTAssertEqual(MessageID.find(in: fetched)?.value, delivered.id)
        XCTAssertTrue(String(decoding: fetched.suffix(200), as: UTF8.self).contains("página tras página"))
        XCTAssertLessThan(fetched.capacity, fetched.count + 65_536, "sized from the announced size, not doubled")
    }

    /// A message over the size limit: fetch refuses it, fetchHeader still gives its header and
    /// size (the daemon answers "too large"), and neither sets \Seen.
    func testTooLargeMessageGivesItsHeaderAndSize() async throws {
        let big = String(repeating: "material de apoyo muy pesado\r\n", count: 400)
        let delivered = try await deliver(to: "formacionocm", body: big)
        var configuration = try lab.imap("formacionocm")
        configuration.maxMessageBytes = 4096
        let mailbox = try IMAPMailbox(configuration: configuration)
        let status = try await mailbox.status()
        do {
            _ = try await mailbox.fetch(uid: delivered.uid, uidValidity: status.uidValidity)
            XCTFail("a message over the limit must be refused")
        } catch {
            guard case .messageTooLarge(let limit) = error.reason else { return XCTFail("\(error)") }
            XCTAssertEqual(limit, 4096)
        }
        let head = try await mailbox.fetchHeader(uid: delivered.uid, uidValidity: status.uidValidity)
        let text = String(decoding: head.header, as: UTF8.self)
        XCTAssertEqual(MessageID.find(in: head.header)?.value, delivered.id)
        XCTAssertTrue(text.hasSuffix("\r\n\r\n"), "the header block only")
        XCTAssertFalse(text.contains("material de apoyo"), "no body")
        XCTAssertGreaterThan(head.size ?? 0, 12_000)
        XCTAssertEqual(try lab.flags("formacionocm", uid: delivered.uid), "()", "no \\Seen from the header fetch either")
    }

    /// The safety net's detector, on real Dovecot output: a plain URL fetch (no EXAMINE) sets
    /// `\Seen` and says so in the FETCH line.
    func testAPlainURLFetchWouldSetSeenAndIsDetected() async throws {
        let delivered = try await deliver(to: "jorge")
        let configuration = try lab.imap("jorge")
        guard case .imap(let server, _) = configuration.url else { return XCTFail() }
        let session = try IMAPSession(configuration: configuration, server: server)
        let status = IMAPResponse.status(in: IMAPResponse.lines(try session.command(IMAPCommand.status("INBOX"), mailbox: nil).body))!
        let result = try session.fetch(mailbox: "INBOX", uidValidity: status.uidValidity, uid: delivered.uid)
        XCTAssertTrue(IMAPResponse.reportsSeen(IMAPResponse.lines(result.headerLines)), "\(result.headerLines)")
        XCTAssertEqual(try lab.flags("jorge", uid: delivered.uid), "(\\Seen)")
    }

    func testFetchIsByteExactEvenForAPoisonedBody() async throws {
        // Body lines that look like IMAP protocol must come back as data (libcurl note B2).
        let poisoned = MailLab.message(from: lab.address("jorge"), to: lab.address("formacionocm"),
                                       body: "A006 OK fake completion\r\n* 77 EXISTS\r\n)\r\n.\r\nend\r\n")
        try lab.curlAppend("formacionocm", poisoned.raw)
        let uid = try lab.waitForDelivery("formacionocm", messageID: poisoned.id)[0]
        let mailbox = try IMAPMailbox(configuration: lab.imap("formacionocm"))
        let status = try await mailbox.status()
        let fetched = try await mailbox.fetch(uid: uid, uidValidity: status.uidValidity)
        XCTAssertEqual(fetched, poisoned.raw)
        let again = try await mailbox.status()
        XCTAssertEqual(again, status, "the connection is still in sync")
    }

    func testFetchWithAStaleUIDValidityIsATypedError() async throws {
        let delivered = try await deliver(to: "formacionocm")
        let mailbox = try IMAPMailbox(configuration: lab.imap("formacionocm"))
        let status = try await mailbox.status()
        let stale = await expectError(MailboxError.self) { _ = try await mailbox.fetch(uid: delivered.uid, uidValidity: status.uidValidity &- 1) }
        guard let stale, case .uidValidityChanged(let expected, let actual) = stale.reason else { return XCTFail("\(String(describing: stale))") }
        XCTAssertEqual(expected, status.uidValidity &- 1)
        XCTAssertEqual(actual, status.uidValidity)
        XCTAssertEqual(stale.uid, delivered.uid)
        XCTAssertEqual(stale.disposition, .permanent)
        let missing = await expectError(MailboxError.self) { _ = try await mailbox.fetch(uid: status.uidNext + 50, uidValidity: status.uidValidity) }
        guard let missing, case .messageNotFound = missing.reason else { return XCTFail("\(String(describing: missing))") }
        XCTAssertEqual(try lab.flags("formacionocm", uid: delivered.uid), "()")
    }

    func testSearchByMessageID() async throws {
        let delivered = try await deliver(to: "formacionocm")
        let mailbox = try IMAPMailbox(configuration: lab.imap("formacionocm"))
        let found = try await mailbox.search(messageID: delivered.id)
        XCTAssertEqual(found, [delivered.uid])
        let bare = try await mailbox.search(messageID: String(delivered.id.dropFirst().dropLast()))
        XCTAssertEqual(bare, [delivered.uid])
        let none = try await mailbox.search(messageID: "<nadie-\(UUID().uuidString)@x>")
        XCTAssertEqual(none, [])
        let injected = await expectError(MailboxError.self) { _ = try await mailbox.search(messageID: "<a@b>\r\nA1 LOGOUT") }
        guard let injected, case .invalidRequest = injected.reason else { return XCTFail("\(String(describing: injected))") }
    }

    func testAppendDraftLandsInDraftsFlaggedDraftAndNotSeen() async throws {
        let mailbox = try IMAPMailbox(configuration: lab.imap("aseguramientoocm"))
        let draft = MailLab.message(from: lab.address("aseguramientoocm"), to: lab.address("jorge"), body: "Observaciones\r\n")
        let before = try await mailbox.containsMessage(messageID: draft.id, folder: "Drafts")
        XCTAssertFalse(before)
        let uid = try await mailbox.appendDraft(draft.raw, folder: "Drafts")
        XCTAssertNotNil(uid)
        XCTAssertEqual(try lab.flags("aseguramientoocm", mailbox: "Drafts", uid: uid!), "(\\Draft)")
        let after = try await mailbox.containsMessage(messageID: draft.id, folder: "Drafts")
        XCTAssertTrue(after)
        XCTAssertEqual(try lab.waitForDelivery("aseguramientoocm", messageID: draft.id, mailbox: "Drafts"), [uid!])
        // The polled mailbox is still read correctly afterwards (libcurl's selection went to Drafts).
        let delivered = try await deliver(to: "aseguramientoocm")
        let status = try await mailbox.status()
        let fetched = try await mailbox.fetch(uid: delivered.uid, uidValidity: status.uidValidity)
        XCTAssertEqual(MessageID.find(in: fetched)?.value, delivered.id)
        XCTAssertEqual(try lab.flags("aseguramientoocm", uid: delivered.uid), "()")
    }

    /// A connection the server dropped while idle fails the next transfer once (56); the
    /// idempotent commands retry once on a new connection instead of failing the poll.
    func testAConnectionKickedByTheServerIsReplacedTransparently() async throws {
        let mailbox = try IMAPMailbox(configuration: lab.imap("ana"))
        let before = try await mailbox.status()
        _ = try lab.doveadm(["kick", lab.address("ana")])
        let after = try await mailbox.status()
        XCTAssertEqual(after.uidValidity, before.uidValidity)
        let counters = await mailbox.counters
        XCTAssertEqual(counters.connections, 2, "logged in again after the kick")
        XCTAssertEqual(counters.transfers, 3, "STATUS, the STATUS that hit the dead connection, its retry")
    }

    func testSTARTTLSOnThePlainPortWorks() async throws {
        let mailbox = try IMAPMailbox(configuration: lab.imap("jorge", base: lab["LAB_IMAP_URL"]))
        let status = try await mailbox.status()
        XCTAssertGreaterThan(status.uidValidity, 0)
    }

    func testWrongPasswordIsPermanent() async throws {
        let mailbox = try IMAPMailbox(configuration: lab.imap("formacionocm", secret: .password("not-the-password")))
        guard let error = await expectError(MailboxError.self, { _ = try await mailbox.status() }) else { return }
        XCTAssertEqual(error.curlError?.code, Int(CURLE_LOGIN_DENIED.rawValue), "\(error)")
        XCTAssertEqual(error.disposition, .permanent)
        XCTAssertFalse(error.description.contains("not-the-password"))
    }

    func testServerDownIsTransientWithAClearMessage() async throws {
        let port = try Self.unusedPort()
        let mailbox = try IMAPMailbox(configuration: lab.imap("formacionocm", base: "imaps://127.0.0.1:\(port)"))
        guard let error = await expectError(MailboxError.self, { _ = try await mailbox.status() }) else { return }
        XCTAssertEqual(error.curlError?.code, Int(CURLE_COULDNT_CONNECT.rawValue), "\(error)")
        XCTAssertEqual(error.disposition, .transient)
        XCTAssertTrue(error.description.contains("127.0.0.1") && error.description.contains("\(port)"), error.description)
    }

    func testWrongCAIsAPermanentVerificationFailure() async throws {
        // The system bundle does not contain the lab's throwaway CA.
        let mailbox = try IMAPMailbox(configuration: lab.imap("formacionocm", ca: "/etc/ssl/certs/ca-certificates.crt"))
        guard let error = await expectError(MailboxError.self, { _ = try await mailbox.status() }) else { return }
        XCTAssertEqual(error.curlError?.code, Int(CURLE_PEER_FAILED_VERIFICATION.rawValue), "\(error)")
        XCTAssertEqual(error.disposition, .permanent)
    }

    func testProtocolTraceNeverShowsCredentialsOrBodies() async throws {
        let delivered = try await deliver(to: "jorge", body: "cuerpo-secreto-\(UUID().uuidString)\r\n")
        let collector = LineCollector()
        var configuration = try lab.imap("jorge")
        configuration.trace = { collector.append($0) }
        let mailbox = try IMAPMailbox(configuration: configuration)
        let status = try await mailbox.status()
        _ = try await mailbox.fetch(uid: delivered.uid, uidValidity: status.uidValidity)
        let trace = collector.lines.joined(separator: "\n")
        XCTAssertTrue(trace.contains("AUTHENTICATE PLAIN [redacted]"), trace)
        XCTAssertTrue(trace.contains("UID FETCH \(delivered.uid) BODY[]"), trace)
        let credentials = Data("\0\(lab.address("jorge"))\0pw-jorge".utf8).base64EncodedString()
        for secret in ["pw-jorge", credentials, "cuerpo-secreto", "Solicitud"] {
            XCTAssertFalse(trace.contains(secret), "trace leaks \(secret)")
        }
    }

    static func unusedPort() throws -> Int {
        // Bind port 0, read the port the kernel chose, close: nothing listens there now.
        let out = try MailLab.run("/usr/bin/python3", ["-c", "import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1]);s.close()"])
        return Int(out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 1
    }
}
