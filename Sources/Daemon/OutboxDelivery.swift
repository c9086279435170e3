import Foundation
import Ledger
import Logging
import MailTransport
import MIME

/// Delivers what the outbox holds, never twice: each entry is marked `delivering` before the
/// attempt; an entry found `delivering` after a crash is checked at its target (Drafts by
/// Message-ID) before anything is sent again, and one whose outcome cannot be known (SMTP) is
/// held for staff instead of being sent a second time.
struct OutboxDelivery: Sendable {
    let ledger: Ledger
    let mailboxes: [String: any MailTransport.Mailbox]
    let entries: [String: DaemonConfiguration.MailboxEntry]
    let sender: (any MailSender)?
    let logger: Logger

    struct Report: Sendable, Equatable {
        var delivered = 0
        var failed = 0
        var retrying = 0
        var recovered = 0
        var held = 0
    }

    /// Entries left `delivering` by a crash: settle them before new work. A draft found in its
    /// folder is marked delivered; one that is not there is delivered now (the check just made is
    /// what keeps it to once); an SMTP reply whose fate cannot be known is held for staff.
    func recover(into report: inout Report) async {
        for entry in (try? ledger.inDoubtOutbox()) ?? [] {
            do {
                if try await alreadyAtTarget(entry) {
                    _ = try ledger.markDelivered(entry.id)
                    report.recovered += 1
                } else if entry.target.kind == .smtp {
                    _ = try ledger.hold(entry.id, reason: "delivery outcome unknown after a crash: check Sent before approving")
                    report.held += 1
                } else {
                    // Was `requeue`, which only accepts `failed` entries: the entry stayed
                    // `delivering` and its draft was never delivered.
                    try await deliverAndRecord(entry, "reply delivered after a crash")
                    report.recovered += 1
                }
            } catch {
                logger.error("outbox recovery", metadata: ["request": "\(entry.request)", "error": "\(error)"])
                // A draft is checked at its target again before any retry, so it may go back to
                // the queue; an SMTP entry stays in doubt until it can be held.
                if entry.target.kind != .smtp {
                    _ = try? ledger.markFailed(entry.id, error: "\(error)", transient: Self.isTransient(error))
                }
            }
        }
    }

    func deliverDue(now: Date) async -> Report {
        var report = Report()
        await recover(into: &report)
        for entry in (try? ledger.dueOutbox(now: now)) ?? [] {
            do {
                _ = try ledger.markDelivering(entry.id)
                if try await alreadyAtTarget(entry) {
                    _ = try ledger.markDelivered(entry.id)
                    report.delivered += 1
                    continue
                }
                try await deliverAndRecord(entry, "reply delivered")
                report.delivered += 1
            } catch {
                let transient = Self.isTransient(error)
                _ = try? ledger.markFailed(entry.id, error: "\(error)", transient: transient)
                if transient { report.retrying += 1 } else { report.failed += 1 }
                logger.error("reply delivery failed", metadata: ["request": "\(entry.request)", "transient": "\(transient)",
                                                                 "error": "\(error)"])
            }
        }
        return report
    }

    /// Delivers, then records the delivery: the ledger says `delivered` only after the target has it.
    func deliverAndRecord(_ entry: OutboxEntry, _ event: Logger.Message) async throws {
        try await deliver(entry)
        _ = try ledger.markDelivered(entry.id)
        logger.info(event, metadata: ["request": "\(entry.request)", "revision": "\(entry.revision)",
                                      "target": "\(entry.target.kind.rawValue)"])
    }

    func alreadyAtTarget(_ entry: OutboxEntry) async throws -> Bool {
        guard entry.target.kind != .smtp, let mailbox = mailboxes[entry.target.mailbox],
              let config = entries[entry.target.mailbox] else { return false }
        return try await mailbox.containsMessage(messageID: entry.messageID, folder: config.draftsFolder)
    }

    func deliver(_ entry: OutboxEntry) async throws {
        let raw = [UInt8](entry.raw)
        switch entry.target.kind {
        case .drafts, .maildir:
            guard let mailbox = mailboxes[entry.target.mailbox], let config = entries[entry.target.mailbox] else {
                throw DeliveryProblem("mailbox '\(entry.target.mailbox)' is not configured")
            }
            _ = try await mailbox.appendDraft(raw, folder: config.draftsFolder)
        case .smtp:
            guard let sender else { throw DeliveryProblem("no smtp server configured") }
            let message = MessageParser.parse(raw)
            guard let from = message.from?.address else { throw DeliveryProblem("reply has no From") }
            try await sender.send(raw, from: from, to: (message.to + message.cc).map(\.address))
        }
    }

    static func isTransient(_ error: any Error) -> Bool {
        if let error = error as? MailboxError { return error.disposition != .permanent }
        if let error = error as? MailSendError { return error.disposition != .permanent }
        return !(error is DeliveryProblem)
    }
}

/// A delivery that cannot work with this configuration: permanent, not retried.
struct DeliveryProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
