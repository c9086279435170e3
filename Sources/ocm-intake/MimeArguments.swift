/// `mime [--json] FILE…` read without ArgumentParser. Its generic parse grows with the square of
/// the argument count (37.6 M instructions for 1 file, 44 M for 100, 281 M for 860) and built the
/// whole command tree first; a batch of mail files is exactly the case `mime` is for.
/// Anything else — help, another option, `--`, a name starting with `-`, `help`, no file, a
/// repeated `--json` — returns nil and takes the generic path, with its messages and exit codes.
extension MimeCommand {
    /// `arguments` without the program name, as `parseAsRoot` takes them.
    static func plainInvocation(_ arguments: [String]) -> MimeCommand? {
        guard arguments.first == "mime" else { return nil }
        var json = false
        var files: [String] = []
        files.reserveCapacity(arguments.count - 1)
        for argument in arguments.dropFirst() {
            if argument == "--json", !json {
                json = true
            } else if argument.isEmpty || argument.hasPrefix("-") || argument == "help" {
                return nil
            } else {
                files.append(argument)
            }
        }
        guard !files.isEmpty else { return nil }
        var command = MimeCommand()
        command.json = json
        command.files = files
        return command
    }
}
