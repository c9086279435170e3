@testable import Daemon
import Foundation
import Ledger
import Logging
import MailTransport
import XCTest

/// How a delivery's failure moves its outbox entry, with an SMTP sender that fails on cue: an
/// outcome that cannot be known (the connection lost or timed out after DATA) holds the reply for
/// a person; a failure before any data went out, or a server's refusal, is retried or failed.
/// Measured on main: a timeout after DATA was retried (sent twice) and `outcomeUnknown` unused.
final class OutboxDeliveryTests: XCTestCase {
    private actor ScriptedSender: MailSender {
        nonisolated let name = "scripted"
        let failure: MailSendError?
        private(set) var sends: [(from: String, to: [String])] = []
        init(failure: MailSendError?) { self.failure = failure }
        func send(_ raw: [UInt8], from: String, to: [String]) throws(MailSendError) {
            sends.append((from, to))
            if let failure { throw failure }
        }
        func verify() throws(MailSendError) {}
    }

    /// `dataHandedOver`: the whole message went out before the failure (curl's upload count).
    private func failure(curl code: Int, server: String? = nil, dataHandedOver: Bool?) -> MailSendError {
        var curl = CurlError(code: code, message: "cut", serverResponse: server)
        curl.uploadFinished = dataHandedOver == true
        return MailSendError(server: "smtp://test", reason: .transfer(curl))
    }

    /// One SMTP entry due now, delivered once with `sender`; returns the entry after the attempt.
    private func deliver(with sender: ScriptedSender) async throws -> OutboxEntry {
        let ledger = try Ledger.inMemory()
        try ledger.recordBaseline(mailbox: "aseguramiento", uidValidity: 1, uidNext: 1)
        let seen = try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: 1, uid: 1, messageID: "<m@x>", raw: Data("Subject: x\r\n\r\ny".utf8))
        let envelope = OutboxEnvelope(from: "aseguramientoocm@icetex.gov.co", recipients: ["ana@icetex.gov.co"])
        guard case .opened(_, let entry?) = try ledger.recordIntake(message: seen.rowID, .open(
            year: 2026, fields: RequestFields(), quarantineError: nil, verdict: { id, revision in
                VerdictEntry(state: .observacionesEnviadas, fields: nil, verdictJSON: nil, reply: OutgoingReply(
                    target: OutboxTarget(kind: .smtp, mailbox: "aseguramiento"), messageID: "<\(id).r\(revision)@x>",
                    raw: Data("Subject: [\(id)]\r\n\r\nhola\r\n".utf8), envelope: envelope))
            })) else { throw XCTSkip("no entry") }
        var logger = Logger(label: "outbox-tests")
        logger.logLevel = .critical
        let delivery = OutboxDelivery(ledger: ledger, mailboxes: [:], entries: [:], sender: sender, logger: logger)
        _ = try await delivery.deliverDue(now: Date().addingTimeInterval(1))
        return try XCTUnwrap(try ledger.outboxEntry(entry.id))
    }

    func testConnectionLostAfterTheDataIsHeldNotRetried() async throws {
        for code in [28, 52, 55, 56] {
            let sender = ScriptedSender(failure: failure(curl: code, dataHandedOver: true))
            let entry = try await deliver(with: sender)
            XCTAssertEqual(entry.status, .held, "curl \(code) after DATA")
            XCTAssertTrue(entry.lastError?.contains("outcome unknown") == true, entry.lastError ?? "")
            let sends = await sender.sends
            XCTAssertEqual(sends.count, 1)
            XCTAssertEqual(sends.first?.to, ["ana@icetex.gov.co"], "the stored envelope, not a re-parse of the reply")
        }
    }

    func testFailureBeforeAnyDataOrAServerRefusalIsRetriedOrFailed() async throws {
        let timeoutBeforeData = try await deliver(with: ScriptedSender(failure: failure(curl: 28, dataHandedOver: false)))
        XCTAssertEqual(timeoutBeforeData.status, .pending, "nothing went out: retried later")
        let refused = try await deliver(with: ScriptedSender(failure: failure(curl: 55, server: "554 5.7.1 rejected", dataHandedOver: true)))
        XCTAssertEqual(refused.status, .failed, "the server said no: known outcome")
        let delivered = try await deliver(with: ScriptedSender(failure: nil))
        XCTAssertEqual(delivered.status, .delivered)
    }
}
