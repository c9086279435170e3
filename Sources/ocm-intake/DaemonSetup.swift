import Daemon
import Foundation
import Intake
import Logging

/// Builds what the daemon commands share from `--config`: the validated configuration, the
/// procedure files, the reply renderer and logging. Every configuration problem becomes a
/// message naming file, line and key, and exit code 2.
struct DaemonSetup {
    static let defaultConfigPaths = ["config/ocm-intake.yaml", "/etc/ocm-intake/ocm-intake.yaml"]

    let configuration: DaemonConfiguration
    let rules: Rules
    let calendar: BusinessCalendar
    let drafter: any ReplyDrafting

    static func load(_ path: String?, readSecrets: Bool = true) throws -> DaemonSetup {
        let candidates = path.map { [$0] } ?? defaultConfigPaths
        guard let file = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) ?? path else {
            throw ConfigurationFailure("no configuration found at \(candidates.joined(separator: " or ")) (use --config FILE)")
        }
        do {
            let configuration = try DaemonConfiguration.load(path: file, readSecrets: readSecrets)
            let procedure = ProcedureFiles(directory: URL(fileURLWithPath: configuration.rulesDirectory))
            let rules = try procedure.rules()
            let drafter = try TemplateDrafter(directory: configuration.templatesDirectory, rules: rules, timeZone: configuration.timeZone)
            return DaemonSetup(configuration: configuration, rules: rules, calendar: try procedure.calendar(), drafter: drafter)
        } catch let error as ConfigError {
            throw ConfigurationFailure(error.description)
        }
    }

    func daemon(logger: Logger) throws -> IntakeDaemon {
        try IntakeDaemon(configuration: configuration, rules: rules, calendar: calendar, drafter: drafter, logger: logger)
    }

    /// Logs go to stderr (journald under systemd), level from `OCM_INTAKE_LOG_LEVEL` [info].
    static func bootstrapLogging() -> Logger {
        let level = ProcessInfo.processInfo.environment["OCM_INTAKE_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "ocm-intake")
    }
}

/// Runs `body`, turning configuration failures into exit code 2 with their message.
func withConfiguration<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let failure as ConfigurationFailure {
        printError("ocm-intake: \(failure.description)")
        throw ExitStatus.usageOrConfig
    }
}
