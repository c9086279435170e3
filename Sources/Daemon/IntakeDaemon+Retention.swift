import Foundation
import Ledger

extension IntakeDaemon {
    /// Raw messages handled more than `raw_retention_days` ago leave the ledger (issue 11: it
    /// grows with requests, not bytes); the mailbox keeps the original. Once per cycle.
    func dropExpiredRawMessages(into report: inout CycleReport) {
        let cutoff = now().addingTimeInterval(-Double(configuration.rawRetentionDays) * 86_400)
        do {
            let dropped = try ledger.dropRawMessages(recordedBefore: cutoff)
            if dropped > 0 {
                // A mail without bytes is left out of its thread: forget what it said.
                intake.readings.removeAll()
                logger.info("raw messages dropped after the retention", metadata: ["count": "\(dropped)",
                                                                                   "days": "\(configuration.rawRetentionDays)"])
            }
        } catch {
            report.ledgerError = "\(error)"
        }
    }
}
