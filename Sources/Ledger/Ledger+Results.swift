// Provider results (5.2.13) and the request's later steps (5.2.7–5.2.11): counts and dates only,
// the evidence behind section 6's second control and "% de efectividad".
import Foundation
import GRDB

/// One imported results file, as counts.
public struct ResultImport: Sendable, Hashable {
    public let id: Int64
    public let request: RequestID
    /// `misional` or `replica`.
    public let source: String
    public let fileName: String
    public let participants: Int
    public let evaluated: Int
    public let passed: Int
    public let passingScore: Double
    /// ISO day the results arrived.
    public let day: String

    init(row: Row) {
        id = row["id"]
        request = RequestID(String(row["request"] as String)) ?? RequestID(year: 0, number: 1)
        source = row["source"]
        fileName = row["file_name"]
        participants = row["participants"]
        evaluated = row["evaluated"]
        passed = row["passed"]
        passingScore = row["passing_score"]
        day = row["day"]
    }
}

/// A later step of a request seen in mail.
public struct RequestStep: Sendable, Hashable {
    public let request: RequestID
    public let step: String
    public let day: String
    public let evidence: String?

    init(row: Row) {
        request = RequestID(String(row["request"] as String)) ?? RequestID(year: 0, number: 1)
        step = row["step"]
        day = row["day"]
        evidence = row["evidence"]
    }
}

extension Ledger {
    /// Records one results file; the same file (by SHA-256) for the same request is recorded once.
    @discardableResult
    public func recordResults(
        request requestID: RequestID, source: String, fileName: String, bytes: Data,
        participants: Int, evaluated: Int, passed: Int, passingScore: Double, day: String
    ) throws -> ResultImport {
        try write("recordResults", "\(requestID) \(fileName)") { db in
            try insertResults(db, request: requestID, source: source, fileName: fileName, bytes: bytes, participants: participants,
                              evaluated: evaluated, passed: passed, passingScore: passingScore, day: day)
        }
    }

    /// `recordResults` inside the caller's transaction (also used for a provider's mail).
    func insertResults(
        _ db: Database, request requestID: RequestID, source: String, fileName: String, bytes: Data,
        participants: Int, evaluated: Int, passed: Int, passingScore: Double, day: String
    ) throws -> ResultImport {
        let digest = SHA256.hex(bytes)
        do {
            _ = try Self.requireRequest(db, requestID)
            try db.execute(
                sql: """
                    INSERT INTO result_import (request, source, file_name, file_sha256, participants, evaluated, passed,
                                               passing_score, day, imported_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request, file_sha256) DO NOTHING
                    """,
                arguments: [requestID.description, source, fileName, digest, participants, evaluated, passed, passingScore, day, now()])
            let state = try Self.requireRequest(db, requestID).state.rawValue
            if db.changesCount > 0 {
                try appendAudit(db, .request(requestID), from: state, to: state,
                                reason: "results \(source) \(fileName): \(passed)/\(evaluated) passed")
            }
            return try Row.fetchOne(db, sql: "SELECT * FROM result_import WHERE request = ? AND file_sha256 = ?",
                                    arguments: [requestID.description, digest]).map(ResultImport.init(row:))!
        }
    }

    public func results(of requestID: RequestID? = nil) throws -> [ResultImport] {
        try read("results", requestID?.description ?? "all") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM result_import WHERE ? IS NULL OR request = ? ORDER BY request, id",
                             arguments: [requestID?.description, requestID?.description]).map(ResultImport.init(row:))
        }
    }

    /// Records a step (the first evidence of it is kept).
    public func recordStep(request requestID: RequestID, step: String, day: String, evidence: String?) throws {
        try write("recordStep", "\(requestID) \(step)") { db in
            _ = try Self.requireRequest(db, requestID)
            try db.execute(sql: "INSERT INTO request_step (request, step, day, evidence) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                           arguments: [requestID.description, step, day, evidence])
        }
    }

    public func steps(of requestID: RequestID? = nil) throws -> [RequestStep] {
        try read("steps", requestID?.description ?? "all") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM request_step WHERE ? IS NULL OR request = ? ORDER BY request, day, step",
                             arguments: [requestID?.description, requestID?.description]).map(RequestStep.init(row:))
        }
    }
}
