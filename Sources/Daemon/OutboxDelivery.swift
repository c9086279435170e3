import Foundation
import Ledger
import Logging
import MailTransport
import MIME

/// Delivers what the outbox holds, never twice. Each entry is marked `delivering` before the
/// attempt. An entry found `delivering` at the start of a cycle (a crash) is settled before
/// anything else: a draft is looked up in its folder by Message-ID (found: its flags repaired,
/// marked delivered; not found: delivered now), an SMTP reply whose fate cannot be known is
/// `held` for staff. An SMTP transfer cut after the data was handed over (timeout, connection
/// lost) is held the same way, never resent blindly.
struct OutboxDelivery: Sendable {
    let ledger: Ledger
    let mailboxes: [String: any MailTransport.Mailbox]
    let entries: [String: DaemonConfiguration.MailboxEntry]
    let sender: (any MailSender)?
    let logger: Logger
    var crash: CrashPoint = .shared

    struct Report: Sendable, Equatable {
        var delivered = 0
        var failed = 0
        var retrying = 0
        var recovered = 0
        var held = 0
    }

    static let heldAfterCrash = "SMTP outcome unknown (interrupted while sending): check Sent, then `ocm-intake outbox retry` or `discard`"

    /// Entries left `delivering` by a crash. Throws only ledger errors (the cycle stops).
    func recover(into report: inout Report) async throws {
        for entry in try ledger.inDoubtOutbox() {
            do {
                if entry.target.kind == .smtp {
                    try ledger.hold(entry.id, reason: Self.heldAfterCrash)
                    crash.passed("hold \(entry.id)")
                    report.held += 1
                    logger.warning("reply held", metadata: ["request": "\(entry.request)", "reason": "\(Self.heldAfterCrash)"])
                } else if try await alreadyAtTarget(entry) {
                    try await repairFlags(entry)
                    try ledger.markDelivered(entry.id, reason: "found at its target after a crash")
                    crash.passed("markDelivered \(entry.id)")
                    report.recovered += 1
                } else {
                    // Not there: the check just made is what keeps it to once.
                    try await deliverAndRecord(entry, "reply delivered after a crash")
                    report.recovered += 1
                }
            } catch let error as LedgerError {
                throw error
            } catch {
                logger.error("outbox recovery", metadata: ["request": "\(entry.request)", "error": "\(error)"])
                try ledger.markFailed(entry.id, error: "\(error)", transient: Self.isTransient(error))
                crash.passed("markFailed \(entry.id)")
            }
        }
    }

    /// Due entries, oldest first. Throws only ledger errors (the cycle stops).
    func deliverDue(now: Date) async throws -> Report {
        var report = Report()
        var drafts: [String: [OutboxEntry]] = [:]
        for entry in try ledger.dueOutbox(now: now) {
            if entry.target.kind != .smtp, mailboxes[entry.target.mailbox] != nil, entries[entry.target.mailbox] != nil {
                drafts[entry.target.mailbox, default: []].append(entry)  // batched below (OutboxDelivery+DraftBatch)
            } else {
                try await deliverOne(entry, report: &report)
            }
        }
        for (role, due) in drafts.sorted(by: { $0.key < $1.key }) {
            try await deliverDrafts(due, through: role, report: &report)
        }
        return report
    }

    /// One entry on its own: the SMTP path, and drafts whose batch could not be checked at once.
    func deliverOne(_ entry: OutboxEntry, report: inout Report) async throws {
        try ledger.markDelivering(entry.id)
        crash.passed("markDelivering \(entry.id)")
        do {
            if try await alreadyAtTarget(entry) {
                try await repairFlags(entry)
                try ledger.markDelivered(entry.id, reason: "already at its target")
                crash.passed("markDelivered \(entry.id)")
            } else {
                try await deliverAndRecord(entry, "reply delivered")
            }
            report.delivered += 1
        } catch let error as LedgerError {
            throw error
        } catch {
            try recordFailure(entry, error, report: &report)
        }
    }

    /// A delivery that did not happen, or may have: held for a person when it must not be tried
    /// again blindly (over the server's APPENDLIMIT, issue 10; SMTP outcome unknown, issue 7),
    /// else failed, transient or not. A ledger error stops the cycle.
    func recordFailure(_ entry: OutboxEntry, _ error: any Error, report: inout Report) throws {
        if let error = error as? LedgerError { throw error }
        if let error = error as? MailboxError, error.isOverAppendLimit {
            try ledger.hold(entry.id, reason: "\(error)")
            report.held += 1
            logger.error("reply held: over the server's size limit", metadata: ["request": "\(entry.request)", "error": "\(error)"])
        } else if let error = error as? MailSendError, error.outcomeUnknown {
            try ledger.hold(entry.id, reason: "SMTP outcome unknown: \(error)")
            crash.passed("hold \(entry.id)")
            report.held += 1
            logger.error("reply held: outcome unknown", metadata: ["request": "\(entry.request)", "error": "\(error)"])
        } else {
            let transient = Self.isTransient(error)
            try ledger.markFailed(entry.id, error: "\(error)", transient: transient)
            crash.passed("markFailed \(entry.id)")
            if transient { report.retrying += 1 } else { report.failed += 1 }
            logger.error("reply delivery failed", metadata: ["request": "\(entry.request)", "transient": "\(transient)",
                                                             "error": "\(error)"])
        }
    }

    /// Delivers, then records the delivery: the ledger says `delivered` only after the target has it.
    func deliverAndRecord(_ entry: OutboxEntry, _ event: Logger.Message) async throws {
        try await deliver(entry)
        crash.passed("delivered \(entry.id)")
        try ledger.markDelivered(entry.id)
        crash.passed("markDelivered \(entry.id)")
        logger.info(event, metadata: ["request": "\(entry.request)", "revision": "\(entry.revision)",
                                      "target": "\(entry.target.kind.rawValue)"])
    }

    func alreadyAtTarget(_ entry: OutboxEntry) async throws -> Bool {
        guard entry.target.kind != .smtp, let mailbox = mailboxes[entry.target.mailbox],
              let config = entries[entry.target.mailbox] else { return false }
        return try await mailbox.containsMessage(messageID: entry.messageID, folder: config.draftsFolder)
    }

    /// A draft found by Message-ID may have been cut between APPEND and the flag change: it must
    /// read as a draft (`\Draft`, not `\Seen`) for staff.
    func repairFlags(_ entry: OutboxEntry) async throws {
        guard entry.target.kind != .smtp, let mailbox = mailboxes[entry.target.mailbox],
              let config = entries[entry.target.mailbox] else { return }
        try await mailbox.repairDraftFlags(messageID: entry.messageID, folder: config.draftsFolder)
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
            let envelope = try entry.envelope ?? Self.legacyEnvelope(raw)
            try await sender.send(raw, from: envelope.from, to: envelope.recipients)
        }
    }

    /// Entries enqueued by a v1 ledger carry no envelope: read it from the reply's header.
    static func legacyEnvelope(_ raw: [UInt8]) throws -> OutboxEnvelope {
        let message = MessageParser.parse(raw)
        guard let from = message.from?.address else { throw DeliveryProblem("reply has no From") }
        return OutboxEnvelope(from: from, recipients: (message.to + message.cc).map(\.address))
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
