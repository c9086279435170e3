import Followup
import Foundation
import Intake
import Ledger
import Logging
import MIME

/// After approval in the daemon (issue 12). Each cycle: sessions given yesterday move their
/// request to `impartida`, and every viable request without a session gets the earliest session
/// the ANS allows (`SessionPlanner`, inside the engine's plan window) proposed in a draft from
/// formacionocm@ to the area, Aseguramiento in copy, with the .ics. Each mail: the provider's
/// results and the later steps (question bank, secure delivery) are recorded against the request
/// of the subject's tag, never judged as a request and never answered — except a polite note to
/// the provider when a results file cannot be read. Drafts go through the outbox like replies.
struct FollowupIntake: Sendable {
    let ledger: Ledger
    let configuration: DaemonConfiguration
    let followup: FollowupConfig
    let calendar: BusinessCalendar
    let installationID: String
    let now: @Sendable () -> Date
    let logger: Logger

    /// The skip reason a follow-up mail is recorded with (it is evidence, not a request).
    static let reason = "seguimiento"

    var today: CivilDate { CivilDate(instant: now(), timeZone: configuration.timeZone) }
    var planner: SessionPlanner { SessionPlanner(rules: followup.scheduling, calendar: calendar) }

    /// Gestión del Conocimiento (formacionocm@) owns 5.2.5 onwards.
    var formacion: DaemonConfiguration.MailboxEntry {
        configuration.mailboxes.first { $0.role == "formacion" } ?? configuration.mailboxes[0]
    }

    var formacionSender: Mailbox { Mailbox(displayName: "Formación OCM – ICETEX", address: formacion.address) }
    var aseguramiento: [Mailbox] {
        configuration.mailboxes.filter { $0.role == "aseguramiento" }.map { Mailbox(displayName: "Aseguramiento OCM", address: $0.address) }
    }

    // MARK: the cycle

    /// Moves yesterday's sessions to `impartida` and proposes sessions; returns the requests proposed.
    func sweep() throws -> [RequestID] {
        for id in try ledger.markSessionsGiven(before: today.description) {
            logger.info("session given", metadata: ["request": "\(id)"])
        }
        var proposed: [RequestID] = []
        for record in try ledger.requestsAwaitingProposal() where try propose(record) {
            proposed.append(record.id)
        }
        return proposed
    }

    /// The earliest session for `record` and its draft, recorded together. False when no day
    /// in the plan's window keeps the ANS (staff decide with `schedule confirm --exception`).
    func propose(_ record: RequestRecord) throws -> Bool {
        let window = Followup.TrainingWindow(verdictJSON: record.verdictJSON, today: today)
        let hours = duration(of: record)
        guard let proposal = planner.proposeEarliest(requestID: record.id.description, hours: hours, window: window,
                                                     today: today, sessions: try booked()) else {
            logger.warning("no session day keeps the ANS", metadata: [
                "request": "\(record.id)", "window": "\(window.earliest)…\(window.latest)", "hours": "\(hours)"])
            return false
        }
        let draft = ProposalDraft(
            proposal: proposal, topic: record.fields.topic, from: formacionSender, to: try requester(of: record), cc: aseguramiento,
            date: now(), hostname: "\(installationID).\(configuration.hostname)", weeklyCap: followup.scheduling.weeklyHoursCap)
        let entry = try ledger.recordSessionProposal(
            request: record.id, date: proposal.session.date.description, startMinutes: proposal.session.startMinutes,
            hours: hours, reply: outgoing(draft.build(), messageID: draft.messageID, to: draft.to + draft.cc))
        if entry != nil {
            logger.info("session proposed", metadata: ["request": "\(record.id)", "date": "\(proposal.session.date)"])
        }
        return entry != nil
    }

    /// Confirmed sessions and the proposals still waiting: both hold their week's hours.
    func booked() throws -> [TrainingSession] {
        let sessions = try ledger.sessions().map { ($0.request, $0.date, $0.startMinutes, $0.hours) }
        let proposals = try ledger.openSessionProposals().map { ($0.request, $0.date, $0.startMinutes, $0.hours) }
        return (sessions + proposals).compactMap { request, date, start, hours in
            CivilDate(date).map {
                TrainingSession(requestID: request.description, date: $0, startMinutes: start, hours: hours, audience: "", place: "")
            }
        }
    }

    /// DURACIÓN from the request's mails (the latest that states it), else followup.yaml's default.
    func duration(of record: RequestRecord) -> Double {
        let messages = (try? ledger.messages(of: record.id)) ?? []
        for message in messages.reversed() {
            guard let raw = try? ledger.rawMessage(message.rowID) else { continue }
            if let hours = SessionDuration.hours(inMailBody: MessageParser.parse([UInt8](raw)).bodyText) { return hours }
        }
        return followup.scheduling.defaultHours
    }

    /// The area: Reply-To or From of the mail that opened the request.
    func requester(of record: RequestRecord) throws -> [Mailbox] {
        let message = MessageParser.parse([UInt8](try ledger.rawMessage(record.originMessage)))
        return [message.replyTo.first ?? message.from].compactMap { $0 }
    }

    // MARK: mail

    /// A follow-up mail is recorded here and the outcome returned; nil: not one, intake as usual.
    /// Provider mail is always taken (never judged, never answered); another sender's mail only
    /// when its subject names a later step of a request past approval.
    func handle(_ message: Message, rowID: Int64, arrival: Date) throws -> MessageIntake.Outcome? {
        let fromProvider = ProviderResults.isFromProvider(message, config: followup)
        let subject = message.subject ?? ""
        guard let tag = RequestTag.find(in: subject), let id = RequestID(tag), let record = try ledger.request(byID: id) else {
            guard fromProvider else { return nil }
            // No request to record it against: kept for staff, not answered.
            _ = try ledger.recordIntake(message: rowID, .skip(reason: "proveedor-sin-solicitud"))
            logger.notice("provider mail without a known request tag", metadata: ["message": "\(rowID)"])
            return .skipped("proveedor-sin-solicitud")
        }
        let steps = StepRule.recognise(subject: subject, rules: followup.steps)?.steps.map(\.id) ?? []
        let pastApproval: Set<RequestState> = [.viable, .programada, .impartida, .cerrada]
        guard fromProvider || (!steps.isEmpty && pastApproval.contains(record.state)) else { return nil }
        var mail = FollowupMail(request: id, reason: Self.reason, day: CivilDate(instant: arrival, timeZone: configuration.timeZone).description,
                                evidence: message.messageID, steps: steps, results: [], drafts: [])
        if fromProvider { try results(ProviderResults.from(message, config: followup), record, rowID: rowID, into: &mail) }
        guard try ledger.recordFollowupMail(message: rowID, mail) != nil else { return .alreadyDone }
        logger.info("follow-up mail recorded", metadata: [
            "request": "\(id)", "steps": "\(mail.steps)", "results": "\(mail.results.count)", "drafts": "\(mail.drafts.count)"])
        return .skipped(Self.reason)
    }

    /// Each results file: counts and effectiveness, a reinforcement proposal below target
    /// (5.2.15), or the unreadable-file note to the provider.
    func results(_ provider: ProviderResults, _ record: RequestRecord, rowID: Int64, into mail: inout FollowupMail) throws {
        for (index, file) in provider.files.prefix(100).enumerated() {
            let key = Int(rowID) * 100 + index
            switch file.outcome {
            case .failure(let problem):
                let to = provider.sender.map { [Mailbox(address: $0)] } ?? []
                let draft = FollowupDraft.unreadable(requestID: record.id.description, filename: file.filename, problem: problem,
                                                     from: formacionSender, to: to)
                mail.drafts.append(followupDraft(draft, .resultadosIlegibles, key: key, record.id))
            case .success(let table):
                let result = Effectiveness(table, passingScore: followup.passingScore)
                mail.results.append(ResultsEntry(source: file.source.rawValue, fileName: file.filename, bytes: Data(file.bytes),
                                                 participants: result.participants, evaluated: result.evaluated,
                                                 passed: result.passed, passingScore: followup.passingScore))
                if !mail.steps.contains("resultados") { mail.steps.append("resultados") }
                guard result.meets(target: followup.targetPercent) == false else { continue }
                let draft = FollowupDraft.reinforcement(
                    requestID: record.id.description, topic: record.fields.topic, source: file.source, result: result,
                    config: followup, from: formacionSender, to: try requester(of: record), cc: aseguramiento)
                mail.drafts.append(followupDraft(draft, .refuerzo, key: key, record.id))
            }
        }
    }

    func followupDraft(_ draft: FollowupDraft, _ purpose: OutboxPurpose, key: Int, _ id: RequestID) -> FollowupOutgoing {
        let messageID = "<\(id).\(purpose.rawValue).\(key)@\(installationID).\(configuration.hostname)>"
        return FollowupOutgoing(purpose: purpose, key: key,
                                reply: outgoing(draft.build(date: now(), messageID: messageID), messageID: messageID, to: draft.to + draft.cc))
    }

    /// Delivered like the replies: Drafts of formacionocm@ for review, or SMTP (held in `queue`).
    func outgoing(_ raw: [UInt8], messageID: String, to recipients: [Mailbox]) -> OutgoingReply {
        let mailbox = formacion
        let target: OutboxTarget
        switch configuration.review {
        case .drafts: target = OutboxTarget(kind: mailbox.server.url.isMaildir ? .maildir : .drafts, mailbox: mailbox.role)
        case .queue, .off: target = OutboxTarget(kind: .smtp, mailbox: mailbox.role)
        }
        return OutgoingReply(target: target, messageID: messageID, raw: Data(raw), hold: configuration.review == .queue,
                             envelope: OutboxEnvelope(from: mailbox.address, recipients: recipients.map(\.address)))
    }
}
