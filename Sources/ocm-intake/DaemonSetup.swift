import Daemon
import Followup
import Foundation
import Intake
import Ledger
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
    /// followup.yaml (issue 12): the ANS, results and later steps; defaults when absent.
    var followup = FollowupConfig()

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
            var setup = DaemonSetup(configuration: configuration, rules: rules, calendar: try procedure.calendar(), drafter: drafter)
            setup.followup = try FollowupConfig.load(directory: procedure.directory)
            return setup
        } catch let error as ConfigError {
            throw ConfigurationFailure(error.description)
        }
    }

    func daemon(logger: Logger, createLedger: Bool = false) throws -> IntakeDaemon {
        try IntakeDaemon(configuration: configuration, rules: rules, calendar: calendar, drafter: drafter, logger: logger,
                         createLedger: createLedger, followup: followup)
    }

    /// The daemon with the ledger's lock held (one daemon per ledger); keep the lock alive while it runs.
    func lockedDaemon(logger: Logger, createLedger: Bool) throws -> (IntakeDaemon, LedgerLock) {
        if !createLedger, !FileManager.default.fileExists(atPath: configuration.ledgerPath) {
            throw LedgerError.missing(path: configuration.ledgerPath)
        }
        if createLedger {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: configuration.ledgerPath).deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        let lock = try LedgerLock.acquire(ledgerPath: configuration.ledgerPath)
        return (try daemon(logger: logger, createLedger: createLedger), lock)
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

/// Runs `body`, turning ledger failures (missing, empty, damaged, locked by another daemon) into
/// exit code 1 with their message: the ledger's fault, never the mail's.
func withLedger<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as LedgerError {
        printError("ocm-intake: \(error.description)")
        throw ExitStatus.runtimeFailure
    }
}
