import Foundation

/// Test-only: with `OCM_INTAKE_CRASH_AFTER_STEP=N` in the environment (read once, at start) the
/// process ends with `_exit(99)` — no cleanup, the ledger left open, as a SIGKILL would — right
/// after the N-th durable step of intake and delivery (a ledger commit, a reply handed to its
/// target). The crash tests run the real binary this way for every N and compare with an
/// uninterrupted run. Unset, it costs one comparison per step.
final class CrashPoint: @unchecked Sendable {
    static let shared = CrashPoint(limit: ProcessInfo.processInfo.environment["OCM_INTAKE_CRASH_AFTER_STEP"].flatMap(Int.init))

    private let limit: Int?
    private let lock = NSLock()
    private var steps = 0

    init(limit: Int?) { self.limit = limit }

    /// Marks one durable step done; ends the process when it is the N-th.
    func passed(_ step: @autoclosure () -> String) {
        guard let limit else { return }
        let count = lock.withLock { steps += 1; return steps }
        if count == limit {
            FileHandle.standardError.write(Data("ocm-intake: test crash after step \(count): \(step())\n".utf8))
            _exit(99)
        }
    }
}
