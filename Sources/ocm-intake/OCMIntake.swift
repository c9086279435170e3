import ArgumentParser
import Foundation

/// The command line: argument parsing only; every command delegates to the library targets.
@main
struct OCMIntake: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocm-intake",
        abstract: "Reads ICETEX training-request mails and checks them against procedure M5-1-21.",
        subcommands: [RunCommand.self, OnceCommand.self, InspectCommand.self, CheckConfigCommand.self, StatusCommand.self,
                      RequestsCommand.self, ReviewCommand.self, MimeCommand.self, CalendarCommand.self,
                      OutboxCommand.self, BackupCommand.self, ScheduleCommand.self, ResultsCommand.self,
                      ReportCommand.self]
    )

    /// ArgumentParser exits usage errors with 64 (EX_USAGE); design.md promises 2.
    static func main() async {
        do {
            if let mime = MimeCommand.plainInvocation(Array(CommandLine.arguments.dropFirst())) {
                try mime.run()  // a batch of mail files: no generic parse (see MimeArguments.swift)
                return
            }
            var command = try parseAsRoot()
            if var async = command as? AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)  // --help, --version
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { printError(message) }
            Foundation.exit(code.rawValue == 64 ? ExitStatus.usageOrConfig.rawValue : code.rawValue)
        }
    }
}

/// Exit codes of design.md: 0 ok, 1 runtime failure, 2 usage or configuration error.
enum ExitStatus {
    static let usageOrConfig = ExitCode(2)
    static let runtimeFailure = ExitCode(1)
}
