import Daemon
import Foundation
import MailTransport
import XCTest

/// The daemon with `auth: xoauth2` on both mailboxes and SMTP (`review: off`), against the lab's
/// Dovecot + Postfix validating tokens of the local token endpoint (lab-up's LAB_OAUTH2=1). The
/// token lifecycle figures (logins, token requests, refreshes) are printed for the closing note.
final class DaemonOAuthTests: XCTestCase {
    private var lab: PrivateLab!
    private var work: DaemonWorkspace!

    override func setUpWithError() throws {
        lab = try PrivateLab.start(oauth: true)
        work = try DaemonWorkspace()
    }

    override func tearDown() {
        lab?.destroy()
        work?.remove()
    }

    /// Both mailboxes and SMTP with the same `oauth:` block (so one token serves all three).
    private func writeConfig(certificate: Bool = false) throws {
        var credential: [String]
        if certificate {
            let key = work.dir.appendingPathComponent("app-key.pem")
            try FileManager.default.copyItem(atPath: lab["LAB_OAUTH_KEY"], toPath: key.path)
            guard chmod(key.path, 0o600) == 0 else { throw LabFailure("chmod") }
            credential = ["certificate_file: \(lab["LAB_OAUTH_CERT"])", "key_file: app-key.pem"]
        } else {
            let secret = work.dir.appendingPathComponent("client.secret")
            try FileManager.default.copyItem(atPath: lab["LAB_OAUTH_SECRET_FILE"], toPath: secret.path)
            guard chmod(secret.path, 0o600) == 0 else { throw LabFailure("chmod") }
            credential = ["secret_file: client.secret"]
        }
        func oauth(_ indent: String) -> String {
            let lines = ["auth: xoauth2", "oauth:", "  token_url: \(lab["LAB_OAUTH_TOKEN_URL"])",
                         "  client_id: \(lab["LAB_OAUTH_CLIENT_ID"])", "  ca_file: \(lab.ca)"] + credential.map { "  " + $0 }
            return lines.map { indent + $0 }.joined(separator: "\n")
        }
        let yaml = """
            mailboxes:
              - role: aseguramiento
                address: \(lab.address("aseguramientoocm"))
                url: \(lab.imapsURL)/INBOX
                login: \(lab.address("aseguramientoocm"))
                ca_file: \(lab.ca)
            \(oauth("    "))
              - role: formacion
                address: \(lab.address("formacionocm"))
                url: \(lab.imapsURL)/INBOX
                login: \(lab.address("formacionocm"))
                ca_file: \(lab.ca)
            \(oauth("    "))
            smtp:
              url: \(lab.submissionURL)/ocm-intake-tests
              login: \(lab.address("aseguramientoocm"))
              ca_file: \(lab.ca)
            \(oauth("  "))
            review: off
            ledger: ledger.sqlite
            templates: \(Package.root.appendingPathComponent("Templates").path)
            rules: \(Package.root.appendingPathComponent("config").path)
            time_zone: America/Bogota
            hostname: ocm-intake.test

            """
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: work.configPath))
    }

    private func endpoint(_ path: String, post json: String? = nil) throws -> Any {
        var arguments = ["-sS", "--cacert", lab.ca, lab["LAB_OAUTH_URL"] + path]
        if let json { arguments += ["-d", json] }
        let out = try runProcess("/usr/bin/curl", arguments)
        return try JSONSerialization.jsonObject(with: Data(out.stdout.utf8))
    }

    private func stats() throws -> [String: Int] { (try endpoint("/stats") as? [String: Int]) ?? [:] }

    private func log(_ name: String) -> [Substring] {
        ((try? String(contentsOfFile: lab.dir + "/log/\(name).log", encoding: .utf8)) ?? "").split(separator: "\n")
    }

    private func xoauth2Logins() -> (imap: Int, smtp: Int, failed: Int) {
        let dovecot = log("dovecot"), postfix = log("postfix")
        return (dovecot.filter { $0.contains("imap-login: Info: Login:") && $0.contains("method=XOAUTH2") }.count,
                postfix.filter { $0.contains("sasl_method=XOAUTH2") }.count,
                dovecot.filter { $0.contains("auth failed") || $0.contains("didn't finish SASL") }.count
                    + postfix.filter { $0.contains("authentication failed") }.count)
    }

    private func client(_ daemon: IntakeDaemon) throws -> OAuthTokenClient {
        guard case .oauth2(let client)? = daemon.configuration.mailboxes[0].server.secret else { throw LabFailure("no OAuth client") }
        return client
    }

    // MARK: - tests

    func testATokenExpiringBetweenTwoCyclesIsRefreshedWithoutAFailedLoginAndServesAllThreeConnections() async throws {
        try writeConfig()
        _ = try endpoint("/control", post: #"{"expires_in": 4}"#)
        let daemon = try work.daemon()
        let client = try client(daemon)
        for entry in daemon.configuration.mailboxes {
            guard case .oauth2(let other)? = entry.server.secret, other === client else { return XCTFail("one shared token client") }
        }
        let first = await daemon.cycle()
        XCTAssertEqual(first.errors, [])
        XCTAssertEqual(first.baselines.count, 2)
        let mail = try TestMail.request(from: lab.address("ana"))
        try lab.sendAndWait(mail)
        // 4 s token, 10 % margin: after 3.6 s it is no longer used.
        try await Task.sleep(for: .milliseconds(3800))
        let second = await daemon.cycle()
        XCTAssertEqual(second.errors, [])
        XCTAssertEqual(second.opened.count, 1, "\(second)")
        XCTAssertEqual(second.delivered, 1, "the reply went out by SMTP with the refreshed token: \(second)")
        _ = try lab.waitFor("ana", messageID: try XCTUnwrap(work.ledger().outbox(status: .delivered).first).messageID)

        let figures = client.counts, endpointStats = try stats(), logins = xoauth2Logins()
        print("OAUTH-FIGURES two cycles, 4 s tokens: logins imap \(logins.imap) smtp \(logins.smtp) failed \(logins.failed); "
              + "token requests \(figures.requests) (endpoint \(endpointStats["token_requests"] ?? -1)), refreshes \(figures.refreshes), "
              + "rejections \(figures.rejections), introspections \(endpointStats["introspections"] ?? -1)")
        XCTAssertEqual(figures, OAuthTokenClient.Figures(requests: 2, refreshes: 1, rejections: 0, failures: 0))
        XCTAssertEqual(endpointStats["token_requests"], 2, "once per token lifetime, not per connection")
        XCTAssertEqual(logins.failed, 0, "no failed login: \(log("dovecot"))")
        XCTAssertEqual(logins.imap, 4, "two mailboxes, a new connection each per token")
        XCTAssertEqual(logins.smtp, 1)
    }

    func testARevokedAppGivesOneClearErrorPerMailboxAndNothingIsLost() async throws {
        try writeConfig()
        let daemon = try work.daemon()
        let client = try client(daemon)
        _ = await daemon.cycle()
        let mail = try TestMail.request(from: lab.address("ana"))
        try lab.sendAndWait(mail)
        // The app loses its access: every token is now refused, and Exchange drops the sessions.
        _ = try endpoint("/control", post: #"{"revoke_all": true, "issue_expired": true}"#)
        for user in ["aseguramientoocm", "formacionocm"] { _ = try lab.doveadm(["kick", lab.address(user)]) }
        let refused = await daemon.cycle()
        XCTAssertEqual(refused.errors.count, 2, "\(refused.errors)")
        for error in refused.errors {
            XCTAssertTrue(error.contains("OAuth login refused with a newly issued token") && error.contains("IMAP.AccessAsApp"), error)
        }
        XCTAssertEqual(refused.fetched, 0)
        XCTAssertEqual(try work.ledger().requests().count, 0)
        let requestsWhileRefused = client.counts.requests

        _ = try endpoint("/control", post: #"{"issue_expired": false}"#)
        let recovered = await daemon.cycle()
        XCTAssertEqual(recovered.errors, [])
        XCTAssertEqual(recovered.opened.count, 1, "the mail that arrived meanwhile is processed: \(recovered)")
        XCTAssertEqual(recovered.delivered, 1)
        print("OAUTH-FIGURES revoked app: token requests \(requestsWhileRefused) up to the refused cycle, \(client.counts.requests) after recovery; "
              + "rejections \(client.counts.rejections); errors in the refused cycle \(refused.errors.count)")
    }

    func testOnceAtTraceLevelLogsNoTokenSecretOrAssertion() throws {
        try writeConfig(certificate: true)
        try work.onceOK()  // baseline
        try lab.sendAndWait(try TestMail.request(from: lab.address("ana")))
        let run = try work.command(["once"], logLevel: "trace")
        XCTAssertEqual(run.status, 0, run.all)
        XCTAssertTrue(run.stdout.contains("opened 1 request(s)"), run.all)
        XCTAssertTrue(run.stderr.contains("AUTHENTICATE XOAUTH2 [redacted]"), "the trace ran")
        // (IntakeDaemon traces the mailboxes' IMAP only; the SMTP handle has no trace sink.)
        let tokens = try XCTUnwrap(endpoint("/issued") as? [String])
        XCTAssertEqual(tokens.count, 2, "one token per process")
        let key = try String(contentsOfFile: lab["LAB_OAUTH_KEY"], encoding: .utf8)
        let keyLine = try XCTUnwrap(key.split(separator: "\n").dropFirst().first)
        for token in tokens {
            XCTAssertFalse(run.all.contains(token), "a token in the log")
            XCTAssertFalse(run.all.contains(Data("auth=Bearer \(token)".utf8).base64EncodedString().prefix(24)), "a SASL response in the log")
        }
        XCTAssertFalse(run.all.contains(keyLine), "the private key in the log")
        XCTAssertFalse(run.all.contains("eyJ"), "a JWT (client assertion) in the log")
        XCTAssertFalse(run.all.contains("client_assertion="), "the token request body in the log")
    }

    func testCheckConfigConnectSaysWhichStepFailedAndStatusShowsTheAuthModeAndTokenError() throws {
        try writeConfig()
        let good = try work.command(["check-config", "--connect"])
        XCTAssertEqual(good.status, 0, good.all)
        XCTAssertTrue(good.stdout.contains("token obtained (valid"), good.all)
        XCTAssertTrue(good.stdout.contains("aseguramiento: connected") && good.stdout.contains("formacion: connected"), good.all)
        XCTAssertTrue(good.stdout.contains("connected and logged in"), "SMTP: \(good.all)")
        try work.onceOK()  // baseline: the ledger knows both mailboxes

        _ = try endpoint("/control", post: #"{"fail": "invalid_client"}"#)
        let noToken = try work.command(["check-config", "--connect"])
        XCTAssertEqual(noToken.status, 1, noToken.all)
        XCTAssertTrue(noToken.stdout.contains("FAILED at step token: OAuth token request"), noToken.all)
        XCTAssertTrue(noToken.stdout.contains("AADSTS7000215"), noToken.all)
        XCTAssertTrue(noToken.stdout.contains("aseguramiento: FAILED at step token"), noToken.all)

        _ = try endpoint("/control", post: #"{"fail": null, "issue_expired": true}"#)
        let refused = try work.command(["check-config", "--connect"])
        XCTAssertEqual(refused.status, 1, refused.all)
        XCTAssertTrue(refused.stdout.contains("aseguramiento: FAILED at step login: ") && refused.stdout.contains("IMAP.AccessAsApp"), refused.all)
        XCTAssertTrue(refused.stdout.contains("FAILED at step login") && refused.stdout.contains("SMTP.SendAsApp"), refused.all)

        _ = try work.once()  // records the refused logins in the ledger
        let status = try work.status()
        XCTAssertEqual(status.status, 0, status.all)
        for role in ["aseguramiento", "formacion"] {
            let line = try XCTUnwrap(status.stdout.split(separator: "\n").first { $0.hasPrefix("mailbox \(role)") }, status.all)
            XCTAssertTrue(line.contains("auth xoauth2"), String(line))
            XCTAssertTrue(line.contains("OAuth failing since") && line.contains("OAuth login refused"), String(line))
        }
    }
}
