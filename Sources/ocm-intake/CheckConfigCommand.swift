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

    @Flag(name: .long, help: "Also log in to every mailbox (STATUS) and report.")
    var connect = false

    func run() async throws {
        let setup = try withConfiguration { try DaemonSetup.load(config) }
        let c = setup.configuration
        print("configuration \(c.file): ok")
        print("  mailboxes: \(c.mailboxes.map { "\($0.role) <\($0.address)> \($0.server.url)" }.joined(separator: "; "))")
        print("  review: \(c.review.rawValue); poll every \(c.pollInterval); ledger \(c.ledgerPath)")
        print("  rules: \(setup.rules.areas.count) areas, \(setup.rules.kinds.count) kinds, \(setup.rules.materials.count) material items (\(c.rulesDirectory))")
        print("  templates: \(c.templatesDirectory): ok")
        guard connect else { return }
        var failed = !OAuthConnectCheck.tokens(c)
        for entry in c.mailboxes {
            do {
                let status = try await entry.server.openMailbox().status()
                print("  \(entry.role): connected, uidvalidity \(status.uidValidity), \(status.messages) message(s)")
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
}
