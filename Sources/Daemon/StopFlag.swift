import Foundation

/// Set once by SIGTERM/SIGINT (through ServiceLifecycle's graceful shutdown); read between mails
/// so the daemon finishes the mail in hand and stops cleanly.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    func raise() { lock.withLock { raised = true } }
    var isRaised: Bool { lock.withLock { raised } }
}
