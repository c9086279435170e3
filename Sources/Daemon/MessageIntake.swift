import Foundation
import Intake
import Ledger
import Logging
import MIME
import Replies

/// One stored message through the procedure: parse, screen, join a thread or open a request,
/// judge it, and put the reply in the outbox — each step one ledger transaction, each re-runnable
/// after a crash. A message that cannot be processed is quarantined with its reason and, when
/// its sender may be answered, gets a reply asking for a readable resend.
struct MessageIntake: Sendable {
    let ledger: Ledger
    let inspector: Inspector
    let drafter: any ReplyDrafting
    let configuration: DaemonConfiguration
    let now: @Sendable () -> Date
    let logger: Logger

    /// What happened to one message, for the cycle's report.
    enum Outcome: Sendable, Equatable {
        case opened(String), followUp(String), skipped(String), quarantined(String), alreadyDone
    }

    /// The reply goes out from Aseguramiento (it owns 5.2.3–5.2.4) when configured.
    var replyMailbox: DaemonConfiguration.MailboxEntry {
        configuration.mailboxes.first { $0.role == "aseguramiento" } ?? configuration.mailboxes[0]
    }

    /// A message over `max_message_bytes`: only its header was stored.
    struct Oversize: Sendable {
        var bytes: Int?
        var limit: Int
    }

    func process(_ seen: SeenMessage, backfillSince: Date?, oversize: Oversize? = nil) -> Outcome {
        if seen.isNew, seen.duplicateOf != nil { return .skipped(SkipReason.duplicate.rawValue) }
        if seen.state != .stored && seen.state != .parsed { return .alreadyDone }
        // Containment (issue 5/9, MessageIntake+Containment.swift): attempt on record, watchdog armed.
        if let stalled = beginAttempt(seen) { return stalled }
        defer { finishAttempt(seen) }
        let raw: Data
        do { raw = try ledger.rawMessage(seen.rowID) } catch {
            return quarantine(seen, error: "raw message unreadable: \(error)", message: nil)
        }
        let message = MessageParser.parse([UInt8](raw))
        do {
            try ledger.markParsed(seen.rowID)
            if let since = backfillSince, let date = message.date?.instant, date < since {
                try ledger.markSkipped(seen.rowID, reason: "backlog")
                return .skipped("backlog")
            }
            let inspection = inspector.inspect(message, file: "\(seen.mailbox)/\(seen.uid)", now: nil, arrival: seen.recordedAt)
            if let reason = inspection.skipReason, reason != SkipReason.notARequest.rawValue || thread(of: message) == nil {
                try ledger.markSkipped(seen.rowID, reason: reason)
                logger.info("skipped", metadata: ["mailbox": "\(seen.mailbox)", "uid": "\(seen.uid)", "reason": "\(reason)"])
                return .skipped(reason)
            }
            let thread = thread(of: message)
            if let oversize { return try tooLarge(seen, message: message, oversize: oversize, thread: thread) }
            if let requestID = thread {
                return try followUp(seen, message: message, request: requestID)
            }
            if try overDailyLimit(message) {
                try ledger.markSkipped(seen.rowID, reason: SkipReason.rateLimited.rawValue)
                return .skipped(SkipReason.rateLimited.rawValue)
            }
            return try open(seen, message: message, inspection: inspection)
        } catch {
            return quarantine(seen, error: "\(error)", message: message)
        }
    }

    /// The request a mail belongs to: `[OCM-YYYY-NNNN]` in its subject, or a known Message-ID in
    /// In-Reply-To/References (ours included: areas answer our observations mail).
    func thread(of message: Message) -> RequestID? {
        if let subject = message.subject, let tag = Self.requestTag(in: subject),
           (try? ledger.request(byID: tag)) != nil {
            return tag
        }
        for id in [message.inReplyTo].compactMap({ $0 }) + message.references.reversed() {
            if let record = try? ledger.request(forMessageID: id) { return record.id }
        }
        return nil
    }

    static func requestTag(in subject: String) -> RequestID? {
        RequestTag.find(in: subject).flatMap(RequestID.init)
    }

    func open(_ seen: SeenMessage, message: Message, inspection: Inspection) throws -> Outcome {
        let year = CivilDate(instant: message.date?.instant ?? now(), timeZone: configuration.timeZone).year
        let record = try ledger.openRequest(for: seen.rowID, year: year, fields: fields(inspection, message))
        try judge(record.id, revision: record.revision + 1, message: message, inspection: inspection)
        logger.info("request opened", metadata: ["mailbox": "\(seen.mailbox)", "uid": "\(seen.uid)", "request": "\(record.id)",
                                                 "reply": "\(inspection.reply ?? "?")"])
        return .opened(record.id.description)
    }

    /// A later mail joins its request; the request is read again from all its mails (5.2.4 → 5.2.3).
    func followUp(_ seen: SeenMessage, message: Message, request id: RequestID) throws -> Outcome {
        let record = try ledger.linkFollowUp(message: seen.rowID, to: id)
        let messages = try ledger.messages(of: id).compactMap { try? ledger.rawMessage($0.rowID) }.map { MessageParser.parse([UInt8]($0)) }
        let origin = messages.first ?? message
        let combined = inspector.inspect(thread: messages.isEmpty ? [message] : messages, file: id.description,
                                         now: message.date?.instant ?? now())
        try judge(id, revision: record.revision + 1, message: message, inspection: combined, origin: origin)
        logger.info("follow-up joined", metadata: ["mailbox": "\(seen.mailbox)", "uid": "\(seen.uid)", "request": "\(id)"])
        return .followUp(id.description)
    }

    /// Records the verdict and its reply in one transaction.
    func judge(_ id: RequestID, revision: Int, message: Message, inspection: Inspection, origin: Message? = nil) throws {
        let kind: DraftRequest.Kind = inspection.viable == true ? .aprobacion : .observaciones
        let reply = try outgoing(id, revision: revision, kind: kind, message: message, inspection: inspection, problems: [])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let verdict = String(decoding: (try? encoder.encode(inspection)) ?? Data(), as: UTF8.self)
        _ = try ledger.recordVerdict(request: id, revision: revision, state: kind == .aprobacion ? .viable : .observacionesEnviadas,
                                     fields: fields(inspection, origin ?? message), verdictJSON: verdict, reply: reply)
    }

    func outgoing(_ id: RequestID, revision: Int, kind: DraftRequest.Kind, message: Message, inspection: Inspection,
                  problems: [ReadProblem]) throws -> OutgoingReply {
        let mailbox = replyMailbox
        let others = configuration.mailboxes.filter { $0.role != mailbox.role }.map { Mailbox(address: $0.address) }
        let drafted = try drafter.draft(DraftRequest(
            requestID: id.description, revision: revision, kind: kind, from: Mailbox(displayName: "Aseguramiento OCM – ICETEX", address: mailbox.address),
            cc: others, incoming: message, inspection: inspection, problems: problems, date: now(), hostname: configuration.hostname))
        let target: OutboxTarget
        switch configuration.review {
        case .drafts: target = OutboxTarget(kind: mailbox.server.url.isMaildir ? .maildir : .drafts, mailbox: mailbox.role)
        case .queue, .off: target = OutboxTarget(kind: .smtp, mailbox: mailbox.role)
        }
        return OutgoingReply(target: target, messageID: drafted.messageID, raw: Data(drafted.raw), hold: configuration.review == .queue)
    }

    func fields(_ inspection: Inspection, _ message: Message) -> RequestFields {
        RequestFields(area: inspection.area, kind: inspection.kind, topic: inspection.topic,
                      requester: (message.replyTo.first ?? message.from)?.normalizedAddress,
                      productionDate: inspection.productionDate, trainingDate: inspection.trainingDate)
    }

    /// Replies already drafted today for this sender, against the configured limit.
    func overDailyLimit(_ message: Message) throws -> Bool {
        guard let sender = (message.replyTo.first ?? message.from)?.normalizedAddress.lowercased() else { return false }
        let today = CivilDate(instant: now(), timeZone: configuration.timeZone)
        let count = try ledger.requests().filter {
            $0.fields.requester?.lowercased() == sender && CivilDate(instant: $0.openedAt, timeZone: configuration.timeZone) == today
        }.count
        return count >= configuration.maxRepliesPerSenderPerDay
    }

    /// design.md: a mail over the size limit is not skipped silently: the request is recorded
    /// and the reply says what was too large.
    func tooLarge(_ seen: SeenMessage, message: Message, oversize: Oversize, thread: RequestID?) throws -> Outcome {
        let year = CivilDate(instant: message.date?.instant ?? now(), timeZone: configuration.timeZone).year
        let inspection = Inspection(file: "\(seen.mailbox)/\(seen.uid)", message: message)
        // A follow-up too large to read stays in its request; anything else opens one.
        let record = try thread.map { try ledger.linkFollowUp(message: seen.rowID, to: $0) }
            ?? ledger.openRequest(for: seen.rowID, year: year, fields: fields(inspection, message))
        let problem = ReadProblem.messageTooLarge(bytes: oversize.bytes ?? oversize.limit + 1, limit: oversize.limit)
        let reply = try outgoing(record.id, revision: record.revision + 1, kind: .ilegible, message: message,
                                 inspection: inspection, problems: [problem])
        _ = try ledger.recordVerdict(request: record.id, revision: record.revision + 1, state: .observacionesEnviadas,
                                     fields: thread == nil ? nil : record.fields, verdictJSON: nil, reply: reply)
        logger.notice("message too large", metadata: ["mailbox": "\(seen.mailbox)", "uid": "\(seen.uid)", "request": "\(record.id)"])
        return thread == nil ? .opened(record.id.description) : .followUp(record.id.description)
    }

    /// Quarantine with the reason; then, when the sender may be answered, a request asking for
    /// a readable resend, so the area is never left without an answer.
    func quarantine(_ seen: SeenMessage, error: String, message: Message?) -> Outcome {
        logger.error("quarantined", metadata: ["mailbox": "\(seen.mailbox)", "uid": "\(seen.uid)", "error": "\(error)"])
        do {
            try ledger.markQuarantined(seen.rowID, error: error)
            guard let message, inspector.screening.skipReason(for: message) == nil else { return .quarantined(error) }
            let year = CivilDate(instant: now(), timeZone: configuration.timeZone).year
            let record = try ledger.openRequest(for: seen.rowID, year: year)
            let inspection = Inspection(file: "\(seen.mailbox)/\(seen.uid)", message: message)
            let reply = try outgoing(record.id, revision: record.revision + 1, kind: .ilegible, message: message,
                                     inspection: inspection, problems: [.unreadableMessage])
            _ = try ledger.recordVerdict(request: record.id, revision: record.revision + 1, state: .observacionesEnviadas,
                                         verdictJSON: nil, reply: reply)
        } catch {
            logger.error("quarantine reply failed", metadata: ["mailbox": "\(seen.mailbox)", "uid": "\(seen.uid)", "error": "\(error)"])
        }
        return .quarantined(error)
    }
}
