import Foundation
import Intake
import MIME
import Replies

/// The daemon's reply renderer: the Mustache templates of `Templates/`, read and parsed once at
/// start-up (a missing or broken template stops the service with file, line and column).
public struct TemplateDrafter: ReplyDrafting {
    let composer: ReplyComposer
    let rules: Rules
    let timeZone: TimeZone

    public init(directory: String, rules: Rules, timeZone: TimeZone) throws(ConfigError) {
        var files: [String: String] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasSuffix(ReplyTemplates.fileExtension) {
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { continue }
            files[name] = String(decoding: data, as: UTF8.self)
        }
        do {
            composer = ReplyComposer(templates: try ReplyTemplates(files: files))
        } catch {
            throw .invalidValue(file: directory + "/" + error.file, line: error.line ?? 1, key: "templates", message: error.description)
        }
        self.rules = rules
        self.timeZone = timeZone
    }

    public func draft(_ request: DraftRequest) throws -> DraftedReply {
        let incoming = IncomingMail(request.incoming)
        let inspection = request.inspection
        // The typed verdict when the inspection carries it; the JSON strings only for an
        // inspection read back from the ledger.
        let verdict = inspection.verdict
        let deadlines = verdict.map { ReplyDeadline.from($0.deadlines, rules: rules) } ?? Self.deadlines(inspection, rules: rules)
        let kind = request.kind
        var context = ReplyContext(
            requestID: request.requestID, revision: request.revision, kind: kind, from: request.from, cc: request.cc,
            requester: incoming.replyTarget ?? Mailbox(address: inspection.from ?? ""), incoming: incoming,
            topic: inspection.topic ?? inspection.subject, areaName: inspection.area.flatMap { rules.area($0)?.name },
            observations: verdict?.observations.map(\.text) ?? inspection.observations ?? [], plan: verdict?.plan ?? inspection.plan,
            productionDate: inspection.request?.productionDate ?? inspection.productionDate.flatMap(CivilDate.init),
            trainingDate: inspection.request?.trainingDate ?? inspection.trainingDate.flatMap(CivilDate.init),
            deadlines: deadlines, problems: request.problems, date: request.date,
            timeZoneOffsetMinutes: timeZone.secondsFromGMT(for: request.date) / 60, hostname: request.hostname)
        context.undecided = verdict?.undecided ?? inspection.undecided ?? []
        context.workTableDate = verdict?.workTableDate ?? inspection.workTableDate.flatMap(CivilDate.init)
        let reply = composer.compose(context)
        return DraftedReply(raw: reply.raw, messageID: reply.messageID, recipients: reply.recipients)
    }

    /// Deadlines read back from an inspection's strings (one restored from the ledger's JSON).
    static func deadlines(_ inspection: Inspection, rules: Rules) -> [ReplyDeadline] {
        let leadTimes = rules.kinds.flatMap(\.leadTimes)
        return (inspection.deadlines ?? []).compactMap { deadline -> ReplyDeadline? in
            guard let due = CivilDate(deadline.due) else { return nil }
            if let rule = leadTimes.first(where: { $0.id == deadline.rule }) {
                return ReplyDeadline(rule: rule, due: due, met: deadline.met, days: deadline.days)
            }
            return ReplyDeadline(label: deadline.rule, due: due, met: deadline.met)
        }
    }
}
