// The end of 5.2 (5.2.15): a given request is closed, either without reinforcement or because a
// reinforcement request (kind refuerzo, opened from the area's new mail) takes over; the link
// between the two is kept so the report can follow a topic across its reinforcements.
import Foundation
import GRDB

extension Ledger {
    /// `impartida` → `cerrada` with the reason in the audit trail; idempotent. Only a given
    /// request reaches 5.2.15 (withdrawing an earlier one is `moveRequest`'s business).
    @discardableResult
    public func closeRequest(_ requestID: RequestID, reason: String) throws -> RequestRecord {
        guard let request = try request(byID: requestID) else { throw LedgerError.unknownRequest(requestID.description) }
        guard request.state == .impartida || request.state == .cerrada else {
            throw LedgerError.invalidTransition(entity: .request, id: requestID.description,
                                                from: request.state.rawValue, to: RequestState.cerrada.rawValue)
        }
        return try moveRequest(requestID, to: .cerrada, reason: reason)
    }

    /// Links `child` as the reinforcement of `parent` and closes `parent` in the same transaction.
    /// Idempotent for the same pair; a parent already reinforced by another request is refused.
    public func linkReinforcement(parent: RequestID, child: RequestID) throws {
        try write("linkReinforcement", "\(parent) → \(child)") { db in
            let request = try Self.requireRequest(db, parent)
            _ = try Self.requireRequest(db, child)
            if let existing = try String.fetchOne(db, sql: "SELECT child FROM reinforcement WHERE parent = ?", arguments: [parent.description]) {
                guard existing == child.description else {
                    throw LedgerError.invalidTransition(entity: .request, id: parent.description,
                                                        from: "reforzada en \(existing)", to: "reforzada en \(child)")
                }
                return
            }
            guard request.state == .impartida || request.state == .cerrada else {
                throw LedgerError.invalidTransition(entity: .request, id: parent.description,
                                                    from: request.state.rawValue, to: "reforzada en \(child)")
            }
            try db.execute(sql: "INSERT INTO reinforcement (parent, child, linked_at) VALUES (?, ?, ?)",
                           arguments: [parent.description, child.description, now()])
            if request.state == .impartida {
                try db.execute(sql: "UPDATE request SET state = 'cerrada', updated_at = ? WHERE id = ?",
                               arguments: [now(), parent.description])
            }
            try appendAudit(db, .request(parent), from: request.state.rawValue, to: RequestState.cerrada.rawValue,
                            reason: "reinforcement in \(child) (5.2.15)")
        }
    }

    /// The reinforcement request of `parent`, if any.
    public func reinforcement(of parent: RequestID) throws -> RequestID? {
        try read("reinforcement", parent.description) { db in
            try String.fetchOne(db, sql: "SELECT child FROM reinforcement WHERE parent = ?", arguments: [parent.description])
                .flatMap(RequestID.init)
        }
    }
}
