import CCurl
import Foundation
import LabFixtures
import XCTest
@testable import MailTransport

/// SMTP failures sorted the way the outbox needs them (issue 7 items 3 and 5): a 4xx or 5xx at
/// any command, or a connection lost before the final dot, means nothing was delivered (retry or
/// give up); a connection lost or stalled after the final dot means the outcome is unknown
/// (hold, never resend blindly). The server is scripts/lab/fault-smtp.py (STARTTLS with the lab's
/// certificate, AUTH), which counts what it received whole and what it accepted.
final class SMTPFaultTests: XCTestCase {
    private var lab: MailLab!

    override func setUpWithError() throws { lab = try MailLab.require() }

    private func server(_ arguments: [String]) throws -> FaultProxy {
        let tls = URL(fileURLWithPath: lab["LAB_CA"]).deletingLastPathComponent()
        return try FaultProxy(script: "fault-smtp.py", ["--cert", tls.appendingPathComponent("server.pem").path,
                                                        "--key", tls.appendingPathComponent("server.key").path] + arguments)
    }

    private func send(via server: FaultProxy, lowSpeedTime: Int = 10) async -> MailSendError? {
        do {
            var configuration = try lab.submission("ana")
            configuration.url = try MailServerURL(parsing: "smtp://127.0.0.1:\(server.port)/ocm-tests")
            configuration.lowSpeedTime = .seconds(lowSpeedTime)
            let sender = try SMTPSender(configuration: configuration)
            let message = MailLab.message(from: lab.address("ana"), to: lab.address("jorge"))
            try await sender.send(message.raw, from: lab.address("ana"), to: [lab.address("jorge")])
            return nil
        } catch let error as MailSendError {
            return error
        } catch {
            XCTFail("\(error)")
            return nil
        }
    }

    func testA4xxOr5xxAtEachCommandIsKnownAndNothingIsAccepted() async throws {
        var table: [String] = []
        for command in ["EHLO", "AUTH", "MAIL", "RCPT", "DATA", "DOT"] {
            for code in [451, 554] {
                let fake = try server(["--fail-at", command, "--code", "\(code)"])
                let error = await send(via: fake)
                let failure = try XCTUnwrap(error, "\(code) at \(command) must fail the send")
                XCTAssertEqual(failure.disposition, code < 500 ? .transient : .permanent, "\(code) at \(command): \(failure)")
                XCTAssertFalse(failure.outcomeUnknown, "\(code) at \(command) is a known refusal: \(failure)")
                XCTAssertEqual(fake.count("accepted"), 0)
                XCTAssertTrue(failure.curlError?.serverResponse?.hasPrefix("\(code)") == true, "the server's reply is kept: \(failure)")
                table.append("\(command) \(code) → \(failure.disposition.rawValue)")
                fake.stop()
            }
        }
        print("SMTP refusals: \(table.joined(separator: ", "))")
    }

    func testAConnectionLostAfterTheFinalDotIsAnUnknownOutcome() async throws {
        let fake = try server(["--after-dot", "drop"])
        let sent = await send(via: fake)
        let error = try XCTUnwrap(sent)
        print("lost after the dot: \(error)")
        XCTAssertTrue(error.outcomeUnknown, "\(error)")
        XCTAssertEqual(fake.count("received"), 1, "the server had the whole message")
    }

    func testAServerSilentAfterTheFinalDotIsAnUnknownOutcomeWithinTheLimit() async throws {
        let fake = try server(["--after-dot", "stall"])
        let started = Date()
        let sent = await send(via: fake, lowSpeedTime: 2)
        let error = try XCTUnwrap(sent)
        let seconds = Date().timeIntervalSince(started)
        print("silent after the dot, low_speed_time 2 s: \(String(format: "%.2f", seconds)) s: \(error)")
        XCTAssertTrue(error.outcomeUnknown, "\(error)")
        XCTAssertEqual(error.curlError?.code, Int(CURLE_OPERATION_TIMEDOUT.rawValue))
        XCTAssertLessThanOrEqual(seconds, 2 + 1 + 0.5)
    }
}
