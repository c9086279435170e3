import ArgumentParser
import Foundation
import Daemon
import Intake
import MIME

/// `ocm-intake inspect FILE…`: evaluate mail files offline, change nothing, print the verdict.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Evaluate request mails offline and print what the daemon would conclude."
    )

    @Flag(name: .long, help: "One JSON object per file and line (the contract of design.md).")
    var json = false

    @Option(name: .long, help: "Evaluate as if now were this ISO 8601 instant (default: the mail's Date).")
    var now: String?

    @Option(name: .long, help: "Folder with rules.yaml and holidays.yaml (default: ./config, then /etc/ocm-intake).")
    var configDir: String?

    @Option(name: .long, help: "Folder of the reply templates, for the wording of observations (default: Templates next to the config folder, ./Templates, then /usr/local/share/ocm-intake/Templates).")
    var templates: String?

    @Argument(help: "Mail files (.eml).")
    var files: [String]

    func validate() throws {
        if let now, ISO8601DateFormatter().date(from: now) == nil {
            throw ValidationError("--now '\(now)' is not an ISO 8601 instant (e.g. 2026-02-16T09:12:00-05:00)")
        }
    }

    func run() throws {
        let inspector: Inspector
        do {
            let files = try ProcedureFiles.locate(configDir)
            let rules = try files.rules()
            let drafter = try TemplateDrafter(directory: try locateTemplates(next: files.directory), rules: rules,
                                              timeZone: CivilDate.bogotaTimeZone)
            inspector = Inspector(rules: rules, calendar: try files.calendar(), wording: drafter.wording)
        } catch let failure as ConfigurationFailure {
            printError("ocm-intake: \(failure.description)")
            throw ExitStatus.usageOrConfig
        } catch let failure as ConfigError {
            printError("ocm-intake: \(failure.description)")
            throw ExitStatus.usageOrConfig
        }
        let instant = now.flatMap { ISO8601DateFormatter().date(from: $0) }
        try forEachMailFile(files, json: json) { file in
            let inspection = inspector.inspect(MessageParser.parse(releasing: file.takeBytes()), file: file.name, now: instant, arrival: file.modified)
            return (inspection, InspectionSummary(inspection).text)
        }
    }

    /// The observations are worded by the reply templates: `--templates`, else the first folder
    /// holding `observacion.mustache` among the usual places.
    func locateTemplates(next config: URL) throws -> String {
        if let templates { return templates }
        let candidates = [config.deletingLastPathComponent().appendingPathComponent("Templates").path, "Templates",
                          "/usr/local/share/ocm-intake/Templates"]
        let partial = TemplateDrafter.observationPartialFile
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/" + partial) }) { return found }
        throw ConfigurationFailure("no reply templates found in \(candidates.joined(separator: ", ")) (use --templates DIR)")
    }
}
