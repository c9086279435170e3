import ArgumentParser

/// The command line: argument parsing only; every command delegates to the library targets.
@main
struct OCMIntake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocm-intake",
        abstract: "Reads ICETEX training-request mails and checks them against procedure M5-1-21.",
        subcommands: [InspectCommand.self, MimeCommand.self]
    )
}

/// Exit codes of design.md: 0 ok, 1 runtime failure, 2 usage or configuration error.
enum ExitStatus {
    static let usageOrConfig = ExitCode(2)
    static let runtimeFailure = ExitCode(1)
}
