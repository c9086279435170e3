// The audit trail: one row per transition of a mailbox, message, request or outbox entry, written
// in the same transaction as the transition, so the history can be trusted to be complete.
import Foundation
import GRDB

public enum AuditEntity: String, Sendable, Hashable, Codable, CaseIterable {
    case mailbox, message, request, outbox
}

/// What an audit query is about.
public enum AuditSubject: Sendable, Hashable {
    case mailbox(String)
    case message(Int64)
    case request(RequestID)
    case outbox(Int64)

    var entity: AuditEntity {
        switch self {
        case .mailbox: return .mailbox
        case .message: return .message
        case .request: return .request
        case .outbox: return .outbox
        }
    }

    var entityID: String {
        switch self {
        case let .mailbox(name): return name
        case let .message(rowID): return String(rowID)
        case let .request(id): return id.description
        case let .outbox(rowID): return String(rowID)
        }
    }
}

public struct AuditEntry: Sendable, Hashable {
    public let sequence: Int64
    public let entity: AuditEntity
    public let entityID: String
    /// `nil` when the entity came into being with this transition.
    public let fromState: String?
    public let toState: String
    public let reason: String?
    public let at: Date

    init(row: Row) {
        sequence = row["id"]
        entity = AuditEntity(rawValue: row["entity"]) ?? .message
        entityID = row["entity_id"]
        fromState = row["from_state"]
        toState = row["to_state"]
        reason = row["reason"]
        at = row["at"]
    }
}

extension Ledger {
    /// The history of one entity, oldest first.
    public func audit(for subject: AuditSubject) throws -> [AuditEntry] {
        try read("audit", subject.entityID) { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM audit WHERE entity = ? AND entity_id = ? ORDER BY id",
                arguments: [subject.entity.rawValue, subject.entityID]
            ).map(AuditEntry.init(row:))
        }
    }

    /// Appends one audit row; called only inside the transaction that makes the transition.
    func appendAudit(
        _ db: Database, _ subject: AuditSubject, from: String?, to: String, reason: String?
    ) throws {
        try db.execute(
            cachedSQL: """
                INSERT INTO audit (entity, entity_id, from_state, to_state, reason, at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [subject.entity.rawValue, subject.entityID, from, to, reason, now()]
        )
    }
}
