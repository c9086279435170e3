// The training calendar (5.2.5): confirming a session moves its request to `programada`, a
// move keeps it there with a new date, the day after the session it becomes `impartida`. The ANS
// check itself is the caller's (pure `Followup`); an agreed exception is recorded with the session.
import Foundation
import GRDB

extension Ledger {
    /// Confirms the request's session: request `viable` → `programada` (a `programada` request
    /// whose session was cancelled gets a new one). Idempotent for the same date.
    @discardableResult
    public func confirmSession(_ requestID: RequestID, _ plan: SessionPlan) throws -> SessionRecord {
        try write("confirmSession", "\(requestID) \(plan.date)") { db in
            let request = try Self.requireRequest(db, requestID)
            let existing = try Self.fetchSession(db, requestID)
            if let existing, existing.status == .confirmada, existing.date == plan.date { return existing }
            let reopening = request.state == .programada && existing?.status == .cancelada
            guard request.state == .viable || reopening else {
                throw LedgerError.invalidTransition(entity: .request, id: requestID.description,
                                                    from: request.state.rawValue, to: RequestState.programada.rawValue)
            }
            let at = now()
            try db.execute(
                sql: """
                    INSERT INTO session (request, date, start_minutes, hours, audience, place, status, sequence,
                                         exception, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'confirmada', 0, ?, ?, ?)
                    ON CONFLICT (request) DO UPDATE SET date = excluded.date, start_minutes = excluded.start_minutes,
                        hours = excluded.hours, audience = excluded.audience, place = excluded.place,
                        status = 'confirmada', sequence = session.sequence + 1, exception = excluded.exception,
                        updated_at = excluded.updated_at
                    """,
                arguments: [requestID.description, plan.date, plan.startMinutes, plan.hours, plan.audience, plan.place,
                            plan.exception, at, at])
            var reason = "session confirmed for \(plan.date)"
            if let exception = plan.exception { reason += "; ANS exception: \(exception)" }
            if request.state == .viable {
                try db.execute(sql: "UPDATE request SET state = 'programada', updated_at = ? WHERE id = ?",
                               arguments: [at, requestID.description])
                try appendAudit(db, .request(requestID), from: request.state.rawValue, to: RequestState.programada.rawValue, reason: reason)
            } else {
                try appendAudit(db, .request(requestID), from: request.state.rawValue, to: request.state.rawValue, reason: reason)
            }
            return try Self.fetchSession(db, requestID)!
        }
    }

    /// Moves a confirmed session to another day (hours kept unless given); raises its sequence.
    @discardableResult
    public func moveSession(_ requestID: RequestID, to date: String, hours: Double? = nil, exception: String?) throws -> SessionRecord {
        try write("moveSession", "\(requestID) → \(date)") { db in
            guard let session = try Self.fetchSession(db, requestID), session.status == .confirmada else {
                throw LedgerError.invalidTransition(entity: .request, id: requestID.description,
                                                    from: "sin sesión confirmada", to: "sesión movida a \(date)")
            }
            if session.date == date, hours == nil || hours == session.hours { return session }
            try db.execute(
                sql: """
                    UPDATE session SET date = ?, hours = ?, moved_from = ?, sequence = sequence + 1,
                           exception = COALESCE(?, exception), updated_at = ? WHERE request = ?
                    """,
                arguments: [date, hours ?? session.hours, session.date, exception, now(), requestID.description])
            var reason = "session moved from \(session.date) to \(date)"
            if let exception { reason += "; ANS exception: \(exception)" }
            try appendAudit(db, .request(requestID), from: RequestState.programada.rawValue,
                            to: RequestState.programada.rawValue, reason: reason)
            return try Self.fetchSession(db, requestID)!
        }
    }

    /// Cancels the session; the request stays `programada` until a new session is confirmed.
    @discardableResult
    public func cancelSession(_ requestID: RequestID, reason: String) throws -> SessionRecord {
        try write("cancelSession", requestID.description) { db in
            guard let session = try Self.fetchSession(db, requestID), session.status == .confirmada else {
                throw LedgerError.invalidTransition(entity: .request, id: requestID.description,
                                                    from: "sin sesión confirmada", to: "sesión cancelada")
            }
            try db.execute(sql: "UPDATE session SET status = 'cancelada', updated_at = ? WHERE request = ?",
                           arguments: [now(), requestID.description])
            let state = try Self.requireRequest(db, requestID).state.rawValue
            try appendAudit(db, .request(requestID), from: state, to: state, reason: "session of \(session.date) cancelled: \(reason)")
            return try Self.fetchSession(db, requestID)!
        }
    }

    /// Sessions confirmed for a day before `today` were given (5.2.6): session `impartida`,
    /// request `programada` → `impartida`. A moved session has its new date, so it waits.
    /// Returns the requests moved.
    @discardableResult
    public func markSessionsGiven(before today: String) throws -> [RequestID] {
        try write("markSessionsGiven", today) { db in
            let due = try Row.fetchAll(
                db, sql: "SELECT * FROM session WHERE status = 'confirmada' AND date < ? ORDER BY date, request",
                arguments: [today]).map(SessionRecord.init(row:))
            var moved: [RequestID] = []
            for session in due {
                try db.execute(sql: "UPDATE session SET status = 'impartida', updated_at = ? WHERE request = ?",
                               arguments: [now(), session.request.description])
                let request = try Self.requireRequest(db, session.request)
                guard request.state == .programada else { continue }
                try db.execute(sql: "UPDATE request SET state = 'impartida', updated_at = ? WHERE id = ?",
                               arguments: [now(), session.request.description])
                try appendAudit(db, .request(session.request), from: request.state.rawValue,
                                to: RequestState.impartida.rawValue, reason: "session of \(session.date) given")
                moved.append(session.request)
            }
            return moved
        }
    }

    public func session(of requestID: RequestID) throws -> SessionRecord? {
        try read("session", requestID.description) { db in try Self.fetchSession(db, requestID) }
    }

    /// Sessions by date, cancelled ones included only when asked; `from`/`to` inclusive ISO days.
    public func sessions(from: String? = nil, to: String? = nil, includeCancelled: Bool = false) throws -> [SessionRecord] {
        try read("sessions", "\(from ?? "…")–\(to ?? "…")") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM session WHERE (? IS NULL OR date >= ?) AND (? IS NULL OR date <= ?)
                    AND (? OR status != 'cancelada') ORDER BY date, start_minutes, request
                    """,
                arguments: [from, from, to, to, includeCancelled]
            ).map(SessionRecord.init(row:))
        }
    }

    static func fetchSession(_ db: Database, _ id: RequestID) throws -> SessionRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM session WHERE request = ?", arguments: [id.description])
            .map(SessionRecord.init(row:))
    }
}
