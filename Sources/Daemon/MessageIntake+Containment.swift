import Foundation
import Ledger
import MIME

/// Containment (issue 5/9): no single mail can stop the service. Each message's processing is an
/// attempt on record in the ledger, under the watchdog's time limit; a message whose attempts
/// twice started and never finished (crash, kill, hang) is quarantined and answered `ilegible`.
extension MessageIntake {
    static let stalledReason = "el proceso se detuvo leyendo este correo"

    /// Records the attempt and arms the watchdog; the outcome instead when the message has
    /// already stopped the process `Ledger.maxUnfinishedAttempts` times.
    func beginAttempt(_ seen: SeenMessage) -> Outcome? {
        let unfinished = (try? ledger.beginAttempt(seen.rowID)) ?? 0
        guard unfinished < Ledger.maxUnfinishedAttempts else {
            try? ledger.finishAttempt(seen.rowID)
            logger.error("message stopped the process before", metadata: ["mailbox": "\(seen.mailbox)", "uid": "\(seen.uid)",
                                                                          "attempts": "\(unfinished)"])
            // Only the header and text are read again (the parser is fuzzed); attachments are not.
            return quarantine(seen, error: Self.stalledReason)
        }
        MessageWatchdog.shared.arm("\(seen.mailbox)/\(seen.uid)")
        return nil
    }

    func finishAttempt(_ seen: SeenMessage) {
        MessageWatchdog.shared.disarm()
        try? ledger.finishAttempt(seen.rowID)
    }
}
