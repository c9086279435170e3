import XCTest

/// The set-up every daemon-against-the-lab test class shares: its own Dovecot + Postfix lab and
/// workspace per test, destroyed afterwards. Subclasses that write their own configuration turn
/// `writesIMAPConfig` off.
class LabDaemonTestCase: XCTestCase {
    var lab: PrivateLab!
    var work: DaemonWorkspace!

    /// Whether set-up writes the usual two-mailbox IMAPS configuration.
    var writesIMAPConfig: Bool { true }

    override func setUpWithError() throws {
        lab = try PrivateLab.start()
        work = try DaemonWorkspace()
        if writesIMAPConfig { try work.writeIMAPConfig(lab: lab) }
    }

    override func tearDown() {
        lab?.destroy()
        work?.remove()
    }
}
