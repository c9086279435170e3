import ArgumentParser
import Daemon
import Foundation
import Intake
import Ledger
import ServiceLifecycle
import MailTransport
import UnixSignals

/// `ocm-intake once`: one poll cycle and one outbox delivery, then exit (cron, tests, first tries).
struct OnceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "once", abstract: "Poll every mailbox once, deliver the outbox, exit.")

    @Option(name: .long, help: "ocm-intake.yaml (default: config/ocm-intake.yaml, then /etc/ocm-intake/ocm-intake.yaml).")
    var config: String?

    @Option(name: .long, help: "On first start, handle mail dated from this day (yyyy-mm-dd) instead of taking a baseline.")
    var backfillSince: String?

    @Flag(name: .long, help: "Create the ledger if it does not exist yet (first start). Without it a missing or empty ledger is an error.")
    var `init` = false

    func run() async throws {
        let since = try backfillSince.map { text -> Date in
            guard let day = CivilDate(text) else { throw ValidationError("--backfill-since '\(text)' is not a date (yyyy-mm-dd)") }
            return day.startInstant(in: CivilDate.bogotaTimeZone)
        }
        let setup = try withConfiguration { try DaemonSetup.load(config) }
        let logger = DaemonSetup.bootstrapLogging()
        let (daemon, lock) = try withLedger { try setup.lockedDaemon(logger: logger, createLedger: `init`) }
        let report = await daemon.cycle(backfillSince: since)
        print(CycleSummary(report: report, configuration: setup.configuration).text)
        withExtendedLifetime(lock) {}
        if !report.errors.isEmpty { throw ExitStatus.runtimeFailure }
    }
}

/// `ocm-intake run`: the daemon. SIGTERM/SIGINT finish the current mail and exit 0.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the daemon: poll every poll_interval until SIGTERM.")

    @Option(name: .long, help: "ocm-intake.yaml (default: config/ocm-intake.yaml, then /etc/ocm-intake/ocm-intake.yaml).")
    var config: String?

    @Flag(name: .long, help: "Create the ledger if it does not exist yet (first start). Without it a missing or empty ledger is an error.")
    var `init` = false

    func run() async throws {
        let setup = try withConfiguration { try DaemonSetup.load(config) }
        let logger = DaemonSetup.bootstrapLogging()
        let (daemon, lock) = try withLedger { try setup.lockedDaemon(logger: logger, createLedger: `init`) }
        let group = ServiceGroup(services: [daemon], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        do {
            try await group.run()
        } catch let failure as IntakeDaemon.LedgerFailure {
            printError("ocm-intake: \(failure.description)")
            throw ExitStatus.runtimeFailure
        }
        withExtendedLifetime(lock) {}
    }
}

/// What `once` did, for the admin at the terminal.
struct CycleSummary {
    let report: IntakeDaemon.CycleReport
    let configuration: DaemonConfiguration

    var text: String {
        var lines: [String] = []
        for mailbox in report.baselines {
            lines.append("\(mailbox): first start, baseline taken (mail already there is not answered; use --backfill-since to handle it)")
        }
        lines.append("fetched \(report.fetched) message(s); opened \(report.opened.count) request(s)\(report.opened.isEmpty ? "" : ": " + report.opened.joined(separator: ", "))")
        if !report.followUps.isEmpty { lines.append("follow-ups: \(report.followUps.joined(separator: ", "))") }
        if !report.proposed.isEmpty { lines.append("session proposals drafted: \(report.proposed.joined(separator: ", "))") }
        if !report.skipped.isEmpty {
            lines.append("skipped: " + report.skipped.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        if report.quarantined > 0 { lines.append("quarantined: \(report.quarantined) (see `ocm-intake status`)") }
        lines.append("replies delivered: \(report.delivered) (review: \(configuration.review.rawValue))" + (report.deliveryFailures > 0 ? ", failed or retrying: \(report.deliveryFailures)" : ""))
        if report.held > 0 { lines.append("replies held, outcome unknown: \(report.held) (see `ocm-intake outbox list`)") }
        if configuration.review == .drafts, let mailbox = configuration.mailboxes.first(where: { $0.role == "aseguramiento" }) ?? configuration.mailboxes.first {
            if case .maildir(let path) = mailbox.server.url {
                lines.append("drafts are in \(path)/.\(mailbox.draftsFolder)/cur (Maildir; open with any mail client)")
            } else {
                lines.append("drafts are in \(mailbox.address), folder \(mailbox.draftsFolder)")
            }
        }
        for error in report.errors { lines.append("ERROR \(error)") }
        return lines.joined(separator: "\n")
    }
}
