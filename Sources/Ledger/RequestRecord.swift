// A tracked training request as the ledger holds it: id, state, the fields extracted from its
// mails, and the last verdict (JSON from the evaluation, kept opaque here).
import Foundation
import GRDB

/// Fields extracted from the request's mails; plain strings (`area`/`kind` codes of design.md,
/// dates as ISO `YYYY-MM-DD`) so the ledger does not depend on `Intake`.
public struct RequestFields: Sendable, Hashable, Codable {
    public var area: String?
    public var kind: String?
    public var topic: String?
    public var requester: String?
    public var productionDate: String?
    public var trainingDate: String?

    public init(
        area: String? = nil, kind: String? = nil, topic: String? = nil, requester: String? = nil,
        productionDate: String? = nil, trainingDate: String? = nil
    ) {
        self.area = area
        self.kind = kind
        self.topic = topic
        self.requester = requester
        self.productionDate = productionDate
        self.trainingDate = trainingDate
    }
}

public struct RequestRecord: Sendable, Hashable {
    public let id: RequestID
    public let state: RequestState
    /// The message that opened the request.
    public let originMessage: Int64
    public let fields: RequestFields
    public let verdictJSON: String?
    /// 0 when opened; each recorded verdict adds one. Reply Message-IDs derive from it.
    public let revision: Int
    public let openedAt: Date
    public let updatedAt: Date

    init(row: Row) {
        id = RequestID(year: row["year"], number: row["number"])
        state = RequestState(rawValue: row["state"]) ?? .recibida
        originMessage = row["origin_message"]
        fields = RequestFields(
            area: row["area"], kind: row["kind"], topic: row["topic"], requester: row["requester"],
            productionDate: row["production_date"], trainingDate: row["training_date"])
        verdictJSON = row["verdict_json"]
        revision = row["revision"]
        openedAt = row["opened_at"]
        updatedAt = row["updated_at"]
    }
}
