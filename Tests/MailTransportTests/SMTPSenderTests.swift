import CCurl
import Foundation
import XCTest
@testable import MailTransport

/// SMTPSender against the lab's real Postfix submission port (STARTTLS required, AUTH through
/// Dovecot SASL, delivery over LMTP), checked by reading the INBOXes with the curl command line.
final class SMTPSenderTests: XCTestCase {
    func testSendToBothOCMMailboxesArrivesInBothInboxes() async throws {
        let lab = try MailLab.require()
        let message = MailLab.message(from: lab.address("ana"), to: "\(lab.address("aseguramientoocm")), \(lab.address("formacionocm"))")
        let sender = try SMTPSender(configuration: lab.submission("ana"))
        try await sender.send(message.raw, from: lab.address("ana"), to: [lab.address("aseguramientoocm"), lab.address("formacionocm")])
        for user in ["aseguramientoocm", "formacionocm"] {
            let uid = try lab.waitForDelivery(user, messageID: message.id)[0]
            let fetched = try MailLab.run("/usr/bin/curl", ["-sS", "--cacert", lab.ca, "-u", "\(lab.address(user)):pw-\(user)",
                                                            "\(lab["LAB_IMAPS_URL"])/INBOX/;UID=\(uid)/;SECTION=HEADER"]).stdout
            XCTAssertTrue(fetched.contains("with ESMTPSA"), "delivered over TLS + AUTH: \(fetched)")
        }
        // A second message over the same sender (reused connection) also goes through.
        let second = MailLab.message(from: lab.address("ana"), to: lab.address("formacionocm"))
        try await sender.send(second.raw, from: lab.address("ana"), to: [lab.address("formacionocm")])
        _ = try lab.waitForDelivery("formacionocm", messageID: second.id)
    }

    func testUnknownRecipientIsPermanentWithTheServersReply() async throws {
        let lab = try MailLab.require()
        let message = MailLab.message(from: lab.address("ana"), to: lab.address("nadie"))
        let sender = try SMTPSender(configuration: lab.submission("ana"))
        let error = await expectError(MailSendError.self) {
            try await sender.send(message.raw, from: lab.address("ana"), to: [lab.address("formacionocm"), lab.address("nadie")])
        }
        XCTAssertEqual(error?.disposition, .permanent, "\(String(describing: error))")
        XCTAssertTrue(error?.curlError?.serverResponse?.hasPrefix("550") ?? false, "\(String(describing: error))")
        XCTAssertEqual(error?.outcomeUnknown, false)
        // All or nothing: the valid recipient did not get it either.
        let out = try lab.curlIMAP("formacionocm", "UID SEARCH HEADER Message-ID \"\(message.id)\"")
        XCTAssertEqual(IMAPResponse.searchUIDs(in: IMAPResponse.lines(Array(out.utf8))), [])
    }

    /// `check-config --connect`: connect, STARTTLS and login, nothing sent.
    func testVerifyLogsInWithoutSendingAndRefusesAWrongPassword() async throws {
        let lab = try MailLab.require()
        func count() throws -> String { try lab.curlIMAP("jorge", "STATUS INBOX (MESSAGES)") }
        let before = try count()
        try await SMTPSender(configuration: lab.submission("ana")).verify()
        let wrong = try SMTPSender(configuration: lab.submission("ana", password: "wrong-\(UUID().uuidString)"))
        let error = await expectError(MailSendError.self) { try await wrong.verify() }
        XCTAssertEqual(error?.curlError?.code, Int(CURLE_LOGIN_DENIED.rawValue), "\(String(describing: error))")
        XCTAssertEqual(try count(), before, "verify sends nothing")
    }

    func testWrongPasswordIsPermanent() async throws {
        let lab = try MailLab.require()
        let message = MailLab.message(from: lab.address("ana"), to: lab.address("jorge"))
        let sender = try SMTPSender(configuration: lab.submission("ana", password: "wrong-\(UUID().uuidString)"))
        let error = await expectError(MailSendError.self) {
            try await sender.send(message.raw, from: lab.address("ana"), to: [lab.address("jorge")])
        }
        XCTAssertEqual(error?.curlError?.code, Int(CURLE_LOGIN_DENIED.rawValue), "\(String(describing: error))")
        XCTAssertEqual(error?.disposition, .permanent)
    }

    func testTraceRedactsTheSMTPLogin() async throws {
        let lab = try MailLab.require()
        let collector = LineCollector()
        var configuration = try lab.submission("ana")
        configuration.trace = { collector.append($0) }
        let message = MailLab.message(from: lab.address("ana"), to: lab.address("jorge"), body: "texto-privado\r\n")
        try await SMTPSender(configuration: configuration).send(message.raw, from: lab.address("ana"), to: [lab.address("jorge")])
        let trace = collector.lines.joined(separator: "\n")
        XCTAssertTrue(trace.contains("> AUTH PLAIN [redacted]"), trace)
        XCTAssertTrue(trace.contains("RCPT TO:<\(lab.address("jorge"))>"), trace)
        for secret in ["pw-ana", Data("\0\(lab.address("ana"))\0pw-ana".utf8).base64EncodedString(), "texto-privado"] {
            XCTAssertFalse(trace.contains(secret), "trace leaks \(secret)")
        }
    }
}

/// Envelope checks happen before any network I/O: these run without a lab, against a port where
/// nothing listens, so reaching the network would show up as a connection error instead.
final class EnvelopeTests: XCTestCase {
    private func sender() throws -> SMTPSender {
        try SMTPSender(configuration: MailServerConfiguration(url: MailServerURL(parsing: "smtp://127.0.0.1:1/ocm"),
                                                              login: "x", secret: .password("y")))
    }

    func testHeaderInjectionInTheEnvelopeIsRefusedBeforeConnecting() async throws {
        let bad = ["ana@icetex.gov.co\r\nRCPT TO:<x@evil.example>", "ana@icetex.gov.co\n", "<ana@icetex.gov.co>",
                   "ana@@icetex.gov.co", "ana", "ana maria@icetex.gov.co", "a<b@icetex.gov.co", "@icetex.gov.co",
                   "ana@", String(repeating: "a", count: 65) + "@icetex.gov.co", "ana@icetex..gov.co", "ana\u{0}@x.co"]
        for address in bad {
            for (from, to) in [(address, "jorge@icetex.gov.co"), ("jorge@icetex.gov.co", address)] {
                let sender = try sender()
                let error = await expectError(MailSendError.self) {
                    try await sender.send(Array("Subject: x\r\n\r\nx\r\n".utf8), from: from, to: [to])
                }
                guard let error, case .invalidAddress(let excerpt, _) = error.reason else {
                    return XCTFail("\(address.debugDescription): \(String(describing: error))")
                }
                XCTAssertFalse(excerpt.contains("\r") || excerpt.contains("\n"), excerpt)
                XCTAssertEqual(error.disposition, .permanent)
            }
        }
    }

    func testValidAddressesPassAndReachTheNetwork() async throws {
        let sender = try sender()
        let error = await expectError(MailSendError.self) {
            try await sender.send(Array("Subject: x\r\n\r\nx\r\n".utf8), from: "ana.maria+ocm@icetex.gov.co", to: ["o'neil@sub.icetex.gov.co"])
        }
        XCTAssertEqual(error?.curlError?.code, Int(CURLE_COULDNT_CONNECT.rawValue), "\(String(describing: error))")
        XCTAssertEqual(error?.disposition, .transient)
    }

    func testNoRecipientsIsRefused() async throws {
        let sender = try sender()
        let error = await expectError(MailSendError.self) { try await sender.send(Array("x".utf8), from: "ana@icetex.gov.co", to: []) }
        guard let error, case .noRecipients = error.reason else { return XCTFail("\(String(describing: error))") }
    }
}
