import Foundation

/// `ocm-intake run` as systemd runs it: a long-lived child process, its output in files (a full
/// pipe would block the daemon), stopped with SIGTERM like `systemctl stop`.
final class DaemonProcess {
    let pid: pid_t
    let outPath: String
    let errPath: String
    let started = Date()
    private var exitStatus: Int32?

    /// Starts the built binary with `arguments` + `--config` of `work`, in `work`'s folder.
    init(_ work: DaemonWorkspace, _ arguments: [String], logLevel: String = "info") throws {
        outPath = work.dir.appendingPathComponent("run-\(UUID().uuidString).out").path
        errPath = work.dir.appendingPathComponent("run-\(UUID().uuidString).err").path
        var environment = ProcessInfo.processInfo.environment
        environment[DaemonWorkspace.formacionSecretVariable] = "pw-formacionocm"
        environment[DaemonWorkspace.smtpSecretVariable] = "pw-aseguramientoocm"
        environment["OCM_INTAKE_LOG_LEVEL"] = logLevel
        let command = ["/usr/bin/env", "-C", work.dir.path, Package.binary.path] + arguments + ["--config", work.configPath]
        pid = try spawnChild(command, environment: environment, outPath: outPath, errPath: errPath, name: "ocm-intake")
    }

    deinit { if exitStatus == nil { kill(pid, SIGKILL); var status: Int32 = 0; waitpid(pid, &status, 0) } }

    var isRunning: Bool {
        guard exitStatus == nil else { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { exitStatus = Self.decode(status); return false }
        return true
    }

    /// Sends `signal` and waits up to `timeout` s; returns the exit status and the seconds it took
    /// (SIGKILL and status nil when it did not exit in time).
    func stop(_ signal: Int32 = SIGTERM, timeout: TimeInterval = 10) -> (status: Int32?, seconds: TimeInterval) {
        let sent = Date()
        kill(pid, signal)
        while Date().timeIntervalSince(sent) < timeout {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                exitStatus = Self.decode(status)
                return (exitStatus, Date().timeIntervalSince(sent))
            }
            usleep(20_000)
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        exitStatus = Self.decode(status)
        return (nil, Date().timeIntervalSince(sent))
    }

    var output: String {
        let out = String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
        let err = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        return "--- stdout\n\(out)\n--- stderr\n\(err.suffix(6000))"
    }

    private static func decode(_ status: Int32) -> Int32 {
        (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
