import Foundation
import XCTest
@testable import MailTransport

/// A Maildir message arrived when its file was written (kept by a mail client's renames), not
/// when its Date header says (issue 7 item 4).
final class MaildirArrivalTests: XCTestCase {
    func testArrivalIsTheFileTimeAndSearchSinceFiltersOnIt() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("arrival-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let old = Date(timeIntervalSince1970: 1_780_000_000), recent = Date(timeIntervalSince1970: 1_796_000_000)
        for (name, time) in [("1.a.host", old), ("2.b.host", recent)] {
            let file = root.appendingPathComponent("new/\(name)")
            try Data(MailLab.message(from: "a@b.co", to: "c@d.co").raw).write(to: file)  // Date: 2 Feb 2026
            try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: file.path)
        }
        let mailbox = try MaildirMailbox(path: root.path)
        let status = try await mailbox.status()
        let uids = try await mailbox.uids(after: 0, through: nil)
        XCTAssertEqual(uids.count, 2)
        let arrivals = try await mailbox.arrivals(of: uids, uidValidity: status.uidValidity)
        XCTAssertEqual(Set(arrivals.values), [old, recent])
        let since = try await mailbox.uids(arrivedSince: Date(timeIntervalSince1970: 1_790_000_000))
        XCTAssertEqual(since.count, 1)
        XCTAssertEqual(since.first.flatMap { arrivals[$0] }, recent)
    }
}
