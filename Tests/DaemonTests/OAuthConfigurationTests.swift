import Daemon
import Foundation
import Intake
import MailTransport
import XCTest

/// `auth: xoauth2` + `oauth:` in ocm-intake.yaml: every new key's error names file, line and key;
/// the Microsoft defaults and systemd's LoadCredential= are honoured. No server needed.
final class OAuthConfigurationTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("ocm-oauth-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try write("client.secret", "s3cret-value\n", mode: 0o600)
        // The app's certificate and key, and an unrelated key, as an admin would make them.
        try runProcess("/usr/bin/openssl", ["req", "-x509", "-new", "-nodes", "-newkey", "rsa:2048", "-subj", "/CN=ocm-test-app",
                                            "-days", "2", "-keyout", dir.appendingPathComponent("app-key.pem").path,
                                            "-out", dir.appendingPathComponent("app-cert.pem").path])
        try runProcess("/usr/bin/openssl", ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
                                            "-out", dir.appendingPathComponent("other-key.pem").path])
        for key in ["app-key.pem", "other-key.pem"] { chmod(dir.appendingPathComponent(key).path, 0o600) }
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    private func write(_ name: String, _ text: String, mode: mode_t = 0o644) throws {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        chmod(url.path, mode)
    }

    /// A config whose first mailbox has `auth`/`oauth` lines `block` (indented under the entry);
    /// line 6 is the first line of the block.
    private func load(_ block: String, environment: [String: String] = [:], readSecrets: Bool = true) throws -> DaemonConfiguration {
        let yaml = """
            mailboxes:
              - role: aseguramiento
                address: aseguramientoocm@icetex.gov.co
                url: imaps://outlook.office365.com/INBOX
                login: aseguramientoocm@icetex.gov.co
            \(block.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            review: drafts

            """
        try write("ocm-intake.yaml", yaml)
        return try DaemonConfiguration.load(path: dir.appendingPathComponent("ocm-intake.yaml").path, environment: environment,
                                            readSecrets: readSecrets)
    }

    private func expect(_ block: String, line: Int, key: String, _ message: String? = nil,
                        file: StaticString = #filePath, lineNumber: UInt = #line) {
        do {
            _ = try load(block)
            XCTFail("accepted: \(block)", file: file, line: lineNumber)
        } catch let error as ConfigError {
            XCTAssertEqual(error.file, dir.appendingPathComponent("ocm-intake.yaml").path, file: file, line: lineNumber)
            XCTAssertEqual(error.line, line, "\(error)", file: file, line: lineNumber)
            XCTAssertEqual(error.key, key, "\(error)", file: file, line: lineNumber)
            if let message { XCTAssertTrue("\(error)".contains(message), "\(error)", file: file, line: lineNumber) }
        } catch {
            XCTFail("\(error)", file: file, line: lineNumber)
        }
    }

    private let good = "  client_id: 00000000-1111-2222-3333-444444444444\n  secret_file: client.secret"

    func testEachNewKeyNamesFileLineAndKey() {
        expect("auth: xoauth2", line: 2, key: "oauth")
        expect("auth: xoauth2\noauth:\n  tenant: contoso.onmicrosoft.com\n  secret_file: client.secret", line: 8, key: "oauth.client_id")
        expect("auth: xoauth2\noauth:\n\(good)", line: 8, key: "oauth.tenant")
        expect("auth: xoauth2\noauth:\n  tenant: contoso.onmicrosoft.com\n  token_url: https://login.example/t\n\(good)",
               line: 9, key: "oauth.token_url", "not both")
        expect("auth: xoauth2\noauth:\n  token_url: http://login.example/token\n\(good)", line: 8, key: "oauth.token_url", "https://")
        expect("auth: xoauth2\noauth:\n  tenant: contoso/evil\n\(good)", line: 8, key: "oauth.tenant")
        expect("auth: xoauth2\noauth:\n  tenant: t1\n  client_id: c", line: 8, key: "oauth.secret_file")
        expect("auth: xoauth2\noauth:\n  tenant: t1\n\(good)\n  certificate_file: app-cert.pem\n  key_file: app-key.pem",
               line: 11, key: "oauth.certificate_file", "not both")
        expect("auth: xoauth2\noauth:\n  tenant: t1\n  client_id: c\n  certificate_file: app-cert.pem", line: 8, key: "oauth.key_file")
        expect("auth: xoauth2\noauth:\n  tenant: t1\n  client_id: c\n  certificate_file: app-cert.pem\n  key_file: other-key.pem",
               line: 11, key: "oauth.key_file", "does not belong")
        expect("auth: xoauth2\noauth:\n  tenant: t1\n  client_id: c\n  certificate_file: client.secret\n  key_file: app-key.pem",
               line: 10, key: "oauth.certificate_file", "PEM certificate")
        expect("auth: xoauth2\noauth:\n  tenant: t1\n  client_id: c\n  certificate_file: app-cert.pem\n  key_file: app-key.pem\n  algorithm: HS256",
               line: 12, key: "oauth.algorithm")
        expect("auth: xoauth2\noauth:\n  tenant: t1\n\(good)\n  algorithm: PS256", line: 11, key: "oauth.algorithm", "certificate")
        expect("auth: xoauth2\noauth:\n  tenant: t1\n\(good)\n  scope: a b", line: 11, key: "oauth.scope")
        expect("auth: xoauth2\noauth:\n  tenant: t1\n\(good)\n  scopes: x", line: 11, key: "scopes")
        expect("auth: plain\noauth:\n  tenant: t1\n\(good)", line: 6, key: "auth", "xoauth2")
        expect("auth: xoauth2\nsecret_file: client.secret\noauth:\n  tenant: t1\n\(good)", line: 7, key: "secret_file", "under oauth")
        expect("auth: xoauth2\noauth:\n  tenant: t1\n  client_id: c\n  secret_file: missing.secret", line: 10, key: "secret_file", "cannot be read")
        expect("oauth: text", line: 6, key: "oauth", "mapping")
    }

    func testAWorldReadableKeyIsRefused() throws {
        chmod(dir.appendingPathComponent("app-key.pem").path, 0o644)
        expect("auth: xoauth2\noauth:\n  tenant: t1\n  client_id: c\n  certificate_file: app-cert.pem\n  key_file: app-key.pem",
               line: 11, key: "oauth.key_file", "chmod 600")
    }

    func testMicrosoftDefaultsAndOneSharedClientForEqualSettings() throws {
        let configuration = try load("auth: xoauth2\noauth:\n  tenant: contoso.onmicrosoft.com\n\(good)")
        guard case .oauth2(let client)? = configuration.mailboxes[0].server.secret else { return XCTFail("no OAuth client") }
        XCTAssertEqual(client.settings.tokenURL, "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token")
        XCTAssertEqual(client.settings.scope, "https://outlook.office365.com/.default")
        XCTAssertFalse("\(configuration.mailboxes[0].server)".contains("s3cret-value"), "the secret is redacted")
        let again = try load("auth: xoauth2\noauth:\n  tenant: contoso.onmicrosoft.com\n\(good)")
        guard case .oauth2(let same)? = again.mailboxes[0].server.secret else { return XCTFail("no OAuth client") }
        XCTAssertTrue(client === same, "equal settings share one token client (one token per lifetime)")
    }

    func testCertificateCredentialAndLoadCredentialDirectory() throws {
        let credentials = dir.appendingPathComponent("credentials")
        try FileManager.default.createDirectory(at: credentials, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: dir.appendingPathComponent("app-key.pem"), to: credentials.appendingPathComponent("ocm-app.key"))
        let configuration = try load("auth: xoauth2\noauth:\n  tenant: t1\n  client_id: c\n  certificate_file: app-cert.pem\n  key_file: ocm-app.key\n  algorithm: rs256",
                                     environment: ["CREDENTIALS_DIRECTORY": credentials.path])
        guard case .oauth2(let client)? = configuration.mailboxes[0].server.secret,
              case .certificate(let certificate) = client.settings.credential else { return XCTFail("no certificate credential") }
        XCTAssertEqual(certificate.algorithm, .rs256)
        XCTAssertEqual(certificate.sha256Thumbprint.count, 43, "base64url SHA-256")
        // The assertion is a three-part JWT with the thumbprint in its header.
        let jwt = try certificate.assertion(clientID: "c", audience: client.settings.tokenURL)
        let header = try XCTUnwrap(Data(base64Encoded: String(jwt.split(separator: ".")[0]) + "=="))
        let fields = try XCTUnwrap(JSONSerialization.jsonObject(with: header) as? [String: String])
        XCTAssertEqual(fields["alg"], "RS256")
        XCTAssertEqual(fields["x5t#S256"], certificate.sha256Thumbprint)
        XCTAssertEqual(fields["x5t"], certificate.sha1Thumbprint)
    }

    func testCommandsThatDoNotReadSecretsStillValidateTheBlock() throws {
        let configuration = try load("auth: xoauth2\noauth:\n  tenant: t1\n  client_id: c\n  secret_file: not-there-yet.secret", readSecrets: false)
        XCTAssertNil(configuration.mailboxes[0].server.secret)
        XCTAssertThrowsError(try load("auth: xoauth2\noauth:\n  tenant: t1", readSecrets: false))
    }
}

/// The shipped production configuration: XOAUTH2 everywhere with one app (a YAML anchor).
final class ProductionOAuthConfigurationTests: XCTestCase {
    func testTheProductionConfigurationLogsInToMicrosoft365WithOneAppForAllThreeServers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ocm-prod-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("ocm-intake.yaml")
        try FileManager.default.copyItem(at: Package.root.appendingPathComponent("config/ocm-intake.production.yaml"), to: config)
        try runProcess("/usr/bin/openssl", ["req", "-x509", "-new", "-nodes", "-newkey", "rsa:2048", "-subj", "/CN=ocm-intake",
                                            "-days", "2", "-keyout", dir.appendingPathComponent("ocm-app.key").path,
                                            "-out", dir.appendingPathComponent("ocm-app.crt").path])
        chmod(dir.appendingPathComponent("ocm-app.key").path, 0o600)
        let configuration = try DaemonConfiguration.load(path: config.path, environment: [:])
        var clients: [OAuthTokenClient] = []
        for server in configuration.mailboxes.map(\.server) + [try XCTUnwrap(configuration.smtp)] {
            guard case .oauth2(let client)? = server.secret else { return XCTFail("\(server.url) is not OAuth") }
            clients.append(client)
        }
        XCTAssertTrue(clients.allSatisfy { $0 === clients[0] }, "one token for both mailboxes and SMTP")
        XCTAssertEqual(clients[0].settings.tokenURL, "https://login.microsoftonline.com/icetex.gov.co/oauth2/v2.0/token")
        XCTAssertEqual(clients[0].settings.scope, "https://outlook.office365.com/.default")
        guard case .certificate(let certificate) = clients[0].settings.credential else { return XCTFail("not a certificate") }
        XCTAssertEqual(certificate.algorithm, .ps256)
    }
}
