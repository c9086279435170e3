import Foundation
import Intake
import Ledger
import MIME

extension MessageIntake {
    /// The start of every cycle: every unfinished queue goes through the same code as new mail —
    /// messages `stored`/`parsed` through `process`, requests `recibida`/`en_revision` through
    /// `reevaluate`. A ledger error stops the drain (the outcomes so far end with `.ledgerFailed`).
    func drain(backfillSince: Date?) -> [Outcome] {
        var outcomes: [Outcome] = []
        do {
            for message in try ledger.unfinishedMessages() {
                let outcome = process(message, backfillSince: backfillSince)
                outcomes.append(outcome)
                if case .ledgerFailed = outcome { return outcomes }
            }
            for request in try ledger.awaitingVerdict() {
                let outcome = reevaluate(request)
                outcomes.append(outcome)
                if case .ledgerFailed = outcome { return outcomes }
            }
        } catch {
            outcomes.append(.ledgerFailed("\(error)"))
        }
        return outcomes
    }

    /// A request owed a verdict is judged again from all its mails, its reply enqueued in the same
    /// transaction. A request whose every mail was unreadable gets the readable-resend reply.
    func reevaluate(_ request: RequestRecord) -> Outcome {
        do {
            let seen = try ledger.messages(of: request.id)
            guard let last = seen.last else { return .alreadyDone }
            let verdict: VerdictBuilder
            let lastMessage = MessageParser.parse(try ledger.rawBytes(last.rowID))
            if seen.allSatisfy({ $0.state == .quarantined }) {
                verdict = unreadable(last, message: lastMessage, problem: .unreadableMessage, keepFields: true)
            } else {
                let thread = try threadInspection(request.id)
                verdict = judgement(message: lastMessage, inspection: thread.inspection, origin: thread.origin)
            }
            _ = try ledger.recordReevaluation(request: request.id, verdict)
            crash.passed("recordReevaluation \(request.id)")
            logger.notice("request judged again", metadata: ["request": "\(request.id)", "state": "\(request.state.rawValue)"])
            return request.state == .recibida ? .opened(request.id.description) : .followUp(request.id.description)
        } catch let error as LedgerError {
            return .ledgerFailed(error.description)
        } catch {
            logger.error("request re-evaluation failed", metadata: ["request": "\(request.id)", "error": "\(error)"])
            return .quarantined("\(request.id): \(error)")
        }
    }
}
