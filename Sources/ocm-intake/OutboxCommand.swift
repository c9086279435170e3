import ArgumentParser
import Foundation
import Ledger
import MIME

/// `ocm-intake outbox list|retry|hold|discard`: the admin's hands on replies the daemon could
/// not settle alone (failed: a wrong Drafts folder, a refused login; held: an SMTP send whose
/// outcome is unknown).
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "List the outbox; retry, hold or discard a reply.",
        subcommands: [List.self, Retry.self, Hold.self, Discard.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replies not yet delivered (--all: every reply).")
        @Option(name: .long, help: "ocm-intake.yaml.") var config: String?
        @Flag(name: .long, help: "Delivered and discarded replies too.") var all = false
        func run() throws {
            let (ledger, _) = try openLedger(config)
            let statuses = all ? OutboxStatus.allCases : [.pending, .delivering, .held, .failed]
            for status in statuses {
                for entry in try ledger.outbox(status: status) { print(OutboxListing.line(entry)) }
            }
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A failed or held reply is tried again at the next cycle (check Sent first for a held SMTP reply).")
        @Option(name: .long, help: "ocm-intake.yaml.") var config: String?
        @Argument(help: "Outbox entry id (from `outbox list`).") var id: Int64
        func run() throws {
            let (ledger, _) = try openLedger(config)
            let entry = try withLedger { try ledger.requeue(id) }
            print("reply \(entry.id) (\(entry.request)) is due again; it is delivered at the next cycle")
        }
    }

    struct Hold: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Keep a pending or failed reply from being delivered.")
        @Option(name: .long, help: "ocm-intake.yaml.") var config: String?
        @Option(name: .long, help: "Why (kept in the audit trail).") var reason: String = "held by an admin"
        @Argument(help: "Outbox entry id.") var id: Int64
        func run() throws {
            let (ledger, _) = try openLedger(config)
            let entry = try withLedger { try ledger.hold(id, reason: reason) }
            print("reply \(entry.id) (\(entry.request)) held")
        }
    }

    struct Discard: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The reply is never delivered.")
        @Option(name: .long, help: "ocm-intake.yaml.") var config: String?
        @Option(name: .long, help: "Why (kept in the audit trail).") var reason: String = "discarded by an admin"
        @Argument(help: "Outbox entry id.") var id: Int64
        func run() throws {
            let (ledger, _) = try openLedger(config)
            let entry = try withLedger { try ledger.discard(id, reason: reason) }
            print("reply \(entry.id) (\(entry.request)) discarded")
        }
    }
}

/// One outbox entry on one line, for `outbox list` and `status`.
enum OutboxListing {
    static func line(_ entry: OutboxEntry) -> String {
        let subject = MessageParser.parse([UInt8](entry.raw)).subject ?? ""
        var text = "\(entry.id)  \(entry.request) r\(entry.revision)  \(entry.status.rawValue)  \(entry.target.kind.rawValue):\(entry.target.mailbox)"
        text += "  attempts \(entry.attempts)  \(subject)"
        if let error = entry.lastError { text += "  [\(error)]" }
        return text
    }
}

/// `ocm-intake backup FILE`: SQLite's online backup of the ledger, consistent while the daemon runs.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the ledger to FILE with SQLite's online backup (safe while the daemon runs).")
    @Option(name: .long, help: "ocm-intake.yaml.") var config: String?
    @Argument(help: "Where to write the copy (must not exist).") var file: String
    func run() throws {
        let (ledger, configuration) = try openLedger(config)
        try withLedger { try ledger.backup(to: file) }
        print("ledger \(configuration.ledgerPath) backed up to \(file)")
    }
}
