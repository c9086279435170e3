import ArgumentParser
import Daemon
import Foundation
import Ledger
import MIME

/// Opens the ledger the configuration names, read-side commands only.
func openLedger(_ config: String?) throws -> (Ledger, DaemonConfiguration) {
    let setup = try withConfiguration { try DaemonSetup.load(config, readSecrets: false) }
    let ledger = try withLedger { try Ledger(path: setup.configuration.ledgerPath, create: false) }
    return (ledger, setup.configuration)
}

/// `ocm-intake status`: what an admin checks first.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Last poll per mailbox, outbox depth, quarantine, errors.")

    @Option(name: .long, help: "ocm-intake.yaml.")
    var config: String?

    func run() throws {
        let (ledger, configuration) = try openLedger(config)
        let status = try ledger.status()
        let iso = ISO8601DateFormatter()
        print("ledger: \(configuration.ledgerPath)")
        let size = try ledger.size()
        print("ledger size: \(Self.megabytes(size.bytes)); raw messages kept: \(size.rawMessages) (\(Self.megabytes(size.rawBytes)), "
            + "dropped after \(configuration.rawRetentionDays) days)")
        for mailbox in status.mailboxes {
            var line = "mailbox \(mailbox.name): uidvalidity \(mailbox.uidValidity), last uid \(mailbox.lastUID)"
            line += ", last poll \(mailbox.lastPollAt.map(iso.string) ?? "never")"
            line += OAuthConnectCheck.statusSuffix(mailbox, configuration: configuration)
            if let error = mailbox.lastError, mailbox.isFailing { line += ", FAILING: \(error)" }
            print(line)
        }
        if status.mailboxes.isEmpty { print("no mailbox polled yet") }
        let outbox = OutboxStatus.allCases.map { "\($0.rawValue) \(status.outbox[$0] ?? 0)" }.joined(separator: ", ")
        print("outbox: \(outbox)")
        let requests = RequestState.allCases.map { "\($0.rawValue) \(status.requests[$0] ?? 0)" }.joined(separator: ", ")
        print("requests: \(requests)")
        print("quarantined messages: \(status.quarantinedMessages); unfinished: \(status.unfinishedMessages); retrying deliveries: \(status.retryingDeliveries)")
        let attention = try ledger.attention(stuckBefore: Date().addingTimeInterval(-2 * Double(configuration.pollInterval.components.seconds)))
        print("rate-limited mails (daily limit per sender): \(attention.rateLimited)")
        for (label, entries) in [("held", attention.held), ("failed", attention.failed), ("retrying", attention.retrying)] {
            for entry in entries { print("reply \(label): \(OutboxListing.line(entry))") }
        }
        for line in attention.stuck { print("STUCK \(line)") }
        // Later steps overdue after the session (issue 12; days in followup.yaml `pasos`).
        let missing = try MissingStepsListing.lines(try FollowupContext.open(config: config, today: nil))
        print("missing later steps: \(missing.count)")
        missing.forEach { print("MISSING \($0)") }
        print("errors: \(status.errorCount)")
    }

    static func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}

/// `ocm-intake requests [--state S] [--json]`.
struct RequestsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "requests", abstract: "The ledger's requests and their states.")

    @Option(name: .long, help: "ocm-intake.yaml.")
    var config: String?

    @Option(name: .long, help: "Only this state (\(RequestState.allCases.map(\.rawValue).joined(separator: ", "))).")
    var state: String?

    @Flag(name: .long, help: "One JSON object per line.")
    var json = false

    func run() throws {
        let filter = try state.map { text -> RequestState in
            guard let state = RequestState(rawValue: text) else { throw ValidationError("unknown state '\(text)'") }
            return state
        }
        let (ledger, _) = try openLedger(config)
        for record in try ledger.requests(state: filter) {
            if json {
                var object: [String: Any] = ["id": record.id.description, "state": record.state.rawValue, "revision": record.revision]
                object["area"] = record.fields.area ?? NSNull()
                object["kind"] = record.fields.kind ?? NSNull()
                object["topic"] = record.fields.topic ?? NSNull()
                object["requester"] = record.fields.requester ?? NSNull()
                object["productionDate"] = record.fields.productionDate ?? NSNull()
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                print(String(decoding: data, as: UTF8.self))
            } else {
                print("\(record.id)  \(record.state.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)) \(record.fields.area ?? "?")/\(record.fields.kind ?? "?")  \(record.fields.requester ?? "?")  \(record.fields.topic ?? "")")
            }
        }
    }
}

/// `ocm-intake review list|show|approve|discard`: the held-reply queue of `review: queue`.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "The held-reply queue (review: queue).",
        subcommands: [List.self, Show.self, Approve.self, Discard.self])

    struct List: ParsableCommand {
        @Option(name: .long, help: "ocm-intake.yaml.") var config: String?
        func run() throws {
            let (ledger, _) = try openLedger(config)
            for entry in try ledger.outbox(status: .held) {
                let subject = MessageParser.parse([UInt8](entry.raw)).subject ?? ""
                print("\(entry.id)  \(entry.request) r\(entry.revision)  \(subject)")
            }
        }
    }

    struct Show: ParsableCommand {
        @Option(name: .long, help: "ocm-intake.yaml.") var config: String?
        @Argument(help: "Outbox entry id (from `review list`).") var id: Int64
        func run() throws {
            let (ledger, _) = try openLedger(config)
            guard let entry = try ledger.outboxEntry(id) else { throw ValidationError("no outbox entry \(id)") }
            print(String(decoding: entry.raw, as: UTF8.self))
        }
    }

    struct Approve: ParsableCommand {
        @Option(name: .long, help: "ocm-intake.yaml.") var config: String?
        @Argument(help: "Outbox entry id.") var id: Int64
        func run() throws {
            let (ledger, _) = try openLedger(config)
            let entry = try ledger.approve(id)
            print("approved \(entry.id) (\(entry.request)); it is sent at the next cycle")
        }
    }

    struct Discard: ParsableCommand {
        @Option(name: .long, help: "ocm-intake.yaml.") var config: String?
        @Option(name: .long, help: "Why (kept in the audit trail).") var reason: String = "discarded by staff"
        @Argument(help: "Outbox entry id.") var id: Int64
        func run() throws {
            let (ledger, _) = try openLedger(config)
            let entry = try ledger.discard(id, reason: reason)
            print("discarded \(entry.id) (\(entry.request))")
        }
    }
}
