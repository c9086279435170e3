import Foundation
import Ledger
import MailTransport

/// The poll's second core (issue 11): while one mail is judged, the next one is fetched, so the
/// wire and Dovecot overlap with judging. Nothing else changes: each mail is still recorded in
/// the ledger before it is judged, one at a time and strictly in the given order; a mail fetched
/// ahead is only held in memory until its turn, and dropped unrecorded when the daemon stops (the
/// next cycle fetches it again). A mail larger than `prefetchLimit` is judged with nothing
/// fetched beside it, so at most one large message is held at a time.
extension MailboxPoller {
    /// Bytes of the mail in hand above which the next one is not fetched ahead.
    static let prefetchLimit = 8 << 20

    /// Fetches, records and processes `uids` in order, one fetch ahead; `handled` runs after each
    /// (the poller's progress). Returns early, between mails, when the stop flag is raised.
    func takeInOrder(_ uids: [UInt32], status: MailboxStatus, arrivals: [UInt32: Date], since: Date?,
                     report: inout Report, handled: (UInt32) throws -> Void) async throws {
        var ahead: Task<Fetched, any Error>?
        do {
            for (index, uid) in uids.enumerated() {
                if stop.isRaised { break }
                var inHand: Fetched?
                if let ahead { inHand = try await ahead.value } else { inHand = try await fetchOne(uid: uid, uidValidity: status.uidValidity) }
                ahead = nil
                if index + 1 < uids.count, (inHand?.byteCount ?? 0) <= Self.prefetchLimit, !stop.isRaised {
                    let next = uids[index + 1]
                    ahead = Task { try await fetchOne(uid: next, uidValidity: status.uidValidity) }
                }
                // Handed over, not kept: the intake reads the mail back from the ledger, and a copy
                // held here too during judging put a large mail in memory twice (memory.sh: 3.05×).
                if let seen = try await record(uid, status: status, arrival: arrivals[uid], fetched: inHand.take()) {
                    report.fetched += 1
                    report.outcomes.append(intake.process(seen, backfillSince: since))
                }
                try handled(uid)
            }
        } catch {
            _ = try? await ahead?.value
            throw error
        }
        // Stopped between mails: the transfer ahead ends (the stop flag cuts a stuck one short).
        _ = try? await ahead?.value
    }
}

extension MailboxPoller.Fetched {
    var byteCount: Int {
        switch self {
        case .message(let bytes): bytes.count
        case .tooLarge(let header, _): header.count
        case .vanished: 0
        }
    }
}
