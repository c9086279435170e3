import Foundation
import Ledger
import Logging
import MailTransport

/// Drafts go out in batches on the mailbox's open connection (issue 11): one Message-ID search
/// for the batch, one commit marking it `delivering`, an APPEND per reply, one STORE setting
/// `\Draft` on all of them, one commit marking them `delivered`. The entries stay `delivering`
/// until their flags are set, so a crash anywhere in between leaves them to `recover`, which
/// finds each by Message-ID and repairs its flags; a batch that may already be partly there
/// (a retry after a cut) goes one entry at a time, as before.
extension OutboxDelivery {
    /// Replies per batch: the search and the STORE stay short commands.
    static let draftsPerBatch = 100

    func deliverDrafts(_ due: [OutboxEntry], through role: String, report: inout Report) async throws {
        guard let mailbox = mailboxes[role], let folder = entries[role]?.draftsFolder else { return }
        var start = 0
        while start < due.count {
            let batch = Array(due[start..<min(start + Self.draftsPerBatch, due.count)])
            start += batch.count
            let clear: Bool
            do {
                clear = try await !mailbox.containsAny(messageIDs: batch.map(\.messageID), folder: folder)
            } catch {
                clear = false  // each entry then meets the error itself, and is recorded with it
            }
            if clear {
                try await deliverBatch(batch, mailbox: mailbox, folder: folder, report: &report)
            } else {
                for entry in batch { try await deliverOne(entry, report: &report) }
            }
        }
    }

    /// A batch known not to be at its target yet.
    private func deliverBatch(_ batch: [OutboxEntry], mailbox: any MailTransport.Mailbox, folder: String,
                              report: inout Report) async throws {
        try ledger.markDelivering(batch.map(\.id))
        crash.passed("markDelivering \(batch.count) from \(batch[0].id)")
        var appended: [(entry: OutboxEntry, uid: UInt32?)] = []
        for entry in batch {
            do {
                appended.append((entry, try await mailbox.appendUnflagged([UInt8](entry.raw), folder: folder)))
                crash.passed("appended \(entry.id)")
            } catch {
                try recordFailure(entry, error, report: &report)
            }
        }
        guard !appended.isEmpty else { return }
        do {
            try await mailbox.flagDrafts(uids: appended.compactMap(\.uid), folder: folder)
            crash.passed("flagDrafts \(appended.count) from \(appended[0].entry.id)")
        } catch {
            // Stored but not flagged: the retry finds them by Message-ID and repairs the flags.
            for (entry, _) in appended { try recordFailure(entry, error, report: &report) }
            return
        }
        try ledger.markDelivered(appended.map(\.entry.id))
        crash.passed("markDelivered \(appended.count) from \(appended[0].entry.id)")
        report.delivered += appended.count
        for (entry, _) in appended {
            logger.info("reply delivered", metadata: ["request": "\(entry.request)", "revision": "\(entry.revision)",
                                                      "target": "\(entry.target.kind.rawValue)"])
        }
    }
}
