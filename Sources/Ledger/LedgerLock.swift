// One daemon per ledger: an exclusive `flock` on `<ledger>.lock`, held for the life of the process
// (the kernel drops it when the process dies, even by SIGKILL), with the holder's PID written in
// the file so the refusal can name it.
import Foundation

public final class LedgerLock: Sendable {
    private let descriptor: Int32
    public let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// Takes the lock next to `ledgerPath`, or throws `LedgerError.locked` naming the holder's PID.
    public static func acquire(ledgerPath: String) throws -> LedgerLock {
        let path = ledgerPath + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw LedgerError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))
                .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            close(fd)
            throw LedgerError.locked(path: ledgerPath, pid: holder)
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return LedgerLock(descriptor: fd, path: path)
    }
}
