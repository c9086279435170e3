import ArgumentParser
import Daemon
import Foundation
import MailTransport

/// `ocm-intake check-config [--connect]`: validate configuration, rules, holidays and templates;
/// with `--connect`, log in to every mailbox and report. Exit 2 on a configuration error, 1 when
/// a server cannot be reached.
struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check-config",
                                                    abstract: "Validate config, rules, holidays and templates; --connect logs in to every mailbox.")

    @Option(name: .long, help: "ocm-intake.yaml.")
    var config: String?

    @Flag(name: .long, help: "Also log in to every mailbox and SMTP, and check that the Drafts folder exists and can be written to.")
    var connect = false

    func run() async throws {
        let setup = try withConfiguration { try DaemonSetup.load(config) }
        let c = setup.configuration
        print("configuration \(c.file): ok")
        print("  mailboxes: \(c.mailboxes.map { "\($0.role) <\($0.address)> \($0.server.url)" }.joined(separator: "; "))")
        print("  review: \(c.review.rawValue); poll every \(c.pollInterval); ledger \(c.ledgerPath)")
        print("  rules: \(setup.rules.areas.count) areas, \(setup.rules.kinds.count) kinds, \(setup.rules.materials.count) material items (\(c.rulesDirectory))")
        print("  templates: \(c.templatesDirectory): ok")
        let rulesFile = c.rulesDirectory + "/rules.yaml"
        if let yaml = try? String(contentsOfFile: rulesFile, encoding: .utf8) {
            for warning in ProfessionalWarnings.lines(rules: setup.rules, yaml: yaml, file: rulesFile) { print("  " + warning) }
        }
        guard connect else { return }
        var failed = !OAuthConnectCheck.tokens(c)
        // Drafts go to Aseguramiento's folder (MessageIntake.replyMailbox), in `review: drafts`.
        let draftsRole = c.review == .drafts ? (c.mailboxes.first { $0.role == "aseguramiento" } ?? c.mailboxes[0]).role : nil
        for entry in c.mailboxes {
            do {
                let mailbox = try entry.server.openMailbox()
                let status = try await mailbox.status()
                print("  \(entry.role): connected, uidvalidity \(status.uidValidity), \(status.messages) message(s)")
                if entry.role == draftsRole, let imap = mailbox as? IMAPMailbox {
                    // Without drafts_folder the server's \Drafts is used (README, Microsoft 365).
                    let folder = entry.server.draftsFromSpecialUse ? (try await imap.folders().drafts ?? entry.draftsFolder) : entry.draftsFolder
                    failed = try await !Self.report(imap.checkDraftsFolder(folder), role: entry.role) || failed
                }
            } catch {
                failed = true
                print("  \(entry.role): FAILED at step \(OAuthConnectCheck.step(of: error)): \(error)")
            }
        }
        if let smtp = c.smtp {
            do {
                try await smtp.openSender().verify()
                print("  smtp \(smtp.url): connected and logged in")
            } catch {
                failed = true
                print("  smtp \(smtp.url): FAILED at step \(OAuthConnectCheck.step(of: error)): \(error)")
            }
        }
        if failed { throw ExitStatus.runtimeFailure }
    }

    /// Prints what was found about the drafts folder; false when drafts cannot be stored there.
    static func report(_ check: DraftsFolderCheck, role: String) -> Bool {
        let marked = check.specialUse.map { "the server's \\Drafts folder is '\($0)'" } ?? "the server marks no folder \\Drafts"
        guard check.exists else {
            let hint = check.specialUse.map { " (set drafts_folder: \($0))" } ?? ""
            print("  \(role): FAILED drafts folder '\(check.configured)' does not exist; \(marked)\(hint)")
            return false
        }
        guard check.writable == true else {
            print("  \(role): FAILED drafts folder '\(check.configured)' cannot be written to: \(check.problem ?? "APPEND refused")")
            return false
        }
        let note = check.specialUse == check.configured ? "it is the server's \\Drafts folder" : "note: \(marked)"
        print("  \(role): drafts folder '\(check.configured)' exists and can be written to; \(note)")
        return true
    }
}
