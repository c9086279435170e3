import Followup
import Foundation
import Intake
import Ledger
import Logging
import MailTransport
import ServiceLifecycle

/// The service admins run: every `pollInterval`, poll each mailbox and deliver the outbox. Built
/// from a validated configuration; a bad configuration never gets this far (style.md 9).
public final class IntakeDaemon: Service, Sendable {
    public let configuration: DaemonConfiguration
    public let ledger: Ledger
    let pollers: [MailboxPoller]
    let intake: MessageIntake
    let delivery: OutboxDelivery
    /// After approval (issue 12): session proposals, sessions given, provider mail.
    let followupIntake: FollowupIntake
    let logger: Logger
    let now: @Sendable () -> Date
    let stop: StopFlag

    /// What one cycle did, for `once` and the logs.
    public struct CycleReport: Sendable {
        public var baselines: [String] = []
        public var fetched = 0
        public var opened: [String] = []
        public var followUps: [String] = []
        public var skipped: [String: Int] = [:]
        public var quarantined = 0
        public var delivered = 0
        public var deliveryFailures = 0
        public var held = 0
        /// Mailboxes that could not be polled, with the reason (server down, login refused...).
        public var errors: [String] = []
        /// The ledger failed (I/O error, damage): the cycle stopped there; never the mail's fault.
        public var ledgerError: String?
        /// Requests whose session proposal was drafted this cycle (issue 12).
        public var proposed: [String] = []
    }

    /// The daemon's own failure: the ledger cannot be trusted, so it stops (exit 1) instead of
    /// going on deciding about mail.
    public struct LedgerFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// `createLedger`: make the ledger when missing (`--init`, tests); otherwise a missing, empty
    /// or damaged ledger throws `LedgerError` (checked with `PRAGMA quick_check`) and nothing runs.
    public init(configuration: DaemonConfiguration, rules: Rules, calendar: BusinessCalendar, drafter: any ReplyDrafting,
                logger: Logger, createLedger: Bool = true, now: @escaping @Sendable () -> Date = { Date() },
                followup: FollowupConfig = FollowupConfig()) throws {
        let stop = StopFlag()
        self.stop = stop
        self.configuration = configuration
        self.logger = logger
        self.now = now
        ledger = try Ledger(path: configuration.ledgerPath, create: createLedger, now: now)
        try ledger.checkIntegrity()
        let inspector = Inspector(rules: rules, calendar: calendar, timeZone: configuration.timeZone, wording: drafter.wording)
        var intake = MessageIntake(ledger: ledger, inspector: inspector, drafter: drafter, configuration: configuration,
                                   installationID: try ledger.installationID(), now: now, logger: logger)
        let followupIntake = FollowupIntake(ledger: ledger, configuration: configuration, followup: followup, calendar: calendar,
                                            installationID: try ledger.installationID(), now: now, logger: logger)
        intake.followup = followupIntake
        self.followupIntake = followupIntake
        self.intake = intake
        var mailboxes: [String: any MailTransport.Mailbox] = [:]
        var pollers: [MailboxPoller] = []
        for entry in configuration.mailboxes {
            var server = entry.server
            if logger.logLevel <= .trace {
                // The redacted protocol trace (no credentials, data as byte counts).
                let role = entry.role
                server.trace = { line in logger.trace("\(line)", metadata: ["mailbox": "\(role)"]) }
            }
            // SIGTERM ends a transfer stuck on a slow server within seconds (issue 7 item 7).
            server.limits.shouldStop = { stop.isRaised }
            let mailbox = try server.openMailbox()
            mailboxes[entry.role] = mailbox
            pollers.append(MailboxPoller(entry: entry, mailbox: mailbox, ledger: ledger, intake: intake,
                                         batchSize: configuration.batchSize, logger: logger, stop: stop))
        }
        self.pollers = pollers
        MessageWatchdog.shared.configure(limit: configuration.messageTimeLimit)
        let sender = try configuration.smtp.map { config throws -> any MailSender in
            var config = config
            config.limits.shouldStop = { stop.isRaised }
            return try config.openSender()
        }
        delivery = OutboxDelivery(ledger: ledger, mailboxes: mailboxes,
                                  entries: Dictionary(uniqueKeysWithValues: configuration.mailboxes.map { ($0.role, $0) }),
                                  sender: sender, logger: logger)
    }

    /// One cycle: first every unfinished queue (messages and requests a crash left half done,
    /// deliveries in doubt), then a poll of every mailbox, then the due outbox. A mailbox that
    /// fails does not stop the others; a ledger error stops the cycle (`ledgerError`).
    public func cycle(backfillSince: Date? = nil) async -> CycleReport {
        var report = CycleReport()
        tally(intake.drain(backfillSince: backfillSince), into: &report)
        if report.ledgerError == nil { dropExpiredRawMessages(into: &report) }
        var delivered = OutboxDelivery.Report()
        do {
            if report.ledgerError == nil { try await delivery.recover(into: &delivered) }
        } catch {
            report.ledgerError = "\(error)"
        }
        for poller in pollers {
            if stop.isRaised || report.ledgerError != nil { break }
            do {
                let result = try await poller.poll(backfillSince: backfillSince)
                if result.baseline { report.baselines.append(result.mailbox) }
                report.fetched += result.fetched
                tally(result.outcomes, into: &report)
            } catch {
                report.errors.append("\(poller.entry.role): \(error)")
                logger.error("poll failed", metadata: ["mailbox": "\(poller.entry.role)", "error": "\(error)"])
                // The poller reports its ledger writes failing as a poll error: tell a damaged
                // ledger (stop) from a server that is down (go on with the other mailboxes).
                do { try ledger.checkIntegrity() } catch { report.ledgerError = "\(error)" }
            }
        }
        // After approval: sessions given move on, viable requests get their session proposal (issue 12).
        if report.ledgerError == nil, !stop.isRaised {
            do { report.proposed = try followupIntake.sweep().map(\.description) } catch { report.ledgerError = "\(error)" }
        }
        // Stopping: the outbox waits in the ledger for the next start rather than delay the exit.
        if report.ledgerError == nil, !stop.isRaised {
            do {
                let due = try await delivery.deliverDue(now: now())
                delivered.delivered += due.delivered
                delivered.failed += due.failed
                delivered.retrying += due.retrying
                delivered.held += due.held
            } catch {
                report.ledgerError = "\(error)"
            }
        }
        report.delivered = delivered.delivered + delivered.recovered
        report.deliveryFailures = delivered.failed + delivered.retrying
        report.held = delivered.held
        if let failure = report.ledgerError {
            report.errors.append("ledger: \(failure)")
            logger.critical("ledger failed; cycle stopped", metadata: ["error": "\(failure)"])
        }
        return report
    }

    private func tally(_ outcomes: [MessageIntake.Outcome], into report: inout CycleReport) {
        for outcome in outcomes {
            switch outcome {
            case .opened(let id): report.opened.append(id)
            case .followUp(let id): report.followUps.append(id)
            case .skipped(let reason): report.skipped[reason, default: 0] += 1
            case .quarantined: report.quarantined += 1
            case .alreadyDone: break
            case .ledgerFailed(let error): report.ledgerError = report.ledgerError ?? error
            }
        }
    }

    /// The service loop (ServiceLifecycle): SIGTERM/SIGINT finish the mail in hand, then return.
    public func run() async throws {
        logger.info("ocm-intake started", metadata: ["mailboxes": "\(configuration.mailboxes.map(\.role))",
                                                     "review": "\(configuration.review.rawValue)"])
        try await withGracefulShutdownHandler {
            var ready = false
            while !stop.isRaised {
                let report = await cycle()
                if let failure = report.ledgerError { throw LedgerFailure(description: "ledger: \(failure)") }
                logger.info("cycle", metadata: ["fetched": "\(report.fetched)", "opened": "\(report.opened.count)",
                                                "delivered": "\(report.delivered)", "errors": "\(report.errors.count)"])
                if !ready { MessageWatchdog.shared.notifier.notify("READY=1"); ready = true }
                if stop.isRaised { break }
                do {
                    try await sleepNotifyingWatchdog(configuration.pollInterval)
                } catch {
                    break
                }
            }
        } onGracefulShutdown: {
            self.stop.raise()
            // A mail stuck in hand must not hold the stop past systemd's patience (issue 5/9).
            MessageWatchdog.shared.shorten(to: 4)
        }
        logger.info("ocm-intake stopped")
    }
}
