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
    let delivery: OutboxDelivery
    let logger: Logger
    let now: @Sendable () -> Date
    let stop = StopFlag()

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
        /// Mailboxes that could not be polled, with the reason (server down, login refused...).
        public var errors: [String] = []
    }

    public init(configuration: DaemonConfiguration, rules: Rules, calendar: BusinessCalendar, drafter: any ReplyDrafting,
                logger: Logger, now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.configuration = configuration
        self.logger = logger
        self.now = now
        ledger = try Ledger(path: configuration.ledgerPath, now: now)
        let inspector = Inspector(rules: rules, calendar: calendar, timeZone: configuration.timeZone)
        let intake = MessageIntake(ledger: ledger, inspector: inspector, drafter: drafter, configuration: configuration,
                                   now: now, logger: logger)
        var mailboxes: [String: any MailTransport.Mailbox] = [:]
        var pollers: [MailboxPoller] = []
        for entry in configuration.mailboxes {
            var server = entry.server
            if logger.logLevel <= .trace {
                // The redacted protocol trace (no credentials, data as byte counts).
                let role = entry.role
                server.trace = { line in logger.trace("\(line)", metadata: ["mailbox": "\(role)"]) }
            }
            let mailbox = try server.openMailbox()
            mailboxes[entry.role] = mailbox
            pollers.append(MailboxPoller(entry: entry, mailbox: mailbox, ledger: ledger, intake: intake,
                                         batchSize: configuration.batchSize, logger: logger, stop: stop))
        }
        self.pollers = pollers
        MessageWatchdog.shared.configure(limit: configuration.messageTimeLimit)
        let sender = try configuration.smtp.map { config throws -> any MailSender in try config.openSender() }
        delivery = OutboxDelivery(ledger: ledger, mailboxes: mailboxes,
                                  entries: Dictionary(uniqueKeysWithValues: configuration.mailboxes.map { ($0.role, $0) }),
                                  sender: sender, logger: logger)
    }

    /// One poll of every mailbox, then one outbox delivery. A mailbox that fails does not stop
    /// the others; its error is in the report.
    public func cycle(backfillSince: Date? = nil) async -> CycleReport {
        var report = CycleReport()
        for poller in pollers {
            if stop.isRaised { break }
            do {
                let result = try await poller.poll(backfillSince: backfillSince)
                if result.baseline { report.baselines.append(result.mailbox) }
                report.fetched += result.fetched
                for outcome in result.outcomes {
                    switch outcome {
                    case .opened(let id): report.opened.append(id)
                    case .followUp(let id): report.followUps.append(id)
                    case .skipped(let reason): report.skipped[reason, default: 0] += 1
                    case .quarantined: report.quarantined += 1
                    case .alreadyDone: break
                    }
                }
            } catch {
                report.errors.append("\(poller.entry.role): \(error)")
                logger.error("poll failed", metadata: ["mailbox": "\(poller.entry.role)", "error": "\(error)"])
            }
        }
        let delivered = await delivery.deliverDue(now: now())
        report.delivered = delivered.delivered + delivered.recovered
        report.deliveryFailures = delivered.failed + delivered.retrying
        return report
    }

    /// The service loop (ServiceLifecycle): SIGTERM/SIGINT finish the mail in hand, then return.
    public func run() async throws {
        logger.info("ocm-intake started", metadata: ["mailboxes": "\(configuration.mailboxes.map(\.role))",
                                                     "review": "\(configuration.review.rawValue)"])
        try await withGracefulShutdownHandler {
            var ready = false
            while !stop.isRaised {
                let report = await cycle()
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
