import Foundation
import XCTest

/// `check-config --connect` checks the folder drafts go to (issue 7 item 8), and the time-limit
/// keys are validated like every other key (file, line, key).
final class DaemonCheckConfigTests: XCTestCase {
    func testConnectChecksTheDraftsFolderAndNamesTheServersDraftsFolder() throws {
        let lab = try PrivateLab.start()
        defer { lab.destroy() }
        let work = try DaemonWorkspace()
        defer { work.remove() }
        try work.writeIMAPConfig(lab: lab)
        let good = try work.command(["check-config", "--connect"])
        XCTAssertEqual(good.status, 0, good.all)
        XCTAssertTrue(good.stdout.contains("aseguramiento: drafts folder 'Drafts' exists and can be written to; it is the server's \\Drafts folder"), good.all)
        XCTAssertEqual(try lab.uids("aseguramientoocm", mailbox: "Drafts"), [], "the write test leaves nothing behind")

        let text = try String(contentsOfFile: work.configPath, encoding: .utf8)
        try text.replacingOccurrences(of: "drafts_folder: Drafts", with: "drafts_folder: Borradores")
            .write(toFile: work.configPath, atomically: true, encoding: .utf8)
        let wrong = try work.command(["check-config", "--connect"])
        XCTAssertEqual(wrong.status, 1, wrong.all)
        XCTAssertTrue(wrong.stdout.contains("aseguramiento: FAILED drafts folder 'Borradores' does not exist; the server's \\Drafts folder is 'Drafts' (set drafts_folder: Drafts)"), wrong.all)
    }

    func testTimeLimitKeysAreValidatedWithFileLineAndKey() throws {
        let work = try DaemonWorkspace()
        defer { work.remove() }
        try work.writeMaildirConfig()
        let base = try String(contentsOfFile: work.configPath, encoding: .utf8)
        let lines = base.split(separator: "\n", omittingEmptySubsequences: false).count
        for (key, value) in [("low_speed_limit", "0"), ("low_speed_time", "-1"), ("transfer_timeout", "soon"), ("transfer_timeout_per_mib", "-5")] {
            try (base + "\(key): \(value)\n").write(toFile: work.configPath, atomically: true, encoding: .utf8)
            let result = try work.command(["check-config"])
            XCTAssertEqual(result.status, 2, result.all)
            XCTAssertTrue(result.stderr.contains("\(work.configPath):\(lines)"), "file:line for \(key): \(result.all)")
            XCTAssertTrue(result.stderr.contains(key), result.all)
        }
        try (base + "low_speed_limit: 2048\nlow_speed_time: 30\ntransfer_timeout: 120\ntransfer_timeout_per_mib: 10\n")
            .write(toFile: work.configPath, atomically: true, encoding: .utf8)
        let ok = try work.command(["check-config"])
        XCTAssertEqual(ok.status, 0, ok.all)
    }
}
