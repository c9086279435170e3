import Foundation
import Intake

/// What each mail of a thread said (`RequestReader.read`), by ledger row, so a follow-up reads
/// only itself and not its whole thread again (issue 11: re-reading made a thread of n mails
/// cost n² reads). A reading depends only on the mail's bytes, which never change, and on the
/// rules, fixed for the process. Bounded: emptied when it holds `capacity` readings, and
/// whenever raw messages leave the ledger (a mail without bytes is left out of its thread).
final class ThreadReadings: @unchecked Sendable {
    static let capacity = 4_096
    private let lock = NSLock()
    private var readings: [Int64: TrainingRequest] = [:]

    subscript(row: Int64) -> TrainingRequest? {
        lock.withLock { readings[row] }
    }

    func keep(_ reading: TrainingRequest, row: Int64) {
        lock.withLock {
            if readings.count >= Self.capacity { readings.removeAll() }
            readings[row] = reading
        }
    }

    func removeAll() {
        lock.withLock { readings.removeAll() }
    }
}
