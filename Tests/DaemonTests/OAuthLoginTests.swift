import Foundation
import MailTransport
import XCTest

/// XOAUTH2 against the lab's real Dovecot (oauth2 passdb, tokens checked by introspection) and
/// Postfix submission (Dovecot SASL), with tokens from the local token endpoint
/// (Tests/OAuthTokenServer, started by `lab-up.sh` with LAB_OAUTH2=1). The endpoint's own counters
/// and Dovecot's log are the independent witnesses.
final class OAuthLoginTests: XCTestCase {
    private var lab: PrivateLab!

    override func setUpWithError() throws {
        lab = try PrivateLab.start(oauth: true)
    }

    override func tearDown() {
        lab?.destroy()
    }

    // MARK: - helpers

    private func settings(secret: Bool = true, algorithm: OAuthCertificate.Algorithm = .ps256) throws -> OAuthSettings {
        let credential: OAuthSettings.Credential
        if secret {
            credential = .secret(try String(contentsOfFile: lab["LAB_OAUTH_SECRET_FILE"], encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines))
        } else {
            credential = .certificate(try OAuthCertificate(certificatePEM: String(contentsOfFile: lab["LAB_OAUTH_CERT"], encoding: .utf8),
                                                           keyPEM: String(contentsOfFile: lab["LAB_OAUTH_KEY"], encoding: .utf8),
                                                           algorithm: algorithm))
        }
        return OAuthSettings(tokenURL: lab["LAB_OAUTH_TOKEN_URL"], clientID: lab["LAB_OAUTH_CLIENT_ID"], credential: credential, caFile: lab.ca)
    }

    private func imap(_ user: String, _ client: OAuthTokenClient, trace: (@Sendable (String) -> Void)? = nil) throws -> IMAPMailbox {
        var configuration = MailServerConfiguration(url: try MailServerURL(parsing: "\(lab.imapsURL)/INBOX"), login: lab.address(user),
                                                    secret: .oauth2(client), caFile: lab.ca)
        configuration.responseTimeout = .seconds(10)
        configuration.trace = trace
        return try IMAPMailbox(configuration: configuration)
    }

    private func smtp(_ client: OAuthTokenClient, trace: (@Sendable (String) -> Void)? = nil) throws -> any MailSender {
        var configuration = MailServerConfiguration(url: try MailServerURL(parsing: "\(lab.submissionURL)/ocm-oauth-tests"),
                                                    login: lab.address("aseguramientoocm"), secret: .oauth2(client), caFile: lab.ca)
        configuration.responseTimeout = .seconds(10)
        configuration.trace = trace
        return try configuration.openSender()
    }

    /// The endpoint's counters, read over HTTPS by the curl command line.
    private func endpointStats() throws -> [String: Int] {
        let out = try runProcess("/usr/bin/curl", ["-sS", "--cacert", lab.ca, lab["LAB_OAUTH_URL"] + "/stats"])
        return (try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Int]) ?? [:]
    }

    private func control(_ json: String) throws {
        let out = try runProcess("/usr/bin/curl", ["-sS", "--cacert", lab.ca, "-d", json, lab["LAB_OAUTH_URL"] + "/control"])
        XCTAssertEqual(out.status, 0, out.all)
    }

    private func dovecotLog() -> String {
        (try? String(contentsOfFile: lab.dir + "/log/dovecot.log", encoding: .utf8)) ?? ""
    }

    private func mail(to user: String) -> (id: String, raw: [UInt8]) {
        let id = "<oauth-\(UUID().uuidString)@icetex.gov.co>"
        let text = "From: <\(lab.address("aseguramientoocm"))>\r\nTo: <\(lab.address(user))>\r\nSubject: oauth\r\nMessage-ID: \(id)\r\n"
            + "Date: Wed, 02 Dec 2026 08:00:00 -0500\r\n\r\nhola\r\n"
        return (id, Array(text.utf8))
    }

    // MARK: - tests

    func testOneTokenServesBothMailboxesAndSMTPAndEveryLoginIsXOAUTH2() async throws {
        let client = OAuthTokenClient(settings: try settings())
        let first = try imap("aseguramientoocm", client), second = try imap("formacionocm", client)
        _ = try await first.status()
        _ = try await second.status()
        let message = mail(to: "formacionocm")
        try await smtp(client).send(message.raw, from: lab.address("aseguramientoocm"), to: [lab.address("formacionocm")])
        _ = try lab.waitFor("formacionocm", messageID: message.id)
        let stats = try endpointStats()
        XCTAssertEqual(stats["token_requests"], 1, "one token for three connections: \(stats)")
        XCTAssertEqual(stats["introspections_ok"], 3, "three logins validated by the endpoint: \(stats)")
        XCTAssertEqual(client.counts, OAuthTokenClient.Figures(requests: 1, refreshes: 0, rejections: 0, failures: 0))
        let log = dovecotLog()
        XCTAssertEqual(log.split(separator: "\n").filter { $0.contains("imap-login: Info: Login:") && $0.contains("method=XOAUTH2") }.count, 2,
                       "two IMAP logins: \(log)")
        XCTAssertFalse(log.contains("auth failed"), log)
    }

    func testCertificateAssertionsPS256AndRS256AreAcceptedAndAWrongKeyIsRefusedUpFront() throws {
        for algorithm in OAuthCertificate.Algorithm.allCases {
            let client = OAuthTokenClient(settings: try settings(secret: false, algorithm: algorithm))
            XCTAssertFalse(try client.bearer().isEmpty, "\(algorithm)")
        }
        XCTAssertEqual(try endpointStats()["issued"], 2, "the endpoint verified both signatures with openssl")
        let otherKey = lab.dir + "/other-key.pem"
        try runProcess("/usr/bin/openssl", ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", otherKey])
        XCTAssertThrowsError(try OAuthCertificate(certificatePEM: String(contentsOfFile: lab["LAB_OAUTH_CERT"], encoding: .utf8),
                                                  keyPEM: String(contentsOfFile: otherKey, encoding: .utf8))) { error in
            XCTAssertTrue("\(error)".contains("does not belong"), "\(error)")
        }
    }

    func testATokenExpiringBetweenPollsIsRefreshedBeforeUseWithoutAFailedLogin() async throws {
        try control(#"{"expires_in": 3}"#)
        let client = OAuthTokenClient(settings: try settings())
        let mailbox = try imap("aseguramientoocm", client)
        _ = try await mailbox.status()
        // 3 s token, margin 10 % = 0.3 s: at 2.9 s it is no longer handed out.
        try await Task.sleep(for: .milliseconds(2900))
        _ = try await mailbox.status()
        _ = try await mailbox.status()
        XCTAssertEqual(client.counts, OAuthTokenClient.Figures(requests: 2, refreshes: 1, rejections: 0, failures: 0))
        XCTAssertEqual(try endpointStats()["token_requests"], 2)
        XCTAssertFalse(dovecotLog().contains("auth failed"), dovecotLog())
        let connections = await mailbox.counters.connections
        XCTAssertEqual(connections, 2, "a new token means a new connection and login")
    }

    func testARevokedTokenOnADroppedConnectionIsReplacedOnceAndNothingIsLost() async throws {
        let client = OAuthTokenClient(settings: try settings())
        let mailbox = try imap("aseguramientoocm", client)
        _ = try await mailbox.status()
        // The server revokes the token and drops the session (as Exchange does on expiry).
        try control(#"{"revoke_all": true}"#)
        _ = try lab.doveadm(["kick", lab.address("aseguramientoocm")])
        try lab.save(mail(to: "aseguramientoocm").raw, user: "aseguramientoocm")
        let status = try await mailbox.status()
        XCTAssertEqual(status.messages, 1, "the poll after the drop still sees the mail")
        XCTAssertEqual(client.counts, OAuthTokenClient.Figures(requests: 2, refreshes: 0, rejections: 1, failures: 0))
        XCTAssertEqual(try endpointStats()["token_requests"], 2)
    }

    func testTokensTheServerRejectsGiveOneOAuthErrorAfterOneFreshTokenAndTheExchangeIsFinished() async throws {
        try control(#"{"issue_expired": true}"#)
        let client = OAuthTokenClient(settings: try settings())
        let mailbox = try imap("aseguramientoocm", client)
        do {
            _ = try await mailbox.status()
            XCTFail("a dead token logged in")
        } catch {
            let text = "\(error)"
            XCTAssertTrue(text.contains("OAuth login refused with a newly issued token"), text)
            XCTAssertTrue(text.contains("IMAP.AccessAsApp"), text)
            XCTAssertTrue(text.contains(#"{"status":"401""#), "the server's error challenge is reported: \(text)")
            XCTAssertTrue(text.contains("AUTHENTICATIONFAILED"), "and its final answer: \(text)")
            XCTAssertEqual(error.disposition, .permanent)
        }
        XCTAssertEqual(client.counts, OAuthTokenClient.Figures(requests: 2, refreshes: 0, rejections: 2, failures: 0))
        // Dovecot logs a session when it ends; give the probe's LOGOUT a moment.
        var log: [Substring] = []
        for _ in 0..<40 {
            log = dovecotLog().split(separator: "\n").filter { $0.contains("imap-login") }
            if log.count >= 2 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        XCTAssertEqual(log.filter { $0.contains("client didn't finish SASL auth") }.count, 1, "libcurl's own attempt: \(log)")
        XCTAssertEqual(log.filter { $0.contains("(auth failed, 1 attempts") }.count, 1, "the retry finished the SASL exchange: \(log)")

        let sender = try smtp(client)
        let message = mail(to: "formacionocm")
        do {
            try await sender.send(message.raw, from: lab.address("aseguramientoocm"), to: [lab.address("formacionocm")])
            XCTFail("sent with a dead token")
        } catch {
            XCTAssertTrue("\(error)".contains("SMTP.SendAsApp"), "\(error)")
            XCTAssertTrue("\(error)".contains("535"), "\(error)")
        }
        XCTAssertEqual(try lab.search("formacionocm", messageID: message.id), [], "nothing was sent")
    }

    func testAGoodTokenForAMailboxTheServerRefusesNamesThePermissionsToCheck() async throws {
        let client = OAuthTokenClient(settings: try settings())
        // The lab's app has no right on jorge's mailbox (a deny passdb before the oauth2 one).
        let mailbox = try imap("jorge", client)
        do {
            _ = try await mailbox.status()
            XCTFail("logged in to a mailbox that does not exist")
        } catch {
            let text = "\(error)"
            XCTAssertTrue(text.contains("OAuth login refused with a newly issued token"), text)
            XCTAssertTrue(text.contains("New-ServicePrincipal") && text.contains("Add-MailboxPermission"), text)
            XCTAssertFalse(text.contains("check tenant, client_id"), "not the token endpoint's refusal: \(text)")
        }
        XCTAssertEqual(client.counts, OAuthTokenClient.Figures(requests: 2, refreshes: 0, rejections: 2, failures: 0))
        // The other mailboxes still work with the next token.
        _ = try await imap("aseguramientoocm", client).status()
    }

    func testTokenEndpointRefusalsNameTheClientAndAreTransientOnlyWhenTheServerIsBusy() async throws {
        try control(#"{"fail": "invalid_client"}"#)
        let client = OAuthTokenClient(settings: try settings())
        let mailbox = try imap("aseguramientoocm", client)
        do {
            _ = try await mailbox.status()
            XCTFail("logged in without a token")
        } catch {
            XCTAssertTrue("\(error)".contains("AADSTS7000215"), "\(error)")
            XCTAssertTrue("\(error)".contains("check tenant, client_id"), "\(error)")
            XCTAssertEqual(error.disposition, .permanent)
        }
        XCTAssertNotNil(client.lastFailure)
        try control(#"{"fail": "server_error"}"#)
        do {
            _ = try await mailbox.status()
            XCTFail("logged in without a token")
        } catch {
            XCTAssertEqual(error.disposition, .transient, "\(error)")
        }
        XCTAssertFalse(dovecotLog().contains("method=XOAUTH2"), "no login was tried without a token")
    }

    func testTheTraceHoldsNoTokenSecretOrAssertion() async throws {
        let lines = LineCollector()
        let client = OAuthTokenClient(settings: try settings(), trace: { lines.append($0) })
        let mailbox = try imap("aseguramientoocm", client, trace: { lines.append($0) })
        _ = try await mailbox.status()
        try await smtp(client, trace: { lines.append($0) }).send(mail(to: "formacionocm").raw, from: lab.address("aseguramientoocm"),
                                                                  to: [lab.address("formacionocm")])
        let token = try client.bearer()
        let secret = try String(contentsOfFile: lab["LAB_OAUTH_SECRET_FILE"], encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let all = lines.all.joined(separator: "\n")
        XCTAssertTrue(all.contains("AUTHENTICATE XOAUTH2 [redacted]"), "the trace ran: \(all.prefix(2000))")
        XCTAssertTrue(all.contains("POST /lab-tenant/oauth2/v2.0/token"), "the token request is traced too")
        for needle in [token, secret, Data("auth=Bearer \(token)".utf8).base64EncodedString().prefix(40).description] {
            XCTAssertFalse(all.contains(needle), "secret material in the trace")
        }
    }
}

/// A server that offers only OAUTHBEARER (RFC 7628), not XOAUTH2: the same settings log in.
final class OAuthBearerOnlyTests: XCTestCase {
    func testAServerOfferingOnlyOAUTHBEARERIsLoggedInToForIMAPAndSMTP() async throws {
        setenv("LAB_OAUTH2_MECHS", "oauthbearer", 1)
        defer { unsetenv("LAB_OAUTH2_MECHS") }
        let lab = try PrivateLab.start(oauth: true)
        defer { lab.destroy() }
        let secret = try String(contentsOfFile: lab["LAB_OAUTH_SECRET_FILE"], encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let client = OAuthTokenClient(settings: OAuthSettings(tokenURL: lab["LAB_OAUTH_TOKEN_URL"], clientID: lab["LAB_OAUTH_CLIENT_ID"],
                                                              credential: .secret(secret), caFile: lab.ca))
        let imap = MailServerConfiguration(url: try MailServerURL(parsing: "\(lab.imapsURL)/INBOX"), login: lab.address("formacionocm"),
                                           secret: .oauth2(client), caFile: lab.ca)
        _ = try await IMAPMailbox(configuration: imap).status()
        let smtp = MailServerConfiguration(url: try MailServerURL(parsing: "\(lab.submissionURL)/ocm-oauth-tests"),
                                           login: lab.address("formacionocm"), secret: .oauth2(client), caFile: lab.ca)
        let id = "<oauthbearer-\(UUID().uuidString)@icetex.gov.co>"
        let raw = Array("From: <\(lab.address("formacionocm"))>\r\nTo: <\(lab.address("ana"))>\r\nSubject: x\r\nMessage-ID: \(id)\r\n\r\nhola\r\n".utf8)
        try await smtp.openSender().send(raw, from: lab.address("formacionocm"), to: [lab.address("ana")])
        _ = try lab.waitFor("ana", messageID: id)
        let log = (try? String(contentsOfFile: lab.dir + "/log/dovecot.log", encoding: .utf8)) ?? ""
        XCTAssertTrue(log.contains("method=OAUTHBEARER"), log)
        XCTAssertEqual(client.counts.requests, 1)
    }
}

final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
