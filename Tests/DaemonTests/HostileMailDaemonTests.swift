import Foundation
import XCTest

/// The hostile mails of issue 5/9 (each crashed or trapped the daemon before) queued in front of
/// a good request in one Maildir: one `once` answers them all, the good one included, and a
/// later `once` has nothing left to do.
final class HostileMailDaemonTests: XCTestCase {
    private var work: DaemonWorkspace!

    override func setUpWithError() throws {
        work = try DaemonWorkspace()
        try work.writeMaildirConfig()
    }

    override func tearDown() { work?.remove() }

    func testHostileAttachmentsDoNotStopTheQueue() throws {
        let fm = FileManager.default
        let box = work.dir.appendingPathComponent("mail/aseguramientoocm")
        for sub in ["cur", "new", "tmp"] {
            try fm.createDirectory(at: box.appendingPathComponent(sub), withIntermediateDirectories: true)
            try fm.createDirectory(at: work.dir.appendingPathComponent("mail/formacionocm/\(sub)"), withIntermediateDirectories: true)
        }
        let hostile = Package.root.appendingPathComponent("Tests/IntakeTests/Fixtures/hostile")
        let mails = try fm.contentsOfDirectory(atPath: hostile.path).filter { $0.hasSuffix(".eml") }.sorted()
        XCTAssertEqual(mails.count, 8)
        // The bad mails first (Maildir order is by name), the good request last.
        for (index, mail) in mails.enumerated() {
            try fm.copyItem(at: hostile.appendingPathComponent(mail), to: box.appendingPathComponent("new/0\(index)-\(mail)"))
        }
        try fm.copyItem(at: Package.root.appendingPathComponent("Samples/sample01-credito-completa.eml"),
                        to: box.appendingPathComponent("new/9-sample01.eml"))

        let run = try work.onceOK(["--backfill-since", "2026-01-01"])
        XCTAssertTrue(run.stdout.contains("fetched 9 message(s)"), run.all)
        let drafts = try fm.contentsOfDirectory(atPath: box.appendingPathComponent(".Drafts/cur").path)
        let recipients = try drafts.map { String(decoding: try Data(contentsOf: box.appendingPathComponent(".Drafts/cur/\($0)")), as: UTF8.self) }
            .flatMap { $0.components(separatedBy: "\r\n").filter { $0.hasPrefix("To: ") } }
        XCTAssertTrue(recipients.contains { $0.contains("lfgomez@icetex.gov.co") }, "the good request got its draft: \(recipients)")
        // Every hostile mail is answered: to its sender, or (area and kind undecided, issue 9) a
        // revision-manual note to OCM staff; none is left behind.
        XCTAssertEqual(drafts.count, 9, "the hostile mails are answered: \(recipients)")

        let again = try work.onceOK()
        XCTAssertTrue(again.stdout.contains("fetched 0 message(s); opened 0 request(s)"), again.all)
    }
}
