import Foundation
import LabFixtures
import XCTest
@testable import MailTransport

/// Exchange's behaviour against the lab's real Dovecot: the `exchangeocm` user's Drafts is
/// "Borradores" and its Sent "Elementos enviados" (SPECIAL-USE), its message limit 64 KiB; the
/// IMAP fault proxy (TLS ended) announces that limit as APPENDLIMIT, answers `NO [THROTTLED]` or
/// `* BYE` in place of the server and counts connections per login.
final class ExchangeFolderTests: XCTestCase {
    private var lab: MailLab!
    private let user = "exchangeocm"

    override func setUpWithError() throws {
        lab = try MailLab.require()
        for folder in ["Elementos enviados", "Información"] {
            _ = try? lab.doveadm(["mailbox", "create", "-u", lab.address(user), folder])
        }
    }

    private func configuration(mailbox: String = "INBOX", through proxy: FaultProxy? = nil) throws -> MailServerConfiguration {
        let path = mailbox.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? mailbox
        var configuration = try lab.imap(user, mailbox: path, base: proxy.map { "imaps://127.0.0.1:\($0.port)" })
        configuration.draftsFromSpecialUse = true
        configuration.throttleBackoff = ThrottleBackoff(retries: 3, initial: .milliseconds(200), maximum: .seconds(1))
        return configuration
    }

    private func proxy(inject: String? = nil, times: Int = 1, response: String? = nil, capabilityAdd: String? = nil) throws -> FaultProxy {
        try FaultProxy.imap(lab: lab["LAB"], target: "127.0.0.1:\(lab["LAB_IMAPS_PORT"])", inject: inject, times: times,
                            response: response, capabilityAdd: capabilityAdd)
    }

    private func count(_ messageID: String, in folder: String) throws -> Int {
        let out = try lab.curlIMAP(user, mailbox: ModifiedUTF7.encode(folder).replacingOccurrences(of: " ", with: "%20"),
                                   "UID SEARCH HEADER Message-ID \"\(messageID)\"")
        return IMAPResponse.searchUIDs(in: IMAPResponse.lines(Array(out.utf8))).count
    }

    /// No drafts_folder configured: the draft goes to the server's \Drafts, "Borradores", though
    /// the caller passes the default "Drafts", and is found there again.
    func testDraftLandsInTheSpecialUseDraftsFolder() async throws {
        let mailbox = try IMAPMailbox(configuration: configuration())
        let folders = try await mailbox.folders()
        XCTAssertEqual(folders.drafts, "Borradores")
        XCTAssertEqual(folders.sent, "Elementos enviados")
        let draft = MailLab.message(from: lab.address(user), to: lab.address("ana"))
        _ = try await mailbox.appendDraft(draft.raw, folder: "Drafts")
        XCTAssertEqual(try count(draft.id, in: "Borradores"), 1)
        let found = try await mailbox.containsMessage(messageID: draft.id, folder: "Drafts")
        XCTAssertTrue(found)
        XCTAssertEqual(try lab.flags(user, mailbox: "Borradores", uid: lab.waitForDelivery(user, messageID: draft.id, mailbox: "Borradores")[0]), "(\\Draft)")
    }

    /// A configured folder wins over SPECIAL-USE when the configuration says so, and a non-ASCII
    /// name works everywhere a mailbox is named: APPEND, SEARCH, STORE, and a polled mailbox's
    /// URL (EXAMINE, UID SEARCH, FETCH).
    func testNonASCIIFolderNamesInEveryCommand() async throws {
        var explicit = try configuration()
        explicit.draftsFromSpecialUse = false
        let drafts = try IMAPMailbox(configuration: explicit)
        let draft = MailLab.message(from: lab.address(user), to: lab.address("ana"), body: "Borrador en Información\r\n")
        _ = try await drafts.appendDraft(draft.raw, folder: "Información")
        try await drafts.repairDraftFlags(messageID: draft.id, folder: "Información")
        XCTAssertEqual(try count(draft.id, in: "Información"), 1)
        XCTAssertEqual(try count(draft.id, in: "Borradores"), 0)
        let status = try lab.doveadm(["-f", "flow", "mailbox", "status", "-u", lab.address(user), "messages", "Información"])
        XCTAssertFalse(status.contains("messages=0"), status)

        let polled = try IMAPMailbox(configuration: configuration(mailbox: "Información"))
        let examined = try await polled.status()
        let uids = try await polled.uids(after: 0, through: nil)
        XCTAssertGreaterThanOrEqual(uids.count, 1)
        let bytes = try await polled.fetch(uid: uids.last!, uidValidity: examined.uidValidity)
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains("Borrador en Informaci"))
    }

    /// APPENDLIMIT (RFC 7889): a draft over it is not sent at all (the error says so and why);
    /// one under it is stored. Without the announcement the server's own refusal is all there is.
    func testAppendLimitIsRespected() async throws {
        let proxy = try proxy(capabilityAdd: "APPENDLIMIT=65536")
        defer { proxy.stop() }
        let mailbox = try IMAPMailbox(configuration: configuration(through: proxy))
        let folders = try await mailbox.folders()
        XCTAssertEqual(folders.appendLimit, 65_536)
        let big = MailLab.message(from: lab.address(user), to: lab.address("ana"), body: String(repeating: String(repeating: "x", count: 76) + "\r\n", count: 1_000))
        let error = await expectError(MailboxError.self) { _ = try await mailbox.appendDraft(big.raw, folder: "Drafts") }
        XCTAssertEqual(error?.isOverAppendLimit, true, "\(String(describing: error))")
        XCTAssertEqual(error?.disposition, .permanent)
        XCTAssertTrue(error?.description.contains("APPENDLIMIT of 65536 bytes") == true, "\(String(describing: error))")
        XCTAssertEqual(try count(big.id, in: "Borradores"), 0)
        let small = MailLab.message(from: lab.address(user), to: lab.address("ana"))
        _ = try await mailbox.appendDraft(small.raw, folder: "Drafts")
        XCTAssertEqual(try count(small.id, in: "Borradores"), 1)

        // The same server without the announcement: the APPEND is tried and refused by it.
        let unannounced = try IMAPMailbox(configuration: configuration())
        let refused = await expectError(MailboxError.self) { _ = try await unannounced.appendDraft(big.raw, folder: "Drafts") }
        XCTAssertEqual(refused?.isOverAppendLimit, false)
    }

    /// `NO [THROTTLED]` twice: waited out with doubling pauses, the poll succeeds, nothing fails.
    /// Throttled beyond the retries: a transient error, the mailbox is fine again afterwards.
    func testThrottlingIsWaitedOutWithBackoff() async throws {
        let proxy = try proxy(inject: "^EXAMINE", times: 2)
        defer { proxy.stop() }
        let mailbox = try IMAPMailbox(configuration: configuration(through: proxy))
        let started = Date()
        _ = try await mailbox.status()
        let elapsed = Date().timeIntervalSince(started)
        let throttling = await mailbox.throttling
        XCTAssertEqual(throttling.answers, 2)
        XCTAssertEqual(throttling.seconds, 0.6, accuracy: 0.001)
        XCTAssertGreaterThanOrEqual(elapsed, 0.6)
        XCTAssertEqual(proxy.count("injected"), 2)

        let stubborn = try self.proxy(inject: "^EXAMINE", times: 4, response: "NO [UNAVAILABLE] Server is busy")
        defer { stubborn.stop() }
        let busy = try IMAPMailbox(configuration: configuration(through: stubborn))
        let error = await expectError(MailboxError.self) { _ = try await busy.status() }
        XCTAssertEqual(error?.disposition, .transient, "\(String(describing: error))")
        XCTAssertEqual(stubborn.count("injected"), 4, "one try and three retries")
        _ = try await busy.status()  // the server answers again: the mailbox works
    }

    /// `* BYE` (server busy) in place of an answer: the connection is gone; a new one, after a
    /// pause, finishes the command.
    func testServerBusyByeIsTransient() async throws {
        let proxy = try proxy(inject: "^UID SEARCH", times: 1, response: "BYE")
        defer { proxy.stop() }
        let mailbox = try IMAPMailbox(configuration: configuration(through: proxy))
        let uids = try await mailbox.uids(after: 0, through: 10)
        XCTAssertNotNil(uids)
        XCTAssertEqual(proxy.count("injected"), 1)
        let counters = await mailbox.counters
        XCTAssertEqual(counters.connections, 2, "the BYE ended the first connection")
        XCTAssertEqual(proxy.count("max-open-per-login"), 1)
    }

    /// Exchange limits connections per mailbox: one mailbox's whole cycle (status, search,
    /// arrivals, fetch, folders, append, draft check) runs on one connection, never two at once.
    func testOneConnectionPerMailboxForAWholeCycle() async throws {
        let proxy = try proxy()
        defer { proxy.stop() }
        try lab.curlAppend(user, MailLab.message(from: lab.address("ana"), to: lab.address(user)).raw)
        let mailbox = try IMAPMailbox(configuration: configuration(through: proxy))
        let status = try await mailbox.status()
        let uids = try await mailbox.uids(after: 0, through: nil)
        _ = try await mailbox.arrivals(of: uids, uidValidity: status.uidValidity)
        _ = try await mailbox.fetch(uid: uids.last!, uidValidity: status.uidValidity)
        let draft = MailLab.message(from: lab.address(user), to: lab.address("ana"))
        _ = try await mailbox.appendDraft(draft.raw, folder: "Drafts")
        _ = try await mailbox.containsMessage(messageID: draft.id, folder: "Drafts")
        let counters = await mailbox.counters
        XCTAssertEqual(counters.connections, 1)
        XCTAssertEqual(proxy.count("connections"), 1)
        XCTAssertEqual(proxy.count("max-open-per-login"), 1)
    }
}
