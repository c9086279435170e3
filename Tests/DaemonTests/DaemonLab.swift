import Foundation
import XCTest

/// Where the package and the built `ocm-intake` binary are.
enum Package {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary sits in the build folder with the test bundle (Linux reports the folder
    /// itself as the bundle URL; Darwin the .xctest inside it).
    static var binary: URL {
        let bundle = Bundle(for: PrivateLab.self).bundleURL
        let candidates = [bundle.appendingPathComponent("ocm-intake"),
                          bundle.deletingLastPathComponent().appendingPathComponent("ocm-intake")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }
}

struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var all: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

/// Runs a program to its end (killed after `timeout` seconds so a hang fails instead of blocking).
/// posix_spawn + waitpid rather than Foundation's `Process`: `Process.waitUntilExit()` never
/// returned for `lab-up.sh` (the script had exited and was a zombie: its daemons, left running
/// on purpose, seem to confuse Foundation's SIGCHLD bookkeeping). Output goes through temp files,
/// so a daemon that inherits them cannot hold a pipe open either.
@discardableResult
func runProcess(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                directory: URL? = nil, timeout: TimeInterval = 180) throws -> ProcessResult {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outPath = scratch.appendingPathComponent("out").path, errPath = scratch.appendingPathComponent("err").path

    // glibc's posix_spawn_file_actions_addchdir_np is not imported into Swift: chdir with env -C.
    let command = directory.map { ["/usr/bin/env", "-C", $0.path, executable] } ?? [executable]
    let pid = try spawnChild(command + arguments, environment: environment ?? ProcessInfo.processInfo.environment,
                             outPath: outPath, errPath: errPath, name: executable)

    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    var killed = false
    while true {
        let done = waitpid(pid, &status, WNOHANG)
        if done == pid { break }
        if done < 0 && errno != EINTR { throw LabFailure("waitpid \(executable): \(String(cString: strerror(errno)))") }
        if !killed && Date() > deadline { kill(pid, SIGKILL); killed = true }
        usleep(5_000)
    }
    // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
    let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let stdout = String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
    var stderr = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
    if killed { stderr += "\n[killed after \(Int(timeout)) s]" }
    return ProcessResult(status: exitStatus, stdout: stdout, stderr: stderr)
}

/// Starts `command` (argv[0] a path) with stdin from /dev/null and stdout/stderr into files, a
/// fresh signal mask and default dispositions (the test runner's must not leak into servers or
/// the daemon). Shared by `runProcess` and `DaemonProcess`.
func spawnChild(_ command: [String], environment: [String: String], outPath: String, errPath: String,
                name: String) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGCHLD, SIGPIPE, SIGTERM, SIGINT, SIGHUP] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let argv = command.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let env = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { env.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, command[0], &actions, &attributes, argv, env)
    guard spawned == 0 else { throw LabFailure("cannot start \(name): \(String(cString: strerror(spawned)))") }
    return pid
}

struct LabFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A private mail lab for ONE test: `scripts/lab/lab-up.sh` in a fresh temp dir gives fresh
/// mailboxes (aseguramientoocm, formacionocm, ana, jorge, outbound), ports and CA, so no test sees
/// another's mail or state. Stopped by its PIDs (`lab-down.sh`) and removed in `destroy()`.
/// Everything the tests check goes through independent clients: the curl command line (its own
/// process and connection) and `doveadm`.
final class PrivateLab {
    let dir: String
    private(set) var values: [String: String] = [:]

    /// Needs what `scripts/test` provides when it runs as root with the lab installed: the tests
    /// skip visibly (NOTICE) when `OCM_LAB_ENV` is unset, like the transport tests.
    /// `oauth`: with the local OAuth 2 token endpoint and XOAUTH2 logins (lab-up's LAB_OAUTH2=1).
    static func start(oauth: Bool = false) throws -> PrivateLab {
        guard let env = ProcessInfo.processInfo.environment["OCM_LAB_ENV"], !env.isEmpty else {
            throw XCTSkip("NOTICE: no mail lab (OCM_LAB_ENV unset): daemon tests against Dovecot/Postfix skipped")
        }
        guard getuid() == 0 else { throw XCTSkip("NOTICE: not root: the daemon tests cannot start their own mail labs") }
        let made = try runProcess("/usr/bin/mktemp", ["-d", "/tmp/ocmd.XXXXXX"])
        let lab = PrivateLab(dir: made.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        lab.oauth = oauth
        try lab.up()
        return lab
    }

    private init(dir: String) { self.dir = dir }
    private var oauth = false

    func up() throws {
        var environment = ProcessInfo.processInfo.environment
        if oauth { environment["LAB_OAUTH2"] = "1" }
        let result = try runProcess(Package.root.appendingPathComponent("scripts/lab/lab-up.sh").path, [dir], environment: environment)
        guard result.status == 0 else { throw LabFailure("lab-up.sh \(dir) failed: \(result.all)") }
        let output = try runProcess("/bin/bash", ["-c", "set -a; . \"$1\"; env -0", "lab-env", dir + "/lab.env"])
        var values: [String: String] = [:]
        for entry in output.stdout.split(separator: "\0") {
            guard let equals = entry.firstIndex(of: "=") else { continue }
            values[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
        }
        guard values["LAB_IMAPS_URL"] != nil else { throw LabFailure("no LAB_IMAPS_URL in \(dir)/lab.env") }
        self.values = values
    }

    func down() throws {
        let result = try runProcess(Package.root.appendingPathComponent("scripts/lab/lab-down.sh").path, [dir])
        guard result.status == 0 else { throw LabFailure("lab-down.sh \(dir) failed: \(result.all)") }
    }

    func destroy() {
        _ = try? down()
        try? FileManager.default.removeItem(atPath: dir)
    }

    subscript(key: String) -> String { values[key] ?? "" }
    var domain: String { self["LAB_DOMAIN"] }
    var ca: String { self["LAB_CA"] }
    var imapsURL: String { self["LAB_IMAPS_URL"] }
    var submissionURL: String { self["LAB_SUBMISSION_URL"] }
    func address(_ user: String) -> String { "\(user)@\(domain)" }

    // MARK: - Independent client: curl command line

    /// One IMAP command from the curl command line; fails the test on a curl error.
    func curlIMAP(_ user: String, mailbox: String = "INBOX", _ command: String) throws -> String {
        let result = try runProcess("/usr/bin/curl", ["-sS", "--cacert", ca, "--user", "\(address(user)):pw-\(user)",
                                                      "\(imapsURL)/\(mailbox)", "-X", command])
        guard result.status == 0 else { throw LabFailure("curl \(command) on \(user)/\(mailbox): \(result.all)") }
        return result.stdout
    }

    /// Every UID in the folder (UID SEARCH ALL).
    func uids(_ user: String, mailbox: String = "INBOX") throws -> [UInt32] {
        Self.searchUIDs(try curlIMAP(user, mailbox: mailbox, "UID SEARCH ALL"))
    }

    func search(_ user: String, mailbox: String = "INBOX", messageID: String) throws -> [UInt32] {
        Self.searchUIDs(try curlIMAP(user, mailbox: mailbox, "UID SEARCH HEADER Message-ID \"\(messageID)\""))
    }

    /// UID → FLAGS of every message in the folder, e.g. [3: "\\Flagged"], flags sorted, without \\Recent.
    func flags(_ user: String, mailbox: String = "INBOX") throws -> [UInt32: String] {
        guard try !uids(user, mailbox: mailbox).isEmpty else { return [:] }
        let out = try curlIMAP(user, mailbox: mailbox, "UID FETCH 1:* (FLAGS)")
        var result: [UInt32: String] = [:]
        for line in out.split(whereSeparator: \.isNewline) {
            guard let uidRange = line.range(of: "UID "), let flagsRange = line.range(of: "FLAGS (") else { continue }
            let uid = UInt32(line[uidRange.upperBound...].prefix { $0.isNumber })
            guard let uid, let close = line[flagsRange.upperBound...].firstIndex(of: ")") else { continue }
            // \Recent belongs to whichever session saw the message first, not to the message.
            result[uid] = line[flagsRange.upperBound..<close].split(separator: " ").map(String.init)
                .filter { $0 != "\\Recent" }.sorted().joined(separator: " ")
        }
        return result
    }

    /// The raw message (headers and body) as curl fetches it.
    func fetch(_ user: String, mailbox: String = "INBOX", uid: UInt32) throws -> String {
        let result = try runProcess("/usr/bin/curl", ["-sS", "--cacert", ca, "--user", "\(address(user)):pw-\(user)",
                                                      "\(imapsURL)/\(mailbox)/;UID=\(uid)"])
        guard result.status == 0 else { throw LabFailure("curl fetch \(user)/\(mailbox)/\(uid): \(result.all)") }
        return result.stdout
    }

    /// APPEND exact bytes from the curl command line.
    func append(_ user: String, mailbox: String, _ raw: [UInt8]) throws {
        let file = URL(fileURLWithPath: dir).appendingPathComponent("append-\(UUID().uuidString).eml")
        try Data(raw).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try runProcess("/usr/bin/curl", ["-sS", "--cacert", ca, "--user", "\(address(user)):pw-\(user)",
                                                      "\(imapsURL)/\(mailbox)", "-T", file.path])
        guard result.status == 0 else { throw LabFailure("curl APPEND to \(user)/\(mailbox): \(result.all)") }
    }

    /// SMTP submission (STARTTLS + AUTH) with the curl command line, as an area's mail client would.
    func send(_ raw: [UInt8], from user: String, to recipients: [String]) throws {
        let file = URL(fileURLWithPath: dir).appendingPathComponent("send-\(UUID().uuidString).eml")
        try Data(raw).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        // A path on the URL, or curl appends the file name and sends it as the EHLO name (lab gotcha 22).
        var arguments = ["-sS", "--url", "\(submissionURL)/daemon-tests", "--ssl-reqd", "--cacert", ca,
                         "--user", "\(address(user)):pw-\(user)", "--mail-from", address(user)]
        for recipient in recipients { arguments += ["--mail-rcpt", address(recipient)] }
        arguments += ["--upload-file", file.path]
        let result = try runProcess("/usr/bin/curl", arguments)
        guard result.status == 0 else { throw LabFailure("SMTP submission failed: \(result.all)") }
    }

    /// Sends and waits until every recipient's INBOX shows the message (delivery is asynchronous).
    func sendAndWait(_ mail: TestMail, from user: String = "ana", to recipients: [String] = ["aseguramientoocm", "formacionocm"]) throws {
        try send(mail.raw, from: user, to: recipients)
        for recipient in recipients { _ = try waitFor(recipient, messageID: mail.messageID) }
    }

    /// Waits (up to 15 s) until the folder holds the Message-ID; returns its UIDs.
    func waitFor(_ user: String, mailbox: String = "INBOX", messageID: String, count: Int = 1) throws -> [UInt32] {
        for _ in 0..<300 {
            let found = try search(user, mailbox: mailbox, messageID: messageID)
            if found.count >= count { return found }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw LabFailure("\(messageID) never reached \(user)/\(mailbox)")
    }

    // MARK: - Independent client: doveadm

    func doveadm(_ arguments: [String]) throws -> String {
        let result = try runProcess("/usr/bin/doveadm", ["-c", self["LAB_DOVECOT_CONF"]] + arguments)
        guard result.status == 0 else { throw LabFailure("doveadm \(arguments.joined(separator: " ")): \(result.all)") }
        return result.stdout
    }

    /// Stores a message straight into a mailbox (as a delivery would, without Postfix).
    func save(_ raw: [UInt8], user: String, mailbox: String = "INBOX") throws {
        let file = URL(fileURLWithPath: dir).appendingPathComponent("save-\(UUID().uuidString).eml")
        try Data(raw).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try runProcess("/bin/sh", ["-c", "doveadm -c \"$1\" save -u \"$2\" -m \"$3\" < \"$4\"", "save",
                                                self["LAB_DOVECOT_CONF"], address(user), mailbox, file.path])
        guard result.status == 0 else { throw LabFailure("doveadm save: \(result.all)") }
    }

    func uidValidity(_ user: String, mailbox: String = "INBOX") throws -> UInt32 {
        let out = try doveadm(["-f", "flow", "mailbox", "status", "-u", address(user), "uidvalidity", mailbox])
        guard let range = out.range(of: "uidvalidity="), let value = UInt32(out[range.upperBound...].prefix { $0.isNumber }) else {
            throw LabFailure("no uidvalidity in '\(out)'")
        }
        return value
    }

    static func searchUIDs(_ out: String) -> [UInt32] {
        out.split(whereSeparator: \.isNewline)
            .filter { $0.hasPrefix("* SEARCH") }
            .flatMap { $0.dropFirst("* SEARCH".count).split(separator: " ").compactMap { UInt32($0) } }
            .sorted()
    }
}

/// A request mail made from `Samples/sample01-credito-completa.eml` (a complete credit-line
/// request with four attachments) with a fresh Message-ID, a sender from the lab and a Date.
struct TestMail {
    let messageID: String
    let raw: [UInt8]

    static func request(from sender: String, date: Date = Date(), sample: String = "sample01-credito-completa.eml") throws -> TestMail {
        let url = Package.root.appendingPathComponent("Samples").appendingPathComponent(sample)
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let messageID = "<daemon-test-\(UUID().uuidString)@icetex.gov.co>"
        guard let split = text.range(of: "\r\n\r\n") else { throw LabFailure("\(sample) has no header/body split") }
        var replaced: Set<String> = []
        let header = text[..<split.lowerBound].components(separatedBy: "\r\n").map { line -> String in
            let name = line.prefix { $0 != ":" }.lowercased()
            switch name {
            case "from": replaced.insert(name); return "From: Ana Test <\(sender)>"
            case "message-id": replaced.insert(name); return "Message-ID: \(messageID)"
            case "date": replaced.insert(name); return "Date: \(rfc5322(date))"
            default: return line
            }
        }
        guard replaced == ["from", "message-id", "date"] else { throw LabFailure("\(sample): headers not replaced: \(replaced)") }
        let raw = header.joined(separator: "\r\n") + String(text[split.lowerBound...])
        return TestMail(messageID: messageID, raw: Array(raw.utf8))
    }

    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "America/Bogota")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
