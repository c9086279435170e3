import Foundation
import Ledger
import XCTest

/// Issue 7, "nothing lost, nothing doubled", against the real `ocm-intake` binary on the embedded
/// Maildir default (no root, no server): crash at every durable step, ledgers lost, emptied or
/// damaged, a second daemon, and what admins see and fix. Each test drives what runs in production.
final class RecoveryTests: XCTestCase {
    private var work: DaemonWorkspace!

    override func setUpWithError() throws {
        work = try Self.workspace()
    }

    override func tearDown() { work?.remove() }

    /// The five samples in both OCM Maildirs: 3 requests, a follow-up (sample05), an auto-reply,
    /// and 5 duplicates (the second mailbox).
    static func workspace(extraConfig: String = "") throws -> DaemonWorkspace {
        let work = try DaemonWorkspace()
        try work.writeMaildirConfig()
        if !extraConfig.isEmpty {
            let config = try String(contentsOfFile: work.configPath, encoding: .utf8) + extraConfig + "\n"
            try config.write(toFile: work.configPath, atomically: true, encoding: .utf8)
        }
        let samples = Package.root.appendingPathComponent("Samples")
        for box in ["aseguramientoocm", "formacionocm"] {
            let maildir = work.dir.appendingPathComponent("mail/\(box)")
            for sub in ["cur", "new", "tmp"] {
                try FileManager.default.createDirectory(at: maildir.appendingPathComponent(sub), withIntermediateDirectories: true)
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".eml") }.sorted()
            for (index, sample) in names.enumerated() {
                let copy = maildir.appendingPathComponent("new/\(sample).\(box)")
                try FileManager.default.copyItem(at: samples.appendingPathComponent(sample), to: copy)
                // Arrival is the file's time: the samples arrive one hour apart in their numbered
                // order (April 2026, as their Date headers say), so every run reads them alike.
                let arrival = Date(timeIntervalSince1970: 1_776_092_700 + Double(index) * 3_600)
                try FileManager.default.setAttributes([.modificationDate: arrival], ofItemAtPath: copy.path)
                let stamped = try FileManager.default.attributesOfItem(atPath: copy.path)[.modificationDate] as? Date
                XCTAssertEqual(stamped?.timeIntervalSince1970 ?? 0, arrival.timeIntervalSince1970, accuracy: 1, copy.path)
            }
        }
        return work
    }

    static let backfill = ["--backfill-since", "2026-01-01"]

    // MARK: - Crash at every step

    /// For every N, `once` ends with `_exit(99)` right after its N-th durable step (ledger commit or
    /// draft written), is run again, and must end exactly as an uninterrupted run: same messages,
    /// requests, outbox and drafts, each draft once and flagged as a draft.
    func testCrashAtEveryDurableStepConverges() throws {
        let reference = try Self.workspace()
        defer { reference.remove() }
        let uninterrupted = try reference.command(["once"] + Self.backfill)
        XCTAssertEqual(uninterrupted.status, 0, uninterrupted.all)
        let expected = try Self.snapshot(reference)
        XCTAssertEqual(try Self.drafts(reference).count, 4, expected.joined(separator: "\n"))

        var converged = 0, lost = 0, duplicates = 0, steps = 0
        for step in 1...400 {
            let crashed = try Self.workspace()
            defer { crashed.remove() }
            let first = try crashed.command(["once"] + Self.backfill, logLevel: "error",
                                            extraEnvironment: ["OCM_INTAKE_CRASH_AFTER_STEP": "\(step)"])
            if first.status == 0 { break }  // fewer durable steps than `step`: every step was tried
            XCTAssertEqual(first.status, 99, "step \(step): \(first.all)")
            steps = step
            let restart = try crashed.command(["once"] + Self.backfill, logLevel: "error")
            XCTAssertEqual(restart.status, 0, "restart after step \(step): \(restart.all)")
            let got = try Self.snapshot(crashed)
            // Drafts and requests compared with the installation id taken out (each ledger has its own).
            let wanted = expected.filter { $0.hasPrefix("draft ") || $0.hasPrefix("request ") }
            let present = got.filter { $0.hasPrefix("draft ") || $0.hasPrefix("request ") }
            lost += Set(wanted).subtracting(present).count
            let drafts = try Self.drafts(crashed)
            duplicates += drafts.count - Set(drafts.map(\.messageID)).count
            if got == expected { converged += 1 } else {
                XCTFail("crash after step \(step) (\(first.stderr.split(separator: "\n").last ?? "")) differs:\n"
                        + Self.diff(expected, got))
            }
        }
        XCTAssertGreaterThan(steps, 20, "the batch must have many durable steps")
        print("crash sweep (Maildir, real binary): \(converged)/\(steps) converge, \(lost) lost, \(duplicates) duplicates")
        XCTAssertEqual(converged, steps)
        XCTAssertEqual(lost, 0)
        XCTAssertEqual(duplicates, 0)
    }

    // MARK: - What was measured (issue 7), one test each

    /// Measured 1: a request left `recibida` with no reply (a crash between opening and judging
    /// under the old two-transaction intake) stayed there forever. The cycle now drains it.
    func testRequestLeftWithoutVerdictIsJudgedByTheNextCycle() throws {
        try work.onceOK()  // first start: baseline, nothing answered
        let ledger = try work.ledger()
        let box = try XCTUnwrap(try ledger.mailboxState("aseguramiento"))
        let raw = try Data(contentsOf: Package.root.appendingPathComponent("Samples/sample01-credito-completa.eml"))
        let seen = try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: box.uidValidity, uid: 9_000,
                                            messageID: "<left-behind@icetex.gov.co>", raw: raw)
        try ledger.markParsed(seen.rowID)
        let opened = try ledger.openRequest(for: seen.rowID, year: 2026)
        XCTAssertEqual(opened.state, .recibida)

        let run = try work.onceOK()
        let after = try XCTUnwrap(try work.ledger().request(byID: opened.id))
        XCTAssertNotEqual(after.state, .recibida, run.all)
        XCTAssertEqual(after.revision, 1)
        XCTAssertEqual(try Self.drafts(work).count, 1, "its reply drafted")
    }

    /// Measured 2: a draft cut between APPEND and the flag change was marked delivered as it was
    /// (`\Seen`, no `\Draft`). Recovery now repairs our own draft's flags.
    func testDraftFoundAfterACrashGetsItsDraftFlagBack() throws {
        try work.onceOK()
        let ledger = try work.ledger()
        let request = try openLeftBehindRequest(ledger)
        let messageID = "<\(request.id).r1.observaciones@test.invalid>"
        let raw = Data("From: aseguramientoocm@icetex.gov.co\r\nTo: ana@icetex.gov.co\r\nSubject: [\(request.id)]\r\nMessage-ID: \(messageID)\r\n\r\nhola\r\n".utf8)
        let (judged, _) = try ledger.recordVerdict(
            request: request.id, revision: 1, state: .observacionesEnviadas, verdictJSON: nil,
            reply: OutgoingReply(target: OutboxTarget(kind: .maildir, mailbox: "aseguramiento"), messageID: messageID, raw: raw))
        XCTAssertEqual(judged.state, .observacionesEnviadas)
        let queued = try XCTUnwrap(try ledger.outbox(status: .pending).first)
        try ledger.markDelivering(queued.id)
        let folder = work.dir.appendingPathComponent("mail/aseguramientoocm/.Drafts")
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try raw.write(to: folder.appendingPathComponent("cur/1780000000.M1P1.test:2,S"))

        let run = try work.onceOK()
        XCTAssertEqual(try work.ledger().outboxEntry(queued.id)?.status, .delivered, run.all)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("cur").path)
        XCTAssertEqual(files, ["1780000000.M1P1.test:2,D"], "one draft, flagged Draft and not Seen")
    }

    /// Measured 3: an SMTP reply found `delivering` (a crash mid-send) could not be held and stayed
    /// `delivering` forever. Now it is held, never sent again blindly, and `status` says so.
    func testSMTPReplyInDoubtIsHeldNotResent() throws {
        work.remove()
        work = try Self.workspace(extraConfig: "smtp:\n  url: smtp://127.0.0.1:9/ocm-intake-tests")
        try work.onceOK()
        let ledger = try work.ledger()
        let request = try openLeftBehindRequest(ledger)
        let raw = Data("From: aseguramientoocm@icetex.gov.co\r\nTo: ana@icetex.gov.co\r\nSubject: x\r\n\r\nhola\r\n".utf8)
        _ = try ledger.recordVerdict(
            request: request.id, revision: 1, state: .observacionesEnviadas, verdictJSON: nil,
            reply: OutgoingReply(target: OutboxTarget(kind: .smtp, mailbox: "aseguramiento"), messageID: "<smtp-in-doubt@test>",
                                 raw: raw, envelope: OutboxEnvelope(from: "aseguramientoocm@icetex.gov.co", recipients: ["ana@icetex.gov.co"])))
        let entry = try XCTUnwrap(try ledger.outbox(status: .pending).first)
        try ledger.markDelivering(entry.id)

        let run = try work.onceOK()
        let held = try XCTUnwrap(try work.ledger().outboxEntry(entry.id))
        XCTAssertEqual(held.status, .held, run.all)
        XCTAssertEqual(held.attempts, 1, "not attempted again")
        XCTAssertTrue(run.stdout.contains("replies held, outcome unknown: 1"), run.stdout)
        let status = try work.status()
        XCTAssertTrue(status.stdout.contains("reply held: \(entry.id)"), status.stdout)
        XCTAssertTrue(status.stdout.contains("outcome unknown"), status.stdout)
    }

    /// Measured 4: a ledger started afresh reused the old Message-IDs, so its replies were
    /// recorded as delivered without being drafted; and a missing or empty ledger was re-created
    /// silently. Now a new ledger carries a new installation id, and only `--init` creates one.
    func testNewLedgerNextToOldDraftsDeliversAndLostLedgerIsNotRecreated() throws {
        try work.onceOK(Self.backfill)
        let old = try Self.drafts(work)
        XCTAssertEqual(old.count, 4)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: work.ledgerPath + suffix) }

        work.initLedgerOnFirstStart = false
        let refused = try work.once(Self.backfill)
        XCTAssertEqual(refused.status, 1, refused.all)
        XCTAssertTrue(refused.stderr.contains("does not exist"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.ledgerPath), "not re-created")
        XCTAssertEqual(try work.status().status, 1)

        let fresh = try work.once(["--init"] + Self.backfill)
        XCTAssertEqual(fresh.status, 0, fresh.all)
        let all = try Self.drafts(work)
        XCTAssertEqual(all.count, 8, "the new ledger's 4 replies drafted next to the 4 old ones")
        XCTAssertEqual(Set(all.map(\.messageID)).count, 8, "no Message-ID shared with the old drafts")
    }

    /// The service (`run`, as systemd starts it) never creates a ledger: a lost one stops it.
    func testRunWithoutALedgerRefusesToStart() throws {
        work.initLedgerOnFirstStart = false
        let run = try runProcess(Package.binary.path, ["run", "--config", work.configPath], directory: work.dir, timeout: 30)
        XCTAssertEqual(run.status, 1, run.all)
        XCTAssertTrue(run.stderr.contains("does not exist") && run.stderr.contains("--init"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.ledgerPath))
        XCTAssertEqual(try Self.drafts(work).count, 0)
    }

    func testEmptyLedgerRefusesToStartAndDraftsNothing() throws {
        try work.onceOK(Self.backfill)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: work.ledgerPath + suffix) }
        try Data().write(to: URL(fileURLWithPath: work.ledgerPath))
        work.initLedgerOnFirstStart = false
        let run = try work.once(Self.backfill)
        XCTAssertEqual(run.status, 1, run.all)
        XCTAssertTrue(run.stderr.contains("is empty"), run.stderr)
        XCTAssertEqual(try Self.drafts(work).count, 4, "nothing drafted again")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: work.ledgerPath)[.size] as? Int, 0, "left as found")
    }

    /// Measured 5: 64 KB of garbage in the middle of the ledger made `once` exit 0, quarantine a
    /// valid request and draft "El correo llegó dañado" to its sender. Now the damage stops the
    /// daemon (exit 1) before any mail is judged.
    func testDamagedLedgerStopsTheDaemonInsteadOfBlamingTheMail() throws {
        try work.onceOK(Self.backfill)
        let size = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: work.ledgerPath)[.size] as? Int)
        XCTAssertGreaterThan(size, 128 * 1024, "a ledger big enough to damage in the middle")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: work.ledgerPath))
        try handle.seek(toOffset: UInt64(size / 2 - 32 * 1024))
        var generator = SystemRandomNumberGenerator()
        try handle.write(contentsOf: Data((0..<(64 * 1024)).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        try handle.close()
        let sample = try String(contentsOf: Package.root.appendingPathComponent("Samples/sample01-credito-completa.eml"), encoding: .utf8)
            .replacingOccurrences(of: "<sample01-credito-completa@icetex.gov.co>", with: "<after-damage@icetex.gov.co>")
        try sample.write(to: work.dir.appendingPathComponent("mail/aseguramientoocm/new/zz-after-damage"), atomically: true, encoding: .utf8)

        let run = try work.once()
        XCTAssertEqual(run.status, 1, run.all)
        XCTAssertTrue(run.stderr.contains("ledger"), run.stderr)
        let drafts = try Self.drafts(work)
        XCTAssertEqual(drafts.count, 4, "nothing drafted from a damaged ledger: \(drafts.map(\.messageID))")
        XCTAssertFalse(drafts.contains { $0.messageID.contains(".ilegible@") }, "the mail is not blamed")
    }

    /// Measured 8: a failed reply could not be retried by anyone (`Ledger.requeue` was unused).
    func testAdminListsRetriesHoldsAndDiscardsReplies() throws {
        try work.onceOK()
        let ledger = try work.ledger()
        let request = try openLeftBehindRequest(ledger)
        let raw = Data("From: aseguramientoocm@icetex.gov.co\r\nTo: ana@icetex.gov.co\r\nSubject: [\(request.id)] reintento\r\nMessage-ID: <retry-me@test>\r\n\r\nhola\r\n".utf8)
        _ = try ledger.recordVerdict(
            request: request.id, revision: 1, state: .observacionesEnviadas, verdictJSON: nil,
            reply: OutgoingReply(target: OutboxTarget(kind: .maildir, mailbox: "aseguramiento"), messageID: "<retry-me@test>", raw: raw))
        let entry = try XCTUnwrap(try ledger.outbox(status: .pending).first)
        try ledger.markDelivering(entry.id)
        try ledger.markFailed(entry.id, error: "folder Borradores does not exist", transient: false)

        let list = try work.command(["outbox", "list"])
        XCTAssertTrue(list.stdout.contains("\(entry.id)  \(request.id) r1  failed"), list.all)
        XCTAssertTrue(list.stdout.contains("Borradores"), list.stdout)
        XCTAssertTrue(try work.status().stdout.contains("reply failed: \(entry.id)"))
        XCTAssertEqual(try work.command(["outbox", "hold", "\(entry.id)"]).status, 0)
        XCTAssertEqual(try work.ledger().outboxEntry(entry.id)?.status, .held)
        let retry = try work.command(["outbox", "retry", "\(entry.id)"])
        XCTAssertEqual(retry.status, 0, retry.all)
        try work.onceOK()
        XCTAssertEqual(try work.ledger().outboxEntry(entry.id)?.status, .delivered)
        XCTAssertEqual(try Self.drafts(work).map(\.messageID), ["<retry-me@test>"])
        let discard = try work.command(["outbox", "discard", "\(entry.id)"])
        XCTAssertEqual(discard.status, 1, "a delivered reply cannot be discarded: \(discard.all)")
    }

    func testSecondDaemonOnTheSameLedgerRefusesAndNamesTheHolder() throws {
        try work.onceOK()
        let lock = try LedgerLock.acquire(ledgerPath: work.ledgerPath)
        let run = try work.once()
        XCTAssertEqual(run.status, 1, run.all)
        XCTAssertTrue(run.stderr.contains("PID \(getpid())"), run.stderr)
        withExtendedLifetime(lock) {}
    }

    func testBackupIsALedgerWithTheSameRequests() throws {
        try work.onceOK(Self.backfill)
        let copy = work.dir.appendingPathComponent("backup.sqlite").path
        let run = try work.command(["backup", copy])
        XCTAssertEqual(run.status, 0, run.all)
        let restored = try Ledger(path: copy, create: false)
        try restored.checkIntegrity()
        XCTAssertEqual(try restored.requests().map(\.id), try work.ledger().requests().map(\.id))
        XCTAssertEqual(try work.command(["backup", copy]).status, 1, "an existing file is never overwritten")
    }

    // MARK: - Pieces

    /// A request opened through the ledger alone, for a message that is not in any Maildir.
    private func openLeftBehindRequest(_ ledger: Ledger) throws -> RequestRecord {
        let box = try XCTUnwrap(try ledger.mailboxState("aseguramiento"))
        let seen = try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: box.uidValidity, uid: 9_000,
                                            messageID: "<by-hand@icetex.gov.co>", raw: Data("Subject: x\r\n\r\ny\r\n".utf8))
        try ledger.markParsed(seen.rowID)
        return try ledger.openRequest(for: seen.rowID, year: 2026)
    }

    struct Draft: Equatable {
        var messageID: String
        var flags: String
    }

    /// Aseguramiento's Maildir Drafts: each file's Message-ID and flags.
    static func drafts(_ work: DaemonWorkspace) throws -> [Draft] {
        let folder = work.dir.appendingPathComponent("mail/aseguramientoocm/.Drafts")
        var drafts: [Draft] = []
        for sub in ["cur", "new"] {
            let dir = folder.appendingPathComponent(sub)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] {
                let text = String(decoding: try Data(contentsOf: dir.appendingPathComponent(name)), as: UTF8.self)
                let id = text.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("message-id:") }
                    .map { String($0.dropFirst("message-id:".count)).trimmingCharacters(in: .whitespaces) } ?? "?"
                drafts.append(Draft(messageID: id, flags: name.components(separatedBy: ":2,").dropFirst().first ?? ""))
            }
        }
        return drafts.sorted { $0.messageID < $1.messageID }
    }

    /// The ledger and the drafts as an admin would compare them: no row ids, times or the
    /// installation id (each workspace has its own).
    static func snapshot(_ work: DaemonWorkspace) throws -> [String] {
        let ledger = try Ledger(path: work.ledgerPath, create: false)
        let installation = try ledger.installationID()
        var lines: [String] = []
        for box in try ledger.mailboxes() { lines.append("mailbox \(box.name) last \(box.lastUID) baseline \(box.baselineUID)") }
        for state in MessageState.allCases {
            for m in try ledger.messages(in: state) {
                lines.append("message \(m.mailbox)/\(m.uid) \(m.state.rawValue) \(m.skipReason ?? "-") \(m.error ?? "-") dup \(m.isDuplicate)")
            }
        }
        for r in try ledger.requests() {
            let members = try ledger.messages(of: r.id).map { "\($0.mailbox)/\($0.uid)" }
            lines.append("request \(r.id) \(r.state.rawValue) rev \(r.revision) \(r.fields.area ?? "-")/\(r.fields.kind ?? "-") \(members)")
        }
        for status in OutboxStatus.allCases {
            for e in try ledger.outbox(status: status) {
                lines.append("outbox \(e.request) r\(e.revision) \(e.status.rawValue) \(e.target.kind.rawValue) \(e.messageID)")
            }
        }
        for draft in try drafts(work) { lines.append("draft \(draft.messageID) flags \(draft.flags)") }
        return lines.map { $0.replacingOccurrences(of: installation, with: "INSTALLATION") }.sorted()
    }

    static func diff(_ expected: [String], _ got: [String]) -> String {
        let missing = expected.filter { !got.contains($0) }.map { "- \($0)" }
        let extra = got.filter { !expected.contains($0) }.map { "+ \($0)" }
        return (missing + extra).joined(separator: "\n")
    }
}
