import Foundation
import Intake
import Ledger
import Logging
import MIME
import Replies

/// One stored message through the procedure: parse, inspect, gather the ledger facts, decide
/// (`IntakeDecision`, pure), then record the decision, the verdict and the reply's outbox entry in
/// one ledger transaction (`Ledger.recordIntake`). A crash before that commit leaves the message
/// `stored`; the next cycle's `drain` runs it through this same code. A ledger error is never the
/// mail's fault: it comes back as `.ledgerFailed` and stops the cycle. A reply that cannot be made
/// quarantines the message and, when its sender may be answered, asks for a readable resend.
struct MessageIntake: Sendable {
    let ledger: Ledger
    let inspector: Inspector
    let drafter: any ReplyDrafting
    let configuration: DaemonConfiguration
    /// The ledger's installation id: reply Message-IDs carry it, so a new ledger never collides
    /// with drafts an older one left in Drafts.
    let installationID: String
    let now: @Sendable () -> Date
    let logger: Logger
    var crash: CrashPoint = .shared
    /// After approval (issue 12, FollowupIntake.swift): provider results and later steps.
    var followup: FollowupIntake?
    /// The readings of threads' mails, so a follow-up reads only itself (`ThreadReadings`).
    var readings = ThreadReadings()

    /// What happened to one message, for the cycle's report.
    enum Outcome: Sendable, Equatable {
        case opened(String), followUp(String), skipped(String), quarantined(String), alreadyDone
        /// The ledger failed (I/O, corruption): the message stays where it was, the cycle stops.
        case ledgerFailed(String)
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

    /// What the ledger row says about the size (`SeenMessage.headerOnly`), never what the caller
    /// remembers: a mail drained after a crash is decided exactly as when it was fetched.
    func oversize(of seen: SeenMessage) -> Oversize? {
        guard seen.headerOnly else { return nil }
        let entry = configuration.mailboxes.first { $0.ledgerName == seen.mailbox }
        return Oversize(bytes: seen.serverSize, limit: entry?.server.maxMessageBytes ?? configuration.maxMessageBytes)
    }

    func process(_ seen: SeenMessage, backfillSince: Date?) -> Outcome {
        if seen.isNew { crash.passed("recordMessage \(seen.rowID)") }
        if seen.isNew, seen.duplicateOf != nil { return .skipped(SkipReason.duplicate.rawValue) }
        if seen.state != .stored && seen.state != .parsed { return .alreadyDone }
        // Containment (issue 8, MessageIntake+Containment.swift): attempt on record, watchdog armed.
        if let stalled = beginAttempt(seen) { return stalled }
        defer { finishAttempt(seen) }
        let oversize = oversize(of: seen)
        do {
            let message = MessageParser.parse(releasing: try ledger.rawBytes(seen.rowID))
            StallPoint.shared.reached(message.messageID)
            // When the mail reached OCM, never the sender's clock (issue 7 item 4).
            let arrival = Self.arrival(of: seen)
            if let followup, let outcome = try followup.handle(message, rowID: seen.rowID, arrival: arrival) { return outcome }
            let inspection = inspector.inspect(message, file: "\(seen.mailbox)/\(seen.uid)", now: arrival, arrival: arrival)
            let facts = try facts(for: message, arrival: arrival, oversize: oversize != nil, backlogBefore: backfillSince)
            let decision = IntakeDecision.decide(inspection, arrived: arrival, facts: facts)
            return try record(decision, seen, message: message, inspection: inspection, oversize: oversize)
        } catch let error as LedgerError {
            logger.error("ledger failed", metadata: ["mailbox": "\(seen.mailbox)", "uid": "\(seen.uid)", "error": "\(error)"])
            return .ledgerFailed(error.description)
        } catch {
            return quarantine(seen, error: "\(error)")
        }
    }

    /// When a stored mail reached OCM: the server's time (INTERNALDATE, Maildir file time), which
    /// the poller replaced by the Date header only when the server gave none; when neither was
    /// known, when the daemon recorded it. Every date intake decides by comes from here.
    static func arrival(of seen: SeenMessage) -> Date {
        seen.arrivedAt ?? seen.recordedAt
    }

    /// The ledger facts the decision reads: the thread, and the sender's requests on the mail's
    /// arrival day (one count).
    func facts(for message: Message, arrival: Date, oversize: Bool, backlogBefore: Date?) throws -> IntakeDecision.Facts {
        var opened = 0
        if let sender = Self.requester(message) {
            let day = CivilDate(instant: arrival, timeZone: configuration.timeZone)
            opened = try ledger.requestCount(requester: sender, arrivedFrom: day.startInstant(in: configuration.timeZone),
                                             to: day.adding(days: 1).startInstant(in: configuration.timeZone))
        }
        return IntakeDecision.Facts(thread: try thread(of: message), openedTodayBySender: opened,
                                    dailyLimit: configuration.maxRepliesPerSenderPerDay, oversize: oversize,
                                    backlogBefore: backlogBefore)
    }

    /// Records the decision with everything it implies in one transaction.
    func record(_ decision: IntakeDecision, _ seen: SeenMessage, message: Message, inspection: Inspection,
                oversize: Oversize?) throws -> Outcome {
        let entry: IntakeEntry
        switch decision {
        case .skip(let reason):
            entry = .skip(reason: reason)
        case .open:
            entry = .open(year: year(seen), fields: fields(inspection, message), quarantineError: nil,
                          verdict: judgement(message: message, inspection: inspection))
        case .followUp(let id):
            let thread = try threadInspection(id, adding: message, row: seen.rowID, arrived: Self.arrival(of: seen))
            entry = .followUp(id, quarantineError: nil,
                              verdict: judgement(message: message, inspection: thread.inspection, origin: thread.origin))
        case .tooLarge(let thread):
            let problem = ReadProblem.messageTooLarge(bytes: oversize?.bytes ?? (oversize?.limit ?? 0) + 1, limit: oversize?.limit ?? 0)
            let unread = unreadable(seen, message: message, problem: problem, keepFields: thread != nil)
            entry = thread.map { .followUp($0, quarantineError: nil, verdict: unread) }
                ?? .open(year: year(seen), fields: fields(Inspection(file: "\(seen.mailbox)/\(seen.uid)", message: message), message),
                         quarantineError: nil, verdict: unread)
        }
        let recorded = try ledger.recordIntake(message: seen.rowID, entry)
        crash.passed("recordIntake \(seen.rowID)")
        return report(recorded, seen, reply: inspection.reply)
    }

    /// The verdict of an inspection and its reply (observations or approval).
    func judgement(message: Message, inspection: Inspection, origin: Message? = nil) -> VerdictBuilder {
        { id, revision in
            // Area or kind undecided: a note to OCM staff only, and the request waits for a person.
            // The typed verdict decides; an inspection always carries it past screening.
            let kind: DraftRequest.Kind = inspection.verdict?.reply ?? .observaciones
            let reply = try outgoing(id, revision: revision, kind: kind, message: message, request: inspection.request,
                                     verdict: inspection.verdict, problems: [])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let verdict = String(decoding: (try? encoder.encode(inspection)) ?? Data(), as: UTF8.self)
            return VerdictEntry(state: Self.state(after: kind),
                                fields: fields(inspection, origin ?? message), verdictJSON: verdict, reply: reply)
        }
    }

    /// The reply telling the sender what could not be read (too large, or unreadable).
    func unreadable(_ seen: SeenMessage, message: Message, problem: ReadProblem, keepFields: Bool) -> VerdictBuilder {
        { id, revision in
            let inspection = Inspection(file: "\(seen.mailbox)/\(seen.uid)", message: message)
            let reply = try outgoing(id, revision: revision, kind: .ilegible, message: message, problems: [problem])
            return VerdictEntry(state: .observacionesEnviadas, fields: keepFields ? nil : fields(inspection, message),
                                verdictJSON: nil, reply: reply)
        }
    }

    /// The request read again from all its mails, `adding` the one in hand (5.2.4 → 5.2.3), which
    /// `arrived` then (ledger row `row`). Its request day is the first mail's arrival; the
    /// material's day is the arrival of the newest mail (the one in hand, else the last one
    /// recorded). Each mail is read once per process (`readings`): only the first mail is parsed
    /// again, for the inspection's header facts.
    func threadInspection(_ id: RequestID, adding message: Message? = nil, row: Int64? = nil, arrived: Date? = nil) throws
        -> (inspection: Inspection, origin: Message?) {
        let seen = try ledger.messages(of: id)
        var thread: [TrainingRequest] = []
        var first: Message?
        for mail in seen {
            if first != nil, let known = readings[mail.rowID] {
                thread.append(known)
                continue
            }
            // A mail whose raw bytes passed their retention is left out (the mailbox keeps it).
            guard let raw = try ledger.keptRawBytes(mail.rowID) else { continue }
            let parsed = MessageParser.parse(raw)
            let reading = readings[mail.rowID] ?? inspector.reader.read(parsed)
            readings.keep(reading, row: mail.rowID)
            first = first ?? parsed
            thread.append(reading)
        }
        if let message {
            let reading = inspector.reader.read(message)
            if let row { readings.keep(reading, row: row) }
            first = first ?? message
            thread.append(reading)
        }
        let latest = arrived ?? seen.last.map(Self.arrival(of:)) ?? now()
        guard let first else { return (Inspection(file: id.description), nil) }
        let inspection = inspector.inspect(readings: thread, first: first, file: id.description, now: latest,
                                           requestedAt: seen.first.map(Self.arrival(of:)) ?? latest)
        return (inspection, first)
    }

    func report(_ recorded: IntakeRecorded, _ seen: SeenMessage, reply: String?) -> Outcome {
        let where_: Logger.Metadata = ["mailbox": "\(seen.mailbox)", "uid": "\(seen.uid)"]
        switch recorded {
        case .skipped(let reason):
            logger.info("skipped", metadata: where_.merging(["reason": "\(reason)"]) { $1 })
            return .skipped(reason)
        case .quarantined(let error):
            return .quarantined(error)
        case .opened(let id, _):
            logger.info("request opened", metadata: where_.merging(["request": "\(id)", "reply": "\(reply ?? "?")"]) { $1 })
            return .opened(id.description)
        case .followedUp(let id, _):
            logger.info("follow-up joined", metadata: where_.merging(["request": "\(id)"]) { $1 })
            return .followUp(id.description)
        case .alreadyDone:
            return .alreadyDone
        }
    }

    /// The request a mail belongs to: `[OCM-YYYY-NNNN]` in its subject, or a known Message-ID in
    /// In-Reply-To/References (ours included: areas answer our observations mail).
    func thread(of message: Message) throws -> RequestID? {
        if let subject = message.subject, let tag = Self.requestTag(in: subject), try ledger.request(byID: tag) != nil {
            return tag
        }
        for id in [message.inReplyTo].compactMap({ $0 }) + message.references.reversed() {
            if let record = try ledger.request(forMessageID: id) { return record.id }
        }
        return nil
    }

    static func requestTag(in subject: String) -> RequestID? {
        RequestTag.find(in: subject).flatMap(RequestID.init)
    }

    static func requester(_ message: Message) -> String? {
        (message.replyTo.first ?? message.from)?.normalizedAddress
    }

    /// The request's year (`OCM-YYYY-NNNN`): the year the mail reached OCM, in Bogotá.
    func year(_ seen: SeenMessage) -> Int {
        CivilDate(instant: Self.arrival(of: seen), timeZone: configuration.timeZone).year
    }

    static func state(after kind: DraftRequest.Kind) -> RequestState {
        switch kind {
        case .aprobacion: .viable
        case .revisionManual: .requiereRevision
        case .observaciones, .ilegible, .ninguna: .observacionesEnviadas
        }
    }

    func outgoing(_ id: RequestID, revision: Int, kind: DraftRequest.Kind, message: Message, request: TrainingRequest? = nil,
                  verdict: Verdict? = nil, problems: [ReadProblem]) throws -> OutgoingReply {
        let mailbox = replyMailbox
        let others = configuration.mailboxes.filter { $0.role != mailbox.role }.map { Mailbox(address: $0.address) }
        // The installation id goes into the Message-ID's host part (see `installationID`).
        let drafted = try drafter.draft(DraftRequest(
            requestID: id.description, revision: revision, kind: kind, from: Mailbox(displayName: "Aseguramiento OCM – ICETEX", address: mailbox.address),
            cc: others, incoming: message, request: request, verdict: verdict, problems: problems, date: now(),
            hostname: "\(installationID).\(configuration.hostname)"))
        let target: OutboxTarget
        switch configuration.review {
        case .drafts: target = OutboxTarget(kind: mailbox.server.url.isMaildir ? .maildir : .drafts, mailbox: mailbox.role)
        case .queue, .off: target = OutboxTarget(kind: .smtp, mailbox: mailbox.role)
        }
        return OutgoingReply(target: target, messageID: drafted.messageID, raw: Data(drafted.raw), hold: configuration.review == .queue,
                             envelope: OutboxEnvelope(from: mailbox.address, recipients: drafted.recipients))
    }

    func fields(_ inspection: Inspection, _ message: Message) -> RequestFields {
        RequestFields(area: inspection.area, kind: inspection.kind, topic: inspection.topic, requester: Self.requester(message),
                      productionDate: inspection.productionDate, trainingDate: inspection.trainingDate)
    }

    /// Quarantine with the reason; when the sender may be answered, in the same transaction a
    /// request whose reply asks for a readable resend, so the area is never left without an answer.
    func quarantine(_ seen: SeenMessage, error: String) -> Outcome {
        logger.error("quarantined", metadata: ["mailbox": "\(seen.mailbox)", "uid": "\(seen.uid)", "error": "\(error)"])
        do {
            let message = MessageParser.parse(try ledger.rawBytes(seen.rowID))
            if inspector.screening.skipReason(for: message) == nil {
                do {
                    let verdict = unreadable(seen, message: message, problem: .unreadableMessage, keepFields: false)
                    _ = try ledger.recordIntake(message: seen.rowID, .open(year: year(seen), fields: RequestFields(),
                                                                           quarantineError: error, verdict: verdict))
                    crash.passed("recordIntake \(seen.rowID)")
                    return .quarantined(error)
                } catch let failure where !(failure is LedgerError) {
                    logger.error("quarantine reply failed", metadata: ["mailbox": "\(seen.mailbox)", "uid": "\(seen.uid)", "error": "\(failure)"])
                }
            }
            _ = try ledger.recordIntake(message: seen.rowID, .quarantine(error: error))
            crash.passed("recordIntake \(seen.rowID)")
            return .quarantined(error)
        } catch {
            return .ledgerFailed("\(error)")
        }
    }
}
