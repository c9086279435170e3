import Foundation
import MIME

/// One mail in, the `inspect` verdict out: screening (who gets no reply), reading the request,
/// judging it. Pure: the clock's reading (`now`) is a parameter.
public struct Inspector: Sendable {
    public let reader: RequestReader
    public let evaluator: RequestEvaluator
    public let screening: SenderScreening
    public let timeZone: TimeZone
    /// The sentences of `Inspection.observations`: the templates' wording, given by the shell
    /// (`Templates/observacion.mustache`); `Observation.reference` when none is given.
    public let wording: ObservationWording

    public init(rules: Rules, calendar: BusinessCalendar, timeZone: TimeZone = CivilDate.bogotaTimeZone,
                wording: @escaping ObservationWording = { $0.reference }) {
        reader = RequestReader(rules: rules)
        evaluator = RequestEvaluator(rules: rules, calendar: calendar)
        screening = SenderScreening(ownAddresses: rules.ownAddresses, allowedDomains: rules.allowedDomains)
        self.timeZone = timeZone
        self.wording = wording
    }

    /// The request day is `now` in Bogotá when given, else the mail's Date, else `arrival` (when
    /// the shell saw the mail arrive). Provider results (kind `resultados`, 5.2.13) are no request
    /// to judge: recorded without a reply until the results stage reads them.
    public func inspect(_ message: Message, file: String, now: Date?, arrival: Date? = nil) -> Inspection {
        var inspection = Inspection(file: file, message: message)
        if let reason = screening.skipReason(for: message) {
            return inspection.skipped(reason)
        }
        let request = evaluator.settled(reader.read(message))
        guard request.looksLikeRequest, request.kind != "resultados" else { return inspection.skipped(.notARequest) }
        // Last resort only: every caller in this package passes `arrival`.
        let instant = now ?? message.date?.instant ?? arrival ?? Date()
        let verdict = evaluator.evaluate(request, requestDay: CivilDate(instant: instant, timeZone: timeZone))
        inspection.fill(request: request, verdict: verdict, wording: wording)
        return inspection
    }
}

extension Inspector {
    /// A request told over several mails, oldest first: read each, merge, judge once. The
    /// inspection's header facts (sender, subject, Message-ID) are the first mail's. The request
    /// day is `requestedAt` (when the first mail reached OCM) when given, else the first mail's Date.
    public func inspect(thread messages: [Message], file: String, now: Date, requestedAt: Date? = nil) -> Inspection {
        guard let first = messages.first else { return Inspection(file: file) }
        return inspect(readings: messages.map(reader.read), first: first, file: file, now: now, requestedAt: requestedAt)
    }
}

extension Inspection {
    func skipped(_ reason: SkipReason) -> Inspection {
        var copy = self
        copy.reply = Verdict.Reply.ninguna.rawValue
        copy.skipReason = reason.rawValue
        copy.viable = false
        copy.missing = []
        copy.deadlines = []
        copy.observations = []
        return copy
    }

    mutating func fill(request: TrainingRequest, verdict: Verdict, wording: ObservationWording) {
        topic = request.topic
        area = request.area
        kind = request.kind
        productionDate = request.productionDate?.description
        trainingDate = request.trainingDate?.description
        topics = max(request.topics.count, request.questionCount.topics.count, 1)
        questions = request.questions
        attachments = zip(request.attachments, request.categories).map { evidence, category in
            Attachment(filename: evidence.filename, contentType: evidence.contentType, bytes: evidence.bytes, category: category)
        }
        viable = verdict.viable
        missing = verdict.missing
        deadlines = verdict.deadlines.map { Deadline(rule: $0.rule, due: $0.due.description, met: $0.met, days: $0.days) }
        reply = verdict.reply.rawValue
        skipReason = nil
        observations = verdict.observations.map(wording)
        plan = verdict.plan
        undecided = verdict.undecided
        workTableDate = verdict.workTableDate?.description
        self.request = request
        self.verdict = verdict
    }
}
