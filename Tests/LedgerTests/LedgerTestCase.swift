// Shared fixtures: a ledger ON DISK in a fresh temp folder (nested, so folder creation is exercised),
// a clock the tests move by hand, and small raw mails.
import Foundation
import Ledger
import XCTest

final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    /// 2026-06-01T12:00:00Z, whole seconds so dates survive SQLite's millisecond text exactly.
    init(_ start: Date = Date(timeIntervalSince1970: 1_780_315_200)) { current = start }

    func now() -> Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}

class LedgerTestCase: XCTestCase {
    var directory: URL!
    var clock = TestClock()

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ocm-ledger-tests-\(UUID().uuidString)")
        clock = TestClock()
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    var ledgerPath: String { directory.appendingPathComponent("state/ledger.sqlite").path }

    func openLedger(retry: RetryPolicy = .standard) throws -> Ledger {
        let clock = self.clock
        return try Ledger(path: ledgerPath, retry: retry, now: { clock.now() })
    }

    /// A ledger with mailboxes `aseguramiento` (UIDVALIDITY 7) and `formacion` (UIDVALIDITY 3) baselined at UID 0.
    func openSeededLedger(retry: RetryPolicy = .standard) throws -> Ledger {
        let ledger = try openLedger(retry: retry)
        try ledger.recordBaseline(mailbox: "aseguramiento", uidValidity: 7, uidNext: 1)
        try ledger.recordBaseline(mailbox: "formacion", uidValidity: 3, uidNext: 1)
        return ledger
    }

    static func mail(messageID: String?, subject: String = "Solicitud de capacitación", received: String = "from mx1") -> Data {
        var lines = ["Received: \(received); Mon, 1 Jun 2026 07:00:00 -0500",
                     "From: Ana <ana@icetex.gov.co>",
                     "To: aseguramientoocm@icetex.gov.co",
                     "Subject: \(subject)"]
        if let messageID { lines.append("Message-ID: \(messageID)") }
        lines += ["", "Cuerpo de la solicitud.", ""]
        return Data(lines.joined(separator: "\r\n").utf8)
    }

    /// Opens a request through the usual steps (record, parse, open).
    func openRequest(
        _ ledger: Ledger, uid: UInt32, messageID: String? = nil, year: Int = 2026,
        mailbox: String = "aseguramiento", uidValidity: UInt32 = 7
    ) throws -> RequestRecord {
        let id = messageID ?? "<req-\(mailbox)-\(uid)@icetex.gov.co>"
        let message = try ledger.recordMessage(
            mailbox: mailbox, uidValidity: uidValidity, uid: uid, messageID: id, raw: Self.mail(messageID: id))
        try ledger.markParsed(message.rowID)
        return try ledger.openRequest(for: message.rowID, year: year)
    }

    static func reply(_ request: RequestID, _ revision: Int, hold: Bool = false) -> OutgoingReply {
        OutgoingReply(
            target: OutboxTarget(kind: .drafts, mailbox: "aseguramiento"),
            messageID: "<\(request).\(revision)@ocm.icetex.gov.co>",
            raw: Data("Subject: [\(request)] Observaciones\r\n\r\nrev \(revision)\r\n".utf8),
            hold: hold)
    }
}
