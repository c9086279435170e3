import Foundation
import Ledger
import XCTest

/// Issue 7 item 4, "arrival, not the sender's clock", through the real binary on local Maildirs
/// (arrival = the file's time): the request's year, its request day (lead times, plan) and the
/// per-sender daily count follow when the mail reached OCM, whatever its Date header says or when
/// it has none. Also item 1's drain: a too-large mail cut by a crash is answered "too large".
final class ArrivalDecisionTests: XCTestCase {
    private var work: DaemonWorkspace!

    override func setUpWithError() throws {
        work = try DaemonWorkspace()
        try work.writeMaildirConfig()
        for box in ["aseguramientoocm", "formacionocm"] {
            for sub in ["cur", "new", "tmp"] {
                try FileManager.default.createDirectory(at: work.dir.appendingPathComponent("mail/\(box)/\(sub)"),
                                                        withIntermediateDirectories: true)
            }
        }
    }

    override func tearDown() { work?.remove() }

    /// 15:00 UTC (10:00 in Bogotá) on `day` of November 2026.
    static func november(_ day: Int, hour: Int = 15) -> Date {
        Date(timeIntervalSince1970: 1_793_491_200 + Double(day - 1) * 86_400 + Double(hour) * 3_600)
    }

    /// Delivers `raw` into Aseguramiento's Maildir as arrived at `arrival` (the file's time);
    /// `order` keeps the UIDs (name order) as the test wants.
    private func deliver(_ raw: [UInt8], arrival: Date, order: Int) throws {
        let file = work.dir.appendingPathComponent(String(format: "mail/aseguramientoocm/new/%010d.M%03dP1.test", 1_700_000_000 + order, order))
        try Data(raw).write(to: file)
        try FileManager.default.setAttributes([.modificationDate: arrival], ofItemAtPath: file.path)
    }

    private func requestDay(_ record: RequestRecord) throws -> String? {
        let json = try XCTUnwrap(record.verdictJSON?.data(using: .utf8), "\(record.id) has a verdict")
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        return (object?["plan"] as? [String: Any])?["requestDay"] as? String
    }

    func testYearAndRequestDayComeFromArrivalNotTheDateHeader() throws {
        // A sender whose clock is 17 months behind (Date in 2025), and one mail with no Date at all.
        let backdated = try TestMail.request(from: "ana@icetex.gov.co", date: Date(timeIntervalSince1970: 1_751_371_200))  // 2025-07-01
        XCTAssertTrue(String(decoding: backdated.raw, as: UTF8.self).contains("Date: Tue, 01 Jul 2025"))
        try deliver(backdated.raw, arrival: Self.november(23), order: 1)
        let undated = try TestMail.request(from: "jorge@icetex.gov.co")
        let withoutDate = DaemonUIDValidityTests.removingDate(undated.raw)
        XCTAssertFalse(String(decoding: withoutDate, as: UTF8.self).lowercased().contains("\ndate:"))
        try deliver(withoutDate, arrival: Self.november(24), order: 2)

        // Backfill from 2026-01-01: the cut, too, reads the arrival (the 2025 Date is no backlog).
        let run = try work.onceOK(RecoveryTests.backfill)
        let ledger = try work.ledger()
        let requests = try ledger.requests().sorted { $0.id.description < $1.id.description }
        XCTAssertEqual(requests.map(\.id.description), ["OCM-2026-0001", "OCM-2026-0002"], "the year of arrival: \(run.all)")
        XCTAssertEqual(try requests.map(requestDay), ["2026-11-23", "2026-11-24"], "the request day is the day of arrival")
        for request in requests {
            let origin = try XCTUnwrap(try ledger.message(request.originMessage))
            XCTAssertEqual(origin.arrivedAt?.timeIntervalSince1970 ?? 0,
                           Self.november(request.id.description.hasSuffix("1") ? 23 : 24).timeIntervalSince1970, accuracy: 1)
        }
    }

    /// A follow-up (its clock in 2025, too) judges the thread again: the request day stays the
    /// day the first mail arrived, the follow-up's own day is its arrival.
    func testAFollowUpKeepsTheRequestDayOfArrival() throws {
        let backdated = Date(timeIntervalSince1970: 1_751_371_200)  // 2025-07-01
        let request = try TestMail.request(from: "ana@icetex.gov.co", date: backdated)
        try deliver(request.raw, arrival: Self.november(23), order: 1)
        let followUp = """
            From: Ana Test <ana@icetex.gov.co>\r
            To: aseguramientoocm@icetex.gov.co\r
            Subject: RE: [OCM-2026-0001] Solicitud de capacitación\r
            Date: \(TestMail.rfc5322(backdated.addingTimeInterval(86_400)))\r
            Message-ID: <follow-up-\(UUID().uuidString)@icetex.gov.co>\r
            In-Reply-To: \(request.messageID)\r
            References: \(request.messageID)\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Buenos días, envío de nuevo la solicitud con los ajustes indicados.\r

            """
        try deliver(Array(followUp.utf8), arrival: Self.november(30), order: 2)

        let run = try work.onceOK(RecoveryTests.backfill)
        let record = try XCTUnwrap(try work.ledger().requests().first, run.all)
        XCTAssertEqual(record.id.description, "OCM-2026-0001")
        XCTAssertEqual(record.revision, 2, "the follow-up judged the request again: \(run.all)")
        XCTAssertEqual(try requestDay(record), "2026-11-23", "the request day is the first mail's arrival")
        XCTAssertEqual(try work.ledger().messages(of: record.id).count, 2)
    }

    /// The daily limit (10) counts the requests that ARRIVED that day: ten on the 23rd (their
    /// clocks say the 24th) and one on the 24th (its clock says the 23rd) are all answered though
    /// they are read in one cycle; a further one that arrived on the 23rd is the 11th of its day.
    func testDailyLimitCountsByArrivalDay() throws {
        var ids: [String] = []
        for order in 1...12 {
            let (arrived, dated) = order == 11 ? (24, 23) : order == 12 ? (23, 25) : (23, 24)
            let mail = try TestMail.request(from: "ana@icetex.gov.co", date: Self.november(dated))
            ids.append(mail.messageID)
            try deliver(mail.raw, arrival: Self.november(arrived, hour: 13 + order / 4), order: order)
        }
        let run = try work.onceOK(RecoveryTests.backfill)
        let ledger = try work.ledger()
        XCTAssertEqual(try ledger.requests().count, 11, run.all)
        let skipped = try ledger.messages(in: .skipped)
        XCTAssertEqual(skipped.map(\.skipReason), ["rate_limited"], run.all)
        XCTAssertEqual(skipped.first?.messageID, ids[11], "the 12th mail, the 11th that arrived on the 23rd")
    }

    /// A first start with `--backfill-since`, cut short by a crash after its first mail, and
    /// restarted as systemd would, without the flag: the rest of the backfill is still answered
    /// (the cut is kept as the baseline's time), not dropped as backlog.
    func testABackfillCutShortGoesOnAfterARestartWithoutTheFlag() throws {
        let crashed = try RecoveryTests.workspace()
        defer { crashed.remove() }
        let first = try crashed.command(["once"] + RecoveryTests.backfill, logLevel: "error",
                                        extraEnvironment: ["OCM_INTAKE_CRASH_AFTER_STEP": "1"])
        XCTAssertEqual(first.status, 99, first.all)
        let restart = try crashed.command(["once"])
        XCTAssertEqual(restart.status, 0, restart.all)
        XCTAssertEqual(try crashed.ledger().requests().count, 3, restart.all)
        XCTAssertEqual(try RecoveryTests.drafts(crashed).count, 4, "3 first replies and the follow-up's")
    }

    /// Item 1: a mail over `max_message_bytes` stored (header only) and then cut by a crash is
    /// drained by the next cycle and gets the same "too large" reply as an uninterrupted run,
    /// never a verdict on its header alone. Every durable step of the batch is tried.
    func testTooLargeMailDrainedAfterACrashIsAnsweredTooLarge() throws {
        let config = "max_message_bytes: 4096"
        let reference = try RecoveryTests.workspace(extraConfig: config)
        defer { reference.remove() }
        XCTAssertEqual(try reference.command(["once"] + RecoveryTests.backfill).status, 0)
        let expected = try RecoveryTests.snapshot(reference)
        XCTAssertEqual(try RecoveryTests.drafts(reference).count, 4)

        var drained = 0, steps = 0
        for step in 1...120 {
            let crashed = try RecoveryTests.workspace(extraConfig: config)
            defer { crashed.remove() }
            let first = try crashed.command(["once"] + RecoveryTests.backfill, logLevel: "error",
                                            extraEnvironment: ["OCM_INTAKE_CRASH_AFTER_STEP": "\(step)"])
            if first.status == 0 { break }
            XCTAssertEqual(first.status, 99, "step \(step): \(first.all)")
            steps = step
            if first.stderr.contains(": recordMessage ") { drained += 1 }
            let restart = try crashed.command(["once"] + RecoveryTests.backfill, logLevel: "error")
            XCTAssertEqual(restart.status, 0, restart.all)
            XCTAssertEqual(try RecoveryTests.snapshot(crashed), expected,
                           "crash after step \(step) (\(first.stderr.split(separator: "\n").last ?? ""))")
            let folder = crashed.dir.appendingPathComponent("mail/aseguramientoocm/.Drafts/cur")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            XCTAssertEqual(names.count, 4, "step \(step)")
            for name in names {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                XCTAssertTrue(text.contains(".ilegible@"), "step \(step): the 'too large' reply, not \(text.prefix(400))")
            }
        }
        print("too-large crash sweep: \(steps) steps (\(drained) right after storing a too-large mail), all answered 'too large'")
        XCTAssertGreaterThanOrEqual(drained, 4)
    }
}
