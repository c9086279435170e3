import Foundation
import XCTest
import LabFixtures

/// Issue 11, end to end on Maildir with the real binary: the same five samples in both
/// mailboxes store five raw messages, not ten; `status` shows the ledger's size and retention;
/// `raw_retention_days` is validated with file, line and key.
final class RawRetentionDaemonTests: XCTestCase {
    func testDuplicatesStoreNoBytesAndStatusShowsTheLedgerSize() throws {
        let work = try DaemonWorkspace()
        defer { work.remove() }
        try work.writeMaildirConfig()
        let base = try String(contentsOfFile: work.configPath, encoding: .utf8)
        let lines = base.split(separator: "\n", omittingEmptySubsequences: false).count
        try (base + "raw_retention_days: 0\n").write(toFile: work.configPath, atomically: true, encoding: .utf8)
        let bad = try work.command(["check-config"])
        XCTAssertEqual(bad.status, 2, bad.all)
        XCTAssertTrue(bad.stderr.contains("\(work.configPath):\(lines)") && bad.stderr.contains("raw_retention_days"), bad.all)
        try (base + "raw_retention_days: 30\n").write(toFile: work.configPath, atomically: true, encoding: .utf8)

        let samples = Package.root.appendingPathComponent("Samples")
        for box in ["aseguramientoocm", "formacionocm"] {
            let mail = work.dir.appendingPathComponent("mail/\(box)")
            for sub in ["cur", "new", "tmp"] {
                try FileManager.default.createDirectory(at: mail.appendingPathComponent(sub), withIntermediateDirectories: true)
            }
            for sample in try FileManager.default.contentsOfDirectory(atPath: samples.path) where sample.hasSuffix(".eml") {
                let target = mail.appendingPathComponent("new/\(sample).\(box)")
                try FileManager.default.copyItem(at: samples.appendingPathComponent(sample), to: target)
                try SampleArrival.stamp(target)
            }
        }
        let run = try work.onceOK(["--backfill-since", "2026-01-01"])
        XCTAssertTrue(run.stdout.contains("fetched 10 message(s)"), run.all)
        let status = try work.status()
        XCTAssertEqual(status.status, 0, status.all)
        XCTAssertTrue(status.stdout.contains("raw messages kept: 5 ("), "the five duplicates keep no bytes: \(status.all)")
        XCTAssertTrue(status.stdout.contains("dropped after 30 days"), status.all)
        XCTAssertNotNil(status.stdout.range(of: #"ledger size: [0-9]+\.[0-9] MB"#, options: .regularExpression), status.all)
    }
}
