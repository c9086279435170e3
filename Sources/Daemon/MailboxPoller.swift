import Foundation
import Ledger
import Logging
import MailTransport
import MIME

/// One mailbox, one poll: STATUS, then the UIDs after the last one handled, each fetched, stored
/// raw in the ledger before anything else, and processed. Progress advances one UID at a time,
/// so a crash repeats at most the message in hand (and the ledger makes that a no-op).
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
            var state = try ledger.mailboxState(name)
            if state == nil {
                // First start: everything already there is backlog, unless a backfill was asked.
                let uidNext = backfillSince == nil ? status.uidNext : 1
                state = try ledger.recordBaseline(mailbox: name, uidValidity: status.uidValidity, uidNext: uidNext)
                report.baseline = backfillSince == nil
                logger.info("baseline", metadata: ["mailbox": "\(name)", "uidnext": "\(status.uidNext)", "backfill": "\(backfillSince != nil)"])
                if backfillSince == nil { _ = try ledger.recordPoll(mailbox: name); return report }
            }
            guard var current = state else { return report }
            if current.uidValidity != status.uidValidity {
                // The server renumbered the mailbox: read it again; Message-IDs keep replies unique.
                logger.notice("uidvalidity changed", metadata: ["mailbox": "\(name)", "old": "\(current.uidValidity)", "new": "\(status.uidValidity)"])
                current = try ledger.resetForNewUIDValidity(mailbox: name, uidValidity: status.uidValidity)
                report.uidValidityChanged = true
            }
            let last = status.uidNext > 0 ? status.uidNext - 1 : 0
            guard last > current.lastUID else { _ = try ledger.recordPoll(mailbox: name); return report }
            let through = min(last, current.lastUID &+ UInt32(batchSize))
            let uids = try await mailbox.uids(after: current.lastUID, through: through)
            let since = report.uidValidityChanged ? current.baselineAt : backfillSince
            for uid in uids {
                if stop.isRaised { break }
                let raw: [UInt8]
                var oversize: MessageIntake.Oversize?
                switch try await fetchOne(uid: uid, uidValidity: status.uidValidity) {
                case .message(let bytes):
                    raw = bytes
                case .tooLarge(let header, let size):
                    // Too large to read: keep its header (who, what) so the sender still hears why.
                    raw = header
                    oversize = MessageIntake.Oversize(bytes: size, limit: entry.server.maxMessageBytes)
                case .vanished:
                    // Expunged between the search and the fetch: never seen, nothing to lose.
                    logger.notice("message vanished", metadata: ["mailbox": "\(name)", "uid": "\(uid)"])
                    _ = try ledger.advance(mailbox: name, uidValidity: status.uidValidity, lastUID: uid)
                    continue
                }
                report.fetched += 1
                let messageID = HeaderBlock.messageID(in: raw)
                let seen = try ledger.recordMessage(mailbox: name, uidValidity: status.uidValidity, uid: uid,
                                                    messageID: messageID, raw: Data(raw))
                report.outcomes.append(intake.process(seen, backfillSince: since, oversize: oversize))
                _ = try ledger.advance(mailbox: name, uidValidity: status.uidValidity, lastUID: uid)
            }
            if !stop.isRaised, uids.isEmpty || uids.last! < through {
                _ = try ledger.advance(mailbox: name, uidValidity: status.uidValidity, lastUID: through)
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
