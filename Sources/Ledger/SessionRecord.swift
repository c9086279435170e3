// A training session on the calendar (5.2.5) as the ledger holds it: plain strings and numbers
// (dates ISO `YYYY-MM-DD`), so the ledger does not depend on `Intake`.
import Foundation
import GRDB

public enum SessionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case confirmada, impartida, cancelada
}

public struct SessionRecord: Sendable, Hashable {
    public let request: RequestID
    public let date: String
    public let startMinutes: Int
    public let hours: Double
    public let audience: String
    public let place: String
    public let status: SessionStatus
    /// 0 when confirmed; each move adds one (the .ics SEQUENCE).
    public let sequence: Int
    public let movedFrom: String?
    public let exception: String?

    init(row: Row) {
        request = RequestID(String(row["request"] as String)) ?? RequestID(year: 0, number: 1)
        date = row["date"]
        startMinutes = row["start_minutes"]
        hours = row["hours"]
        audience = row["audience"]
        place = row["place"]
        status = SessionStatus(rawValue: row["status"]) ?? .confirmada
        sequence = row["sequence"]
        movedFrom = row["moved_from"]
        exception = row["exception"]
    }
}

/// What `confirmSession` records.
public struct SessionPlan: Sendable, Hashable {
    public var date: String
    public var startMinutes: Int
    public var hours: Double
    public var audience: String
    public var place: String
    public var exception: String?

    public init(date: String, startMinutes: Int, hours: Double, audience: String, place: String, exception: String? = nil) {
        self.date = date
        self.startMinutes = startMinutes
        self.hours = hours
        self.audience = audience
        self.place = place
        self.exception = exception
    }
}
