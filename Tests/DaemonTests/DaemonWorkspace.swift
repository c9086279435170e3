import Daemon
import Foundation
import Intake
import Ledger
import Logging
import XCTest

/// A temp folder holding one daemon installation: its own `ocm-intake.yaml`, secret file and
/// ledger; templates and rules come from the package. Runs the daemon as admins do (the built
/// `ocm-intake once` binary) or in-process (`IntakeDaemon.cycle()`).
final class DaemonWorkspace {
    static let formacionSecretVariable = "OCM_DAEMON_TEST_FORMACION_SECRET"
    static let smtpSecretVariable = "OCM_DAEMON_TEST_SMTP_SECRET"

    let dir: URL
    var configPath: String { dir.appendingPathComponent("ocm-intake.yaml").path }
    var ledgerPath: String { dir.appendingPathComponent("ledger.sqlite").path }

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("ocm-daemon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }

    /// Both OCM mailboxes of `lab` over IMAPS (TLS verified against the lab CA). Aseguramiento's
    /// password comes from a 0600 secret file, Formación's and SMTP's from environment variables.
    func writeIMAPConfig(lab: PrivateLab, review: String = "drafts", imapsURL: String? = nil) throws {
        let secret = dir.appendingPathComponent("aseguramiento.secret")
        try Data("pw-aseguramientoocm\n".utf8).write(to: secret)
        guard chmod(secret.path, 0o600) == 0 else { throw LabFailure("chmod \(secret.path)") }
        setenv(Self.formacionSecretVariable, "pw-formacionocm", 1)
        setenv(Self.smtpSecretVariable, "pw-aseguramientoocm", 1)
        let base = imapsURL ?? lab.imapsURL
        let yaml = """
            # written by DaemonTests for lab \(lab.dir)
            mailboxes:
              - role: aseguramiento
                address: \(lab.address("aseguramientoocm"))
                url: \(base)/INBOX
                login: \(lab.address("aseguramientoocm"))
                secret_file: aseguramiento.secret
                ca_file: \(lab.ca)
                drafts_folder: Drafts
              - role: formacion
                address: \(lab.address("formacionocm"))
                url: \(base)/INBOX
                login: \(lab.address("formacionocm"))
                secret_env: \(Self.formacionSecretVariable)
                ca_file: \(lab.ca)
            smtp:
              url: \(lab.submissionURL)/ocm-intake-tests
              login: \(lab.address("aseguramientoocm"))
              secret_env: \(Self.smtpSecretVariable)
              ca_file: \(lab.ca)
            review: \(review)
            poll_interval: 60
            ledger: ledger.sqlite
            templates: \(Package.root.appendingPathComponent("Templates").path)
            rules: \(Package.root.appendingPathComponent("config").path)
            time_zone: America/Bogota
            hostname: ocm-intake.test

            """
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: configPath))
    }

    /// The embedded default: two local Maildirs under this folder, drafts in Aseguramiento's `.Drafts`.
    func writeMaildirConfig() throws {
        let yaml = """
            mailboxes:
              - role: aseguramiento
                address: aseguramientoocm@icetex.gov.co
                url: maildir:mail/aseguramientoocm
              - role: formacion
                address: formacionocm@icetex.gov.co
                url: maildir:mail/formacionocm
            review: drafts
            ledger: ledger.sqlite
            templates: \(Package.root.appendingPathComponent("Templates").path)
            rules: \(Package.root.appendingPathComponent("config").path)
            time_zone: America/Bogota
            hostname: ocm-intake.test

            """
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: configPath))
    }

    /// `ocm-intake once --config …` as a separate process.
    func once(_ extra: [String] = []) throws -> ProcessResult { try command(["once"] + extra) }

    /// `ocm-intake status --config …`.
    func status() throws -> ProcessResult { try command(["status"]) }

    /// `once`/`run` get `--init` while the ledger does not exist yet, as an admin's first start does.
    var initLedgerOnFirstStart = true

    func command(_ arguments: [String], logLevel: String = "info", extraEnvironment: [String: String] = [:]) throws -> ProcessResult {
        var arguments = arguments
        if initLedgerOnFirstStart, ["once", "run"].contains(arguments.first ?? ""),
           !FileManager.default.fileExists(atPath: ledgerPath) {
            arguments.insert("--init", at: 1)
        }
        var environment = ProcessInfo.processInfo.environment.merging(extraEnvironment) { $1 }
        environment[Self.formacionSecretVariable] = "pw-formacionocm"
        environment[Self.smtpSecretVariable] = "pw-aseguramientoocm"
        environment["OCM_INTAKE_LOG_LEVEL"] = logLevel
        let binary = Package.binary
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw LabFailure("no built binary at \(binary.path) (swift build --build-tests builds it)")
        }
        // --config last: it then belongs to the innermost subcommand (`review approve 3 --config …`).
        return try runProcess(binary.path, arguments + ["--config", configPath], environment: environment,
                              directory: dir)
    }

    /// `once` that must succeed.
    @discardableResult
    func onceOK(_ extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> ProcessResult {
        let result = try once(extra)
        XCTAssertEqual(result.status, 0, result.all, file: file, line: line)
        return result
    }

    /// The same configuration, loaded and run in this process.
    func daemon() throws -> IntakeDaemon {
        let configuration = try DaemonConfiguration.load(path: configPath)
        let rulesDirectory = URL(fileURLWithPath: configuration.rulesDirectory)
        let rulesFile = rulesDirectory.appendingPathComponent("rules.yaml").path
        let rules = try Rules(yaml: String(decoding: try Data(contentsOf: URL(fileURLWithPath: rulesFile)), as: UTF8.self), file: rulesFile)
        let holidaysFile = rulesDirectory.appendingPathComponent("holidays.yaml").path
        let overrides = try HolidayOverrides(yaml: String(decoding: try Data(contentsOf: URL(fileURLWithPath: holidaysFile)), as: UTF8.self),
                                             file: holidaysFile)
        var logger = Logger(label: "daemon-tests")
        logger.logLevel = .warning
        return try IntakeDaemon(configuration: configuration, rules: rules, calendar: BusinessCalendar(overrides: overrides),
                                drafter: try TemplateDrafter(directory: configuration.templatesDirectory, rules: rules, timeZone: configuration.timeZone), logger: logger)
    }

    /// A second, independent handle on the daemon's ledger (SQLite WAL: safe beside the daemon).
    func ledger() throws -> Ledger { try Ledger(path: ledgerPath) }
}
