import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The hard time limit per message: a mail whose processing has not come back within `limit`
/// ends the process (exit 75). Its attempt stays unfinished in the ledger, so the next start
/// tries it once more and then quarantines it (`Ledger.maxUnfinishedAttempts`): a hang costs
/// one mail, never the queue. Each started mail also tells systemd's watchdog we are alive.
public final class MessageWatchdog: @unchecked Sendable {
    public static let shared = MessageWatchdog()
    /// Exit status when a mail overran its limit (EX_TEMPFAIL: systemd restarts the service).
    public static let exitStatus: Int32 = 75

    private let lock = NSLock()
    private var limit: TimeInterval = 30
    private var deadline: Date?
    private var subject = ""
    private var started = false
    public var notifier = SystemdNotifier()

    public func configure(limit: Duration) {
        lock.withLock { self.limit = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18 }
        startThread()
    }

    /// A mail is in hand: `done` must follow within the limit.
    public func arm(_ subject: String) {
        lock.withLock { deadline = Date().addingTimeInterval(limit); self.subject = subject }
        notifier.notify("WATCHDOG=1")
    }

    public func disarm() { lock.withLock { deadline = nil } }

    /// On SIGTERM a mail in hand gets at most `seconds` more, so a hung mail cannot hold the stop.
    public func shorten(to seconds: TimeInterval) {
        lock.withLock {
            if let current = deadline { deadline = min(current, Date().addingTimeInterval(seconds)) }
        }
    }

    private func startThread() {
        let first = lock.withLock { () -> Bool in defer { started = true }; return !started }
        guard first else { return }
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.25)
                let overdue = lock.withLock { () -> String? in
                    guard let deadline, Date() > deadline else { return nil }
                    return subject
                }
                if let overdue {
                    let line = "ocm-intake: message \(overdue) passed its time limit; stopping (the ledger keeps it unfinished)\n"
                    _ = line.withCString { write(2, $0, strlen($0)) }
                    _exit(Self.exitStatus)
                }
            }
        }
        thread.name = "ocm-intake watchdog"
        thread.start()
    }
}
