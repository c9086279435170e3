import Foundation
import XCTest
@testable import MailTransport

/// The embedded Maildir mailbox: stable UIDs across re-opens, new files numbered after the old
/// ones, the staff's files never touched, drafts written atomically with the `D` flag.
final class MaildirMailboxTests: XCTestCase {
    private var root: String!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("maildir-\(UUID().uuidString)").path
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(atPath: "\(root!)/\(sub)", withIntermediateDirectories: true)
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: root) }

    @discardableResult
    private func put(_ name: String, in sub: String = "new", id: String = "<\(UUID().uuidString)@x.co>") throws -> (path: String, id: String, raw: [UInt8]) {
        let raw = Array("From: ana@icetex.gov.co\r\nMessage-ID: \(id)\r\nSubject: s\r\n\r\ncuerpo \(name)\r\n".utf8)
        let path = "\(root!)/\(sub)/\(name)"
        try Data(raw).write(to: URL(fileURLWithPath: path))
        // Back-date so an accidental rewrite would show in the mtime.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: path)
        return (path, id, raw)
    }

    private func snapshot() throws -> [String: Date] {
        var result: [String: Date] = [:]
        for sub in ["cur", "new"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: "\(root!)/\(sub)") {
                result["\(sub)/\(name)"] = try FileManager.default.attributesOfItem(atPath: "\(root!)/\(sub)/\(name)")[.modificationDate] as? Date
            }
        }
        return result
    }

    func testUIDsAreStableAcrossReopenAndNewFilesGetNewUIDs() async throws {
        let a = try put("1767225600.M1P1.host")
        let b = try put("1767225601.M1P1.host:2,S", in: "cur")
        let mailbox = try MaildirMailbox(path: root)
        let status = try await mailbox.status()
        XCTAssertEqual(status.messages, 2)
        XCTAssertEqual(status.uidNext, 3)
        let uids = try await mailbox.uids(after: 0, through: nil)
        XCTAssertEqual(uids, [1, 2])
        let first = try await mailbox.fetch(uid: 1, uidValidity: status.uidValidity)
        XCTAssertEqual(first, a.raw)
        let second = try await mailbox.fetch(uid: 2, uidValidity: status.uidValidity)
        XCTAssertEqual(second, b.raw)

        // A mail client reads message 1: new/x → cur/x:2,S. Same UID after re-open.
        try FileManager.default.moveItem(atPath: a.path, toPath: "\(root!)/cur/1767225600.M1P1.host:2,S")
        let c = try put("1767225700.M9P1.host")
        let reopened = try MaildirMailbox(path: root)
        let again = try await reopened.status()
        XCTAssertEqual(again.uidValidity, status.uidValidity)
        XCTAssertEqual(again.uidNext, 4)
        let newer = try await reopened.uids(after: 2, through: nil)
        XCTAssertEqual(newer, [3])
        let moved = try await reopened.fetch(uid: 1, uidValidity: again.uidValidity)
        XCTAssertEqual(moved, a.raw)
        let third = try await reopened.fetch(uid: 3, uidValidity: again.uidValidity)
        XCTAssertEqual(third, c.raw)
        let found = try await reopened.search(messageID: c.id)
        XCTAssertEqual(found, [3])
        let bounded = try await reopened.uids(after: 0, through: 2)
        XCTAssertEqual(bounded, [1, 2])

        // A deleted message's UID is never handed out again.
        try FileManager.default.removeItem(atPath: c.path)
        _ = try put("1767225800.M1P1.host")
        let afterDelete = try await reopened.uids(after: 0, through: nil)
        XCTAssertEqual(afterDelete, [1, 2, 4])
    }

    func testReadingNeverTouchesTheStaffsFiles() async throws {
        try put("1767225600.M1P1.host")
        try put("1767225601.M1P1.host:2,", in: "cur")
        let before = try snapshot()
        let mailbox = try MaildirMailbox(path: root)
        let status = try await mailbox.status()
        for uid in try await mailbox.uids(after: 0, through: nil) {
            _ = try await mailbox.fetch(uid: uid, uidValidity: status.uidValidity)
        }
        _ = try await mailbox.search(messageID: "<nothing@x.co>")
        XCTAssertEqual(try snapshot(), before, "names and mtimes unchanged")
    }

    func testStaleUIDValidityAndMissingUIDAreTypedErrors() async throws {
        try put("1767225600.M1P1.host")
        let mailbox = try MaildirMailbox(path: root)
        let status = try await mailbox.status()
        let stale = await expectError(MailboxError.self) { _ = try await mailbox.fetch(uid: 1, uidValidity: status.uidValidity + 1) }
        guard let stale, case .uidValidityChanged = stale.reason else { return XCTFail("\(String(describing: stale))") }
        let missing = await expectError(MailboxError.self) { _ = try await mailbox.fetch(uid: 9, uidValidity: status.uidValidity) }
        guard let missing, case .messageNotFound = missing.reason else { return XCTFail("\(String(describing: missing))") }
        XCTAssertEqual(missing.uid, 9)
    }

    func testAppendDraftWritesAnAtomicDraftInItsOwnFolder() async throws {
        let mailbox = try MaildirMailbox(path: root)
        let raw = Array("From: aseguramientoocm@icetex.gov.co\r\nMessage-ID: <OCM-2026-0001.1@icetex.gov.co>\r\n\r\nborrador\r\n".utf8)
        let before = try await mailbox.containsMessage(messageID: "<OCM-2026-0001.1@icetex.gov.co>", folder: "Drafts")
        XCTAssertFalse(before)
        let uid = try await mailbox.appendDraft(raw, folder: "Drafts")
        XCTAssertEqual(uid, 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(root!)/.Drafts/cur")
        XCTAssertEqual(files.count, 1)
        XCTAssertTrue(files[0].hasSuffix(":2,D"), files[0])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: "\(root!)/.Drafts/cur/\(files[0])")), Data(raw))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: "\(root!)/.Drafts/tmp"), [])
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(root!)/.Drafts/maildirfolder"))
        let after = try await mailbox.containsMessage(messageID: "OCM-2026-0001.1@icetex.gov.co", folder: "Drafts")
        XCTAssertTrue(after)
        let secondUID = try await mailbox.appendDraft(raw, folder: "Drafts")
        XCTAssertEqual(secondUID, 2)
        let inbox = try await mailbox.status()
        XCTAssertEqual(inbox.messages, 0, "drafts are not in the polled INBOX")
    }

    func testNotAMaildirIsRefused() throws {
        XCTAssertThrowsError(try MaildirMailbox(path: "\(root!)/nope")) { error in
            XCTAssertTrue("\(error)".contains("not a Maildir"), "\(error)")
        }
    }

    func testUIDListFileFormatRoundTrips() {
        var list = MaildirUIDList(uidValidity: 1_767_225_600)
        XCTAssertTrue(list.update(present: ["b", "a"]))
        XCTAssertEqual(list.uids, ["a": 1, "b": 2])
        XCTAssertFalse(list.update(present: ["a", "b"]))
        XCTAssertEqual(MaildirUIDList(parsing: list.text), list)
        XCTAssertNil(MaildirUIDList(parsing: "dovecot-uidlist 3 1 2\n"))
        XCTAssertEqual(MaildirUIDList.baseName(of: "123.M1P2.host:2,DS"), "123.M1P2.host")
    }
}
