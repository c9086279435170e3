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
        let training = request.request
        let verdict = request.verdict
        var context = ReplyContext(
            requestID: request.requestID, revision: request.revision, kind: request.kind, from: request.from, cc: request.cc,
            requester: incoming.replyTarget ?? Mailbox(address: ""), incoming: incoming,
            topic: training?.topic, areaName: training.flatMap { rules.area($0.area)?.name },
            observations: verdict?.observations ?? [], plan: verdict?.plan,
            productionDate: training?.productionDate, trainingDate: training?.trainingDate,
            deadlines: verdict.map { ReplyDeadline.from($0.deadlines, rules: rules) } ?? [], problems: request.problems,
            date: request.date, timeZoneOffsetMinutes: timeZone.secondsFromGMT(for: request.date) / 60, hostname: request.hostname)
        context.undecided = verdict?.undecided ?? []
        context.workTableDate = verdict?.workTableDate
        let reply = composer.compose(context)
        return DraftedReply(raw: reply.raw, messageID: reply.messageID, recipients: reply.recipients)
    }

    /// `observacion.mustache`: the file that marks a templates folder (and words observations).
    public static var observationPartialFile: String { ReplyTemplates.observationPartial + ReplyTemplates.fileExtension }

    /// The templates' wording of observations, for the `Inspector` (inspect, the ledger's JSON).
    public var wording: ObservationWording { composer.templates.wording }
}
