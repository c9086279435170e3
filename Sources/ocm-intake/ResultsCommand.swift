import ArgumentParser
import Followup
import Foundation
import Intake
import Ledger
import MIME

/// `ocm-intake results import FILE.eml… | list`: the provider's results (5.2.13) and the
/// later steps a mail's subject names (5.2.7–5.2.11), recorded against the request of its tag.
/// Drafts (reinforcement below target, an unreadable file) are written for a person to send.
struct ResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results", abstract: "Provider results, % de efectividad and later steps (5.2.7–5.2.15).",
        subcommands: [Import.self, List.self, Missing.self, Close.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the results files and steps of mail files.")
        @OptionGroup var common: ScheduleCommand.Common
        @Option(name: .long, help: "Folder for the drafts (default: print them).") var drafts: String?
        @Argument(help: "Mail files (.eml).") var files: [String]

        func run() throws {
            let context = try common.open()
            var failed = false
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    printError("ocm-intake: \(file): cannot be read"); failed = true; continue
                }
                do { try record(MessageParser.parse([UInt8](data)), file: file, context) } catch {
                    printError("ocm-intake: \(file): \(error)"); failed = true
                }
            }
            if failed { throw ExitStatus.runtimeFailure }
        }

        func record(_ message: Message, file: String, _ context: FollowupContext) throws {
            let results = ProviderResults.from(message, config: context.followup)
            guard let tag = results.requestID, let id = RequestID(tag), let record = try context.ledger.request(byID: id) else {
                printError("ocm-intake: \(file): no known request tag [OCM-YYYY-NNNN] in the subject"); throw ExitStatus.runtimeFailure
            }
            let day = message.date.map { FollowupContext.bogotaDay($0.instant) } ?? context.today
            if let recognised = StepRule.recognise(subject: results.subject, rules: context.followup.steps) {
                for step in recognised.steps {
                    try context.ledger.recordStep(request: id, step: step.id, day: day.description, evidence: message.messageID)
                    print("\(id): step \(step.id) on \(day)")
                }
            }
            let provider = Mailbox(address: results.sender ?? "proveedor@invalid")
            for file in results.files {
                switch file.outcome {
                case .failure(let problem):
                    print("\(id): \(file.filename) could not be read: \(problem)")
                    let draft = FollowupDraft.unreadable(requestID: id.description, filename: file.filename, problem: problem,
                                                         from: context.address("formacion", name: "Formación OCM"), to: [provider])
                    try emit(draft, name: "\(id)-ilegible-\(file.filename)", context)
                case .success(let table):
                    let result = Effectiveness(table, passingScore: context.followup.passingScore)
                    try context.ledger.recordResults(
                        request: id, source: file.source.rawValue, fileName: file.filename, bytes: Data(file.bytes),
                        participants: result.participants, evaluated: result.evaluated, passed: result.passed,
                        passingScore: context.followup.passingScore, day: day.description)
                    try context.ledger.recordStep(request: id, step: "resultados", day: day.description, evidence: message.messageID)
                    let pct = result.percent.map { String(format: "%.1f %%", $0) } ?? "no one evaluated"
                    print("\(id): \(file.filename) (\(file.source.rawValue), \(table.scale.rawValue)): \(result.passed)/\(result.evaluated) passed = \(pct)")
                    if result.meets(target: context.followup.targetPercent) == false {
                        let draft = FollowupDraft.reinforcement(
                            requestID: id.description, topic: record.fields.topic, source: file.source, result: result,
                            config: context.followup, from: context.address("formacion", name: "Formación OCM"),
                            to: context.requester(of: record), cc: [context.address("aseguramiento", name: "Aseguramiento OCM")])
                        try emit(draft, name: "\(id)-refuerzo-\(file.source.rawValue)", context)
                    }
                }
            }
        }

        func emit(_ draft: FollowupDraft, name: String, _ context: FollowupContext) throws {
            let safe = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" })
            let raw = draft.build(date: Date(), messageID: "<\(safe).\(UUID().uuidString.prefix(8))@\(context.configuration.hostname)>")
            if let drafts {
                let url = URL(fileURLWithPath: drafts).appendingPathComponent(safe + ".eml")
                try FileManager.default.createDirectory(atPath: drafts, withIntermediateDirectories: true)
                try Data(raw).write(to: url)
                print("draft: \(url.path)")
            } else {
                print(String(decoding: raw, as: UTF8.self))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Recorded results and steps.")
        @OptionGroup var common: ScheduleCommand.Common
        func run() throws {
            let context = try common.open()
            for r in try context.ledger.results() {
                let pct = r.evaluated == 0 ? "-" : String(format: "%.1f %%", 100 * Double(r.passed) / Double(r.evaluated))
                print("\(r.request)  \(r.day)  \(r.source)  \(r.passed)/\(r.evaluated) (\(r.participants) rows)  \(pct)  \(r.fileName)")
            }
            for s in try context.ledger.steps() { print("\(s.request)  \(s.day)  step \(s.step)") }
        }
    }

    struct Missing: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Steps 5.2.7–5.2.11 not seen in mail after their business days (followup.yaml 'pasos').")
        @OptionGroup var common: ScheduleCommand.Common
        func run() throws {
            let context = try common.open()
            let lines = try MissingStepsListing.lines(context)
            lines.forEach { print($0) }
            let count = lines.count
            print("\(count) missing step(s)")
        }
    }

    /// 5.2.15: close a given request. Without `--reinforcement` the effectiveness must have met
    /// the target (or `--reason` says why no reinforcement); with it, the new request of kind
    /// refuerzo (opened from the area's mail, 5.2.2) is linked and takes over.
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a given request (5.2.15), or link its reinforcement request.")
        @OptionGroup var common: ScheduleCommand.Common
        @Argument(help: "Request id.") var id: String
        @Option(name: .long, help: "The reinforcement request (OCM-YYYY-NNNN) that continues this one.") var reinforcement: String?
        @Option(name: .long, help: "Why no reinforcement although the effectiveness is below target.") var reason: String?
        func run() throws {
            let context = try common.open()
            let record = try withConfiguration { try context.request(id) }
            if let reinforcement {
                let child = try withConfiguration { try context.request(reinforcement) }
                try context.ledger.linkReinforcement(parent: record.id, child: child.id)
                print("\(record.id): cerrada; reinforcement in \(child.id) (\(child.fields.kind ?? "?"))")
                return
            }
            let below = try context.ledger.results(of: record.id).filter { r in
                Effectiveness(participants: r.participants, evaluated: r.evaluated, passed: r.passed)
                    .meets(target: context.followup.targetPercent) == false
            }
            if !below.isEmpty, reason == nil {
                printError("ocm-intake: \(record.id) is below the \(Hours.text(context.followup.targetPercent)) % target in "
                           + below.map(\.fileName).joined(separator: ", ") + "; link its reinforcement (--reinforcement ID) or give --reason")
                throw ExitStatus.runtimeFailure
            }
            try context.ledger.closeRequest(record.id, reason: reason ?? "closed without reinforcement (5.2.15)")
            print("\(record.id): cerrada")
        }
    }
}
