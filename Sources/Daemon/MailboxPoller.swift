import Foundation
import Ledger
import Logging
import MailTransport
import MIME

/// One mailbox, one poll: a fresh EXAMINE (IMAP) or scan (Maildir), then the UIDs after the last
/// one handled, each fetched, stored raw in the ledger with its arrival time before anything
/// else, and processed. Progress advances one UID at a time, so a crash repeats at most the
/// message in hand (and the ledger makes that a no-op).
///
/// After a UIDVALIDITY change (or while no UID was ever handled past the baseline) UIDs mean
/// nothing: only mail that arrived after the cut (the baseline's time, or `--backfill-since`) is
/// read, the newest first, found by `SEARCH SINCE` and INTERNALDATE, so new mail is answered in the
/// same cycle and backlog never is (issue 7 item 6).
struct MailboxPoller: Sendable {
    let entry: DaemonConfiguration.MailboxEntry
    let mailbox: any MailTransport.Mailbox
    let ledger: Ledger
    let intake: MessageIntake
    let batchSize: Int
    let logger: Logger
    let stop: StopFlag

    struct Report: Sendable, Equatable {
        var mailbox: String
        var baseline = false
        var uidValidityChanged = false
        var fetched = 0
        var outcomes: [MessageIntake.Outcome] = []
    }

    /// `backfillSince`: on first start, handle mail from that date instead of taking a baseline.
    func poll(backfillSince: Date?) async throws(MailboxError) -> Report {
        var report = Report(mailbox: entry.role)
        let name = entry.ledgerName
        do {
            // Inside the do: a server that is down is recorded as this mailbox's poll error (status).
            let status = try await mailbox.status()
            guard let current = try position(status, backfillSince: backfillSince, report: &report) else {
                _ = try ledger.recordPoll(mailbox: name)
                return report
            }
            let last = status.uidNext > 0 ? status.uidNext - 1 : 0
            if current.lastUID == 0, current.baselineUID == 0, last > 0 {
                try await reread(status, last: last, cut: backfillSince ?? current.baselineAt, report: &report)
            } else if last > current.lastUID {
                try await readOn(status, from: current.lastUID, last: last, since: backfillSince, report: &report)
            }
            _ = try ledger.recordPoll(mailbox: name)
        } catch let error as MailboxError {
            _ = try? ledger.recordPoll(mailbox: name, error: error.description)
            throw error
        } catch {
            _ = try? ledger.recordPoll(mailbox: name, error: "\(error)")
            throw MailboxError(mailbox: name, operation: .scan, reason: .invalidRequest("ledger: \(error)"))
        }
        return report
    }

    /// The ledger's position for this mailbox: a baseline on first start (nil: nothing more to
    /// do this cycle), reset to "re-read by arrival" when UIDVALIDITY changed.
    private func position(_ status: MailboxStatus, backfillSince: Date?, report: inout Report) throws -> MailboxState? {
        let name = entry.ledgerName
        guard let state = try ledger.mailboxState(name) else {
            // First start: everything already there is backlog, unless a backfill was asked.
            let uidNext = backfillSince == nil ? status.uidNext : 1
            let state = try ledger.recordBaseline(mailbox: name, uidValidity: status.uidValidity, uidNext: uidNext, since: backfillSince)
            report.baseline = backfillSince == nil
            logger.info("baseline", metadata: ["mailbox": "\(name)", "uidnext": "\(status.uidNext)", "backfill": "\(backfillSince != nil)"])
            return backfillSince == nil ? nil : state
        }
        guard state.uidValidity != status.uidValidity else { return state }
        // The server renumbered the mailbox: read what arrived since the baseline again; keys keep replies unique.
        logger.notice("uidvalidity changed", metadata: ["mailbox": "\(name)", "old": "\(state.uidValidity)", "new": "\(status.uidValidity)"])
        report.uidValidityChanged = true
        return try ledger.resetForNewUIDValidity(mailbox: name, uidValidity: status.uidValidity)
    }

    /// The normal case: UIDs after `from`, ascending, at most `batchSize` per cycle.
    private func readOn(_ status: MailboxStatus, from: UInt32, last: UInt32, since: Date?, report: inout Report) async throws {
        let name = entry.ledgerName
        let through = min(last, from &+ UInt32(batchSize))
        let uids = try await mailbox.uids(after: from, through: through)
        let arrivals = try await mailbox.arrivals(of: uids, uidValidity: status.uidValidity)
        try await takeInOrder(uids, status: status, arrivals: arrivals, since: since, report: &report) { uid in
            _ = try ledger.advance(mailbox: name, uidValidity: status.uidValidity, lastUID: uid)
        }
        if !stop.isRaised, uids.isEmpty || uids.last! < through {
            _ = try ledger.advance(mailbox: name, uidValidity: status.uidValidity, lastUID: through)
        }
    }

    /// Mail that arrived at or after `cut` and is not in the ledger yet, the newest `batchSize`
    /// per cycle; once none is left, every UID up to `last` counts as handled.
    private func reread(_ status: MailboxStatus, last: UInt32, cut: Date, report: inout Report) async throws {
        // INTERNALDATE has whole seconds: the baseline's own second counts as after it (lose nothing).
        let since = Date(timeIntervalSince1970: cut.timeIntervalSince1970.rounded(.down))
        let known = try ledger.recordedUIDs(mailbox: entry.ledgerName, uidValidity: status.uidValidity)
        let searched = try await mailbox.uids(arrivedSince: since).filter { $0 <= last && !known.contains($0) }
        let arrivals = try await mailbox.arrivals(of: searched, uidValidity: status.uidValidity)
        // A UID the server gives no time for is kept: its Date header decides in MessageIntake.
        let candidates = searched.filter { (arrivals[$0] ?? since) >= since }.sorted(by: >)
        logger.info("re-read by arrival", metadata: ["mailbox": "\(entry.ledgerName)", "since": "\(since)",
                                                     "searched": "\(searched.count)", "candidates": "\(candidates.count)"])
        // The newest batch first (new mail waits behind no re-read), in arrival order within it,
        // so a follow-up still comes after the request it answers.
        let batch = candidates.prefix(batchSize).sorted { (arrivals[$0] ?? since, $0) < (arrivals[$1] ?? since, $1) }
        try await takeInOrder(Array(batch), status: status, arrivals: arrivals, since: since, report: &report) { _ in }
        if !stop.isRaised, candidates.count <= batchSize {
            _ = try ledger.advance(mailbox: entry.ledgerName, uidValidity: status.uidValidity, lastUID: last)
        }
    }

    /// Fetch one message and record it with its arrival (nil: it vanished). Its bytes live only
    /// here: the intake reads them back from the ledger, so one copy is held at a time (issue 11).
    /// `fetched`: the message already fetched (`takeInOrder`), else it is fetched here.
    func record(_ uid: UInt32, status: MailboxStatus, arrival: Date?, fetched prefetched: Fetched? = nil) async throws -> SeenMessage? {
        let raw: [UInt8]
        var size: Int?, headerOnly = false
        let fetched: Fetched
        if let prefetched { fetched = prefetched } else { fetched = try await fetchOne(uid: uid, uidValidity: status.uidValidity) }
        switch fetched {
        case .message(let bytes):
            raw = bytes
        case .tooLarge(let header, let fullSize):
            // Too large to read: keep its header (who, what) so the sender still hears why.
            raw = header
            (size, headerOnly) = (fullSize, true)
        case .vanished:
            // Expunged between the search and the fetch: never seen, nothing to lose.
            logger.notice("message vanished", metadata: ["mailbox": "\(entry.ledgerName)", "uid": "\(uid)"])
            return nil
        }
        // The Date header only when the server said nothing about the arrival.
        let arrivedAt = arrival ?? MessageParser.parse(raw).date?.instant
        let seen = try ledger.recordMessage(mailbox: entry.ledgerName, uidValidity: status.uidValidity, uid: uid,
                                            messageID: HeaderBlock.messageID(in: raw), bytes: raw, arrivedAt: arrivedAt,
                                            headerOnly: headerOnly, serverSize: size)
        return seen
    }

    enum Fetched {
        case message([UInt8])
        case tooLarge(header: [UInt8], size: Int?)
        case vanished
    }

    func fetchOne(uid: UInt32, uidValidity: UInt32) async throws(MailboxError) -> Fetched {
        let failure: MailboxError
        do {
            return .message(try await mailbox.fetch(uid: uid, uidValidity: uidValidity))
        } catch {
            failure = error
        }
        if failure.isMessageNotFound { return .vanished }
        guard failure.isMessageTooLarge else { throw failure }
        let head = try await mailbox.fetchHeader(uid: uid, uidValidity: uidValidity)
        return .tooLarge(header: head.header, size: head.size)
    }
}
