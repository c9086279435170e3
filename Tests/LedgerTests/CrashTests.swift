// "Nothing lost, nothing twice" across crashes, after isync's run-tests.pl: run the scenario once
// uninterrupted, then for every durable step n run it in a child process that dies (`_exit`, no
// cleanup, the SQLite connection left open) right after step n, resume in this process, and
// compare with the uninterrupted run: same ledger state, same audit rows, each reply delivered once.
import Foundation
import Ledger
import XCTest

final class CrashTests: LedgerTestCase {
    private static let crashAfterKey = "OCM_LEDGER_CRASH_AFTER"
    private static let crashDirKey = "OCM_LEDGER_CRASH_DIR"

    func testCrashAtEveryStepConverges() throws {
        let environment = ProcessInfo.processInfo.environment
        if let limit = environment[Self.crashAfterKey].flatMap(Int.init), let dir = environment[Self.crashDirKey] {
            try Self.runAsChild(directory: URL(fileURLWithPath: dir), crashAfter: limit)  // never returns
        }

        let reference = try runUninterrupted(in: directory.appendingPathComponent("reference"))
        XCTAssertGreaterThan(reference.steps, 20, "the scenario must have many resume points")
        XCTAssertTrue(reference.snapshot.contains("request OCM-2026-0001 viable rev 2 {\"viable\":true} [\"aseguramiento/5\", \"aseguramiento/6\"]"),
                      reference.snapshot.joined(separator: "\n"))
        XCTAssertTrue(reference.snapshot.contains("message formacion/9 skipped duplicate - dup aseguramiento/5"))
        XCTAssertTrue(reference.snapshot.contains("message aseguramiento/7 quarantined - boundary never closed dup -"))

        for step in 1...reference.steps {
            let dir = directory.appendingPathComponent("crash-\(step)")
            let status = try Self.runChild(directory: dir, crashAfter: step)
            XCTAssertEqual(status, 100, "child should have died at step \(step)")

            let ledger = try openLedger(at: dir)
            try CrashScenario(ledger: ledger, drafts: dir.appendingPathComponent("drafts"), checkpoint: {}).run()
            let snapshot = try CrashScenario.snapshot(ledger)
            XCTAssertEqual(snapshot, reference.snapshot, "resumed after a crash at step \(step)")
            XCTAssertEqual(try Self.deliveries(dir), reference.deliveries, "deliveries after a crash at step \(step)")
            if snapshot != reference.snapshot { break }  // one diff is enough to read
        }
    }

    func testASecondRunWithNoNewMailWritesNothing() throws {
        let dir = directory.appendingPathComponent("idle")
        let reference = try runUninterrupted(in: dir)
        let path = dir.appendingPathComponent("ledger.sqlite").path
        let before = try SchemaTests.dump(path).filter { !$0.hasPrefix("mailbox ") }  // last_poll_at moves, by design
        let ledger = try openLedger(at: dir)
        var steps = 0
        try CrashScenario(ledger: ledger, drafts: dir.appendingPathComponent("drafts"), checkpoint: { steps += 1 }).run()
        XCTAssertEqual(try SchemaTests.dump(path).filter { !$0.hasPrefix("mailbox ") }, before)
        XCTAssertEqual(try Self.deliveries(dir), reference.deliveries)
        XCTAssertEqual(steps, 4, "only the idempotent baseline and poll records of the two mailboxes")
    }

    private func runUninterrupted(in dir: URL) throws -> (steps: Int, snapshot: [String], deliveries: [String]) {
        let ledger = try openLedger(at: dir)
        var steps = 0
        try CrashScenario(ledger: ledger, drafts: dir.appendingPathComponent("drafts"), checkpoint: { steps += 1 }).run()
        let deliveries = try Self.deliveries(dir)
        XCTAssertEqual(deliveries, ["<OCM-2026-0001.1@ocm.icetex.gov.co>", "<OCM-2026-0001.2@ocm.icetex.gov.co>",
                                    "<OCM-2026-0002.1@ocm.icetex.gov.co>"])
        return (steps, try CrashScenario.snapshot(ledger), deliveries)
    }

    private func openLedger(at dir: URL) throws -> Ledger {
        let clock = self.clock
        return try Ledger(path: dir.appendingPathComponent("ledger.sqlite").path, now: { clock.now() })
    }

    private static func deliveries(_ dir: URL) throws -> [String] {
        let log = dir.appendingPathComponent("drafts/deliveries.log")
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init).sorted()
    }

    /// Re-runs this very test in a child process of the test binary, which crashes after `crashAfter` steps.
    private static func runChild(directory: URL, crashAfter: Int) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])
        process.arguments = ["LedgerTests.CrashTests/testCrashAtEveryStepConverges"]
        var environment = ProcessInfo.processInfo.environment
        environment[crashAfterKey] = String(crashAfter)
        environment[crashDirKey] = directory.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    private static func runAsChild(directory: URL, crashAfter: Int) throws -> Never {
        let clock = TestClock()
        let ledger = try Ledger(path: directory.appendingPathComponent("ledger.sqlite").path, now: { clock.now() })
        var steps = 0
        try CrashScenario(ledger: ledger, drafts: directory.appendingPathComponent("drafts"), checkpoint: {
            steps += 1
            if steps == crashAfter { _exit(100) }
        }).run()
        _exit(0)  // fewer steps than asked: the parent sees 0 instead of 100 and fails
    }
}
