import Foundation
import LabFixtures
import XCTest

/// The embedded default (no mail server): `scripts/demo` in a temp folder. The four sample mails
/// land in both OCM Maildirs, as areas write to both; `once --backfill-since` handles them.
final class DaemonMaildirTests: XCTestCase {
    private var work: DaemonWorkspace!

    override func setUpWithError() throws {
        work = try DaemonWorkspace()
        try work.writeMaildirConfig()
    }

    override func tearDown() { work?.remove() }

    private func maildir(_ box: String) -> URL { work.dir.appendingPathComponent("mail").appendingPathComponent(box) }

    private func files(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    func testBackfillOfTheSamplesGivesThreeRequestsAFollowUpAndFourDraftsOnce() throws {
        let samples = try FileManager.default.contentsOfDirectory(atPath: Package.root.appendingPathComponent("Samples").path)
            .filter { $0.hasSuffix(".eml") }.sorted()
        XCTAssertEqual(samples.count, 5)
        for box in ["aseguramientoocm", "formacionocm"] {
            for sub in ["cur", "new", "tmp"] {
                try FileManager.default.createDirectory(at: maildir(box).appendingPathComponent(sub), withIntermediateDirectories: true)
            }
            for sample in samples {
                try FileManager.default.copyItem(at: Package.root.appendingPathComponent("Samples").appendingPathComponent(sample),
                                                 to: maildir(box).appendingPathComponent("new").appendingPathComponent("\(sample).\(box)"))
                try SampleArrival.stamp(maildir(box).appendingPathComponent("new").appendingPathComponent("\(sample).\(box)"))
            }
        }
        let inboxBefore = ["aseguramientoocm", "formacionocm"].map { box in (files(maildir(box).appendingPathComponent("new")),
                                                                              files(maildir(box).appendingPathComponent("cur"))) }

        let run = try work.onceOK(["--backfill-since", "2026-01-01"])
        XCTAssertTrue(run.stdout.contains("fetched 10 message(s); opened 3 request(s)"), run.all)
        // sample05 answers OCM-2026-0002's observations: a follow-up, not a new request.
        XCTAssertTrue(run.stdout.contains("follow-ups: OCM-2026-0002"), run.all)
        // sample03 is an out-of-office auto-reply; every mail of the second Maildir is a duplicate.
        XCTAssertTrue(run.stdout.contains("skipped: auto_submitted 1, duplicate 5"), run.all)
        XCTAssertTrue(run.stdout.contains("replies delivered: 4 (review: drafts)"), run.all)

        let requests = try work.ledger().requests()
        XCTAssertEqual(requests.count, 3)
        XCTAssertEqual(Set(requests.map(\.id.description)).count, 3)
        let drafts = files(maildir("aseguramientoocm").appendingPathComponent(".Drafts/cur"))
        XCTAssertEqual(drafts.count, 4, "one per request, and OCM-2026-0002's second revision: \(drafts)")
        XCTAssertTrue(drafts.allSatisfy { $0.hasSuffix(":2,D") }, "flagged Draft: \(drafts)")
        XCTAssertEqual(files(maildir("formacionocm").appendingPathComponent(".Drafts/cur")), [])
        var subjects: [String] = []
        for draft in drafts {
            let text = String(decoding: try Data(contentsOf: maildir("aseguramientoocm").appendingPathComponent(".Drafts/cur/\(draft)")), as: UTF8.self)
            subjects += text.components(separatedBy: "\r\n").filter { $0.hasPrefix("Subject: ") }
        }
        XCTAssertEqual(Set(subjects.compactMap { s in requests.first { s.contains("[\($0.id)]") }?.id }).count, 3,
                       "every request has its draft: \(subjects)")
        // The mailboxes themselves are only read.
        let inboxAfter = ["aseguramientoocm", "formacionocm"].map { box in (files(maildir(box).appendingPathComponent("new")),
                                                                             files(maildir(box).appendingPathComponent("cur"))) }
        XCTAssertEqual(inboxAfter.map(\.0), inboxBefore.map(\.0))
        XCTAssertEqual(inboxAfter.map(\.1), inboxBefore.map(\.1))

        let again = try work.onceOK()
        XCTAssertTrue(again.stdout.contains("fetched 0 message(s); opened 0 request(s)"), again.all)
        XCTAssertTrue(again.stdout.contains("replies delivered: 0"), again.all)
        XCTAssertEqual(try work.ledger().requests().count, 3)
        XCTAssertEqual(files(maildir("aseguramientoocm").appendingPathComponent(".Drafts/cur")), drafts)
    }
}
