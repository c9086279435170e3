import Daemon
import Foundation
import Intake
import MailTransport
import XCTest

/// The Exchange keys of ocm-intake.yaml (issue 10 item 3): the drafts folder follows SPECIAL-USE
/// only when `drafts_folder` is not written; the throttling waits are bounded and name their
/// line when out of range. No server needed.
final class ExchangeConfigurationTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("ocm-exchange-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    /// Line 9 is the first line of `top` (after the drafts_folder line put under the first mailbox).
    private func load(top: String) throws -> DaemonConfiguration {
        let yaml = """
            mailboxes:
              - role: aseguramiento
                address: aseguramientoocm@icetex.gov.co
                url: imaps://outlook.office365.com/INBOX
              - role: formacion
                address: formacionocm@icetex.gov.co
                url: imaps://outlook.office365.com/Informaci%C3%B3n
            \(top)
            review: drafts

            """
        let path = dir.appendingPathComponent("ocm-intake.yaml").path
        try Data(yaml.replacingOccurrences(of: "    url: imaps://outlook.office365.com/INBOX", with: "    url: imaps://outlook.office365.com/INBOX\n    drafts_folder: Borradores OCM").utf8)
            .write(to: URL(fileURLWithPath: path))
        return try DaemonConfiguration.load(path: path, environment: [:], readSecrets: false)
    }

    func testSpecialUseOnlyWithoutDraftsFolderAndNonASCIIMailboxNames() throws {
        let configuration = try load(top: "poll_interval: 60")
        XCTAssertFalse(configuration.mailboxes[0].server.draftsFromSpecialUse, "drafts_folder written: it wins")
        XCTAssertEqual(configuration.mailboxes[0].draftsFolder, "Borradores OCM")
        XCTAssertTrue(configuration.mailboxes[1].server.draftsFromSpecialUse)
        guard case .imap(_, let mailbox) = configuration.mailboxes[1].server.url else { return XCTFail() }
        XCTAssertEqual(mailbox, "Información")
        XCTAssertEqual(configuration.mailboxes[1].server.throttleBackoff, ThrottleBackoff())
    }

    func testThrottleKeysAreReadAndBounded() throws {
        let configuration = try load(top: "throttle_retries: 5\nthrottle_backoff: 1\nthrottle_backoff_max: 8")
        XCTAssertEqual(configuration.mailboxes[1].server.throttleBackoff, ThrottleBackoff(retries: 5, initial: .seconds(1), maximum: .seconds(8)))
        for (text, key) in [("throttle_retries: 11", "throttle_retries"), ("throttle_backoff: 0", "throttle_backoff"),
                            ("throttle_backoff_max: many", "throttle_backoff_max")] {
            do {
                _ = try load(top: text)
                XCTFail("accepted \(text)")
            } catch let error as ConfigError {
                XCTAssertEqual(error.key, key, "\(error)")
                XCTAssertEqual(error.line, 9, "\(error)")
                XCTAssertTrue(error.file.hasSuffix("ocm-intake.yaml"))
            }
        }
    }
}
