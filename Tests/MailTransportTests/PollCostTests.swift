import Foundation
import XCTest
@testable import MailTransport

/// design.md: "A poll with no new mail costs the same whether the mailbox holds 10 or 100,000
/// messages." Opt-in (it fills a mailbox): `OCM_POLL_COST_MESSAGES=100000` with a lab, best on
/// tmpfs (`lab-up.sh "$(mktemp -d -p /dev/shm)"`). Prints the figures.
final class PollCostTests: XCTestCase {
    func testPollCostDoesNotDependOnMailboxSize() async throws {
        let lab = try MailLab.require()
        guard let big = ProcessInfo.processInfo.environment["OCM_POLL_COST_MESSAGES"].flatMap(Int.init) else {
            throw XCTSkip("NOTICE: OCM_POLL_COST_MESSAGES unset: poll-cost benchmark skipped")
        }
        let fill = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../scripts/lab/lab-fill.sh").path
        let tag = String(UUID().uuidString.prefix(6))
        var figures: [(count: Int, transfers: Int, connections: Int, status: Double, search: Double)] = []
        for count in [10, big] {
            let folder = "Bulk\(count)-\(tag)"
            let started = Date()
            let filled = try MailLab.run(fill, [lab["LAB"], "jorge", folder, "\(count)"])
            XCTAssertEqual(filled.status, 0, filled.stderr)
            print("filled \(folder) with \(count) messages in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")

            let mailbox = try IMAPMailbox(configuration: lab.imap("jorge", mailbox: folder))
            let first = try await mailbox.status()  // login + first STATUS (index warm-up)
            XCTAssertEqual(first.messages, count)
            let before = await mailbox.counters

            // Five polls with nothing new (one EXAMINE each, no search), then the newest ten as
            // after a burst of new mail (one bounded UID SEARCH). Times: the last round.
            var statusTime = Duration.zero, searchTime = Duration.zero
            for _ in 0..<5 {
                var clock = ContinuousClock.now
                let status = try await mailbox.status()
                statusTime = ContinuousClock.now - clock
                let nothing = try await mailbox.uids(after: status.uidNext - 1, through: status.uidNext - 1)
                XCTAssertEqual(nothing, [])
                clock = ContinuousClock.now
                let newest = try await mailbox.uids(after: status.uidNext - 11, through: status.uidNext - 1)
                searchTime = ContinuousClock.now - clock
                XCTAssertEqual(newest.count, 10)
            }
            let after = await mailbox.counters
            if count > Int(IMAPMailbox.uidsPerSearch) {
                // A full re-read (UIDVALIDITY changed) in bounded chunks: one `UID SEARCH UID 1:*`
                // would exceed Debian libcurl's 300 KiB line cap (error 56) past ~53k messages.
                let clock = ContinuousClock.now
                let all = try await mailbox.uids(after: 0, through: nil)
                let elapsed = ContinuousClock.now - clock
                XCTAssertEqual(all.count, count)
                let chunks = await mailbox.counters.transfers - after.transfers
                print("full re-read of \(count) UIDs: \(chunks) commands (STATUS + \(chunks - 1) bounded searches), \(Self.ms(elapsed)) ms")
            }
            figures.append((count, after.transfers - before.transfers, after.connections - before.connections,
                            Self.ms(statusTime), Self.ms(searchTime)))
        }
        for figure in figures {
            print("poll cost, \(figure.count) messages: \(figure.transfers) commands in 5 rounds, \(figure.connections) new connections, "
                  + "last round: STATUS \(figure.status) ms, UID SEARCH of the newest 10 \(figure.search) ms")
        }
        XCTAssertEqual(figures[0].transfers, figures[1].transfers)
        XCTAssertEqual(figures[1].transfers, 10, "per round one EXAMINE + one UID SEARCH")
        XCTAssertEqual(figures[1].connections, 0)
    }

    static func ms(_ duration: Duration) -> Double {
        ((Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15) * 1000).rounded() / 1000
    }
}
