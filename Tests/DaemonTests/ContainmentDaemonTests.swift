import Daemon
import Foundation
import XCTest

/// Containment (issue 5/9): a mail that keeps the daemon busy past `message_time_limit` ends the
/// process; after two unfinished attempts it is quarantined and answered `ilegible`, and the
/// rest of the queue goes on. systemd hears READY=1 and WATCHDOG=1 over `$NOTIFY_SOCKET`.
final class ContainmentDaemonTests: XCTestCase {
    private var work: DaemonWorkspace!

    override func setUpWithError() throws {
        work = try DaemonWorkspace()
        try work.writeMaildirConfig()
        for box in ["aseguramientoocm", "formacionocm"] {
            for sub in ["cur", "new", "tmp"] {
                try FileManager.default.createDirectory(at: maildir(box).appendingPathComponent(sub), withIntermediateDirectories: true)
            }
        }
    }

    override func tearDown() { work?.remove() }

    private func maildir(_ box: String) -> URL { work.dir.appendingPathComponent("mail").appendingPathComponent(box) }

    private func setTimeLimit(_ seconds: Int) throws {
        let config = URL(fileURLWithPath: work.configPath)
        try (String(decoding: try Data(contentsOf: config), as: UTF8.self) + "message_time_limit: \(seconds)\n")
            .write(to: config, atomically: true, encoding: .utf8)
    }

    /// A request that hangs its reader: the test-only `OCM_INTAKE_STALL_MESSAGE_ID` switch
    /// (StallPoint) keeps the daemon busy on it, on a fast or a loaded machine alike.
    static let stall = ["OCM_INTAKE_STALL_MESSAGE_ID": "lento@icetex.gov.co"]

    static func slowMail() -> Data {
        Data("""
            From: Ana Pérez <amperez@icetex.gov.co>\r
            To: aseguramientoocm@icetex.gov.co\r
            Subject: Solicitud de capacitación reglamento\r
            Date: Mon, 11 May 2026 10:00:00 -0500\r
            Message-ID: <lento@icetex.gov.co>\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Buenos días, adjunto el reglamento.\r

            """.utf8)
    }

    func testStalledMailIsQuarantinedAfterTwoUnfinishedAttempts() throws {
        try setTimeLimit(5)
        let inbox = maildir("aseguramientoocm").appendingPathComponent("new")
        try Self.slowMail().write(to: inbox.appendingPathComponent("0-lento.eml"))
        try FileManager.default.copyItem(at: Package.root.appendingPathComponent("Samples/sample01-credito-completa.eml"),
                                         to: inbox.appendingPathComponent("9-sample01.eml"))
        let first = try work.command(["once", "--backfill-since", "2026-01-01"], extraEnvironment: Self.stall)
        XCTAssertEqual(first.status, MessageWatchdog.exitStatus, first.all)
        XCTAssertTrue(first.stderr.contains("passed its time limit"), first.all)
        let second = try work.command(["once"], extraEnvironment: Self.stall)
        XCTAssertEqual(second.status, MessageWatchdog.exitStatus, "tried once more: \(second.all)")
        let third = try work.onceOK()
        // The stalled mail was recorded by the first run (drained now), the good one is fetched.
        XCTAssertTrue(third.stdout.contains("fetched 1 message(s); opened 1 request(s)"), third.all)
        XCTAssertTrue(third.stdout.contains("quarantined: 1"), third.all)
        let quarantined = try work.ledger().messages(in: .quarantined)
        XCTAssertEqual(quarantined.count, 1, "\(quarantined)")
        XCTAssertEqual(quarantined.first?.error, "el proceso se detuvo leyendo este correo")
        let drafts = try FileManager.default.contentsOfDirectory(atPath: maildir("aseguramientoocm").appendingPathComponent(".Drafts/cur").path)
        XCTAssertEqual(drafts.count, 2, "the ilegible reply and the good request's reply")
        let again = try work.onceOK()
        XCTAssertTrue(again.stdout.contains("fetched 0 message(s); opened 0 request(s)"), again.all)
    }

    func testRunNotifiesSystemdAndStopsWithin5sOnSIGTERMDuringAStalledMail() throws {
        let socket = try FakeNotifySocket()
        try work.onceOK()  // the baseline: the mail below arrives after it
        try Self.slowMail().write(to: maildir("aseguramientoocm").appendingPathComponent("new/0-lento.eml"))
        let process = Process()
        process.executableURL = Package.binary
        process.arguments = ["run", "--config", work.configPath]
        process.environment = ProcessInfo.processInfo.environment.merging(["NOTIFY_SOCKET": socket.path]) { $1 }
            .merging(Self.stall) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        XCTAssertEqual(socket.receive(timeout: 60), "WATCHDOG=1", "the stalled mail is in hand")
        Thread.sleep(forTimeInterval: 1)
        let stop = Date()
        kill(process.processIdentifier, SIGTERM)
        while process.isRunning, Date().timeIntervalSince(stop) < 10 { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertFalse(process.isRunning)
        XCTAssertLessThan(Date().timeIntervalSince(stop), 5, "SIGTERM during a stalled mail")
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, MessageWatchdog.exitStatus)

        // Without a stalled mail (a new workspace: the stalled one above stays on record and is
        // tried once more by the next start): READY=1 after the first cycle, WATCHDOG=1 while it sleeps.
        work.remove()
        try setUpWithError()
        try work.onceOK()
        try (String(decoding: try Data(contentsOf: URL(fileURLWithPath: work.configPath)), as: UTF8.self) + "poll_interval: 5\n")
            .write(toFile: work.configPath, atomically: true, encoding: .utf8)
        let quiet = Process()
        quiet.executableURL = Package.binary
        quiet.arguments = ["run", "--config", work.configPath]
        quiet.environment = ProcessInfo.processInfo.environment.merging(["NOTIFY_SOCKET": socket.path]) { $1 }
        quiet.standardOutput = FileHandle.nullDevice
        quiet.standardError = FileHandle.nullDevice
        try quiet.run()
        defer { if quiet.isRunning { quiet.terminate() } }
        var states: [String] = []
        while states.count < 3, let state = socket.receive(timeout: 30) { states.append(state) }
        XCTAssertTrue(states.contains("READY=1"), "\(states)")
        XCTAssertTrue(states.contains("WATCHDOG=1"), "\(states)")
        kill(quiet.processIdentifier, SIGTERM)
        quiet.waitUntilExit()
        XCTAssertEqual(quiet.terminationStatus, 0)
    }

    func testNotifierWithoutSocketDoesNothing() throws {
        XCTAssertFalse(SystemdNotifier(environment: [:]).notify("READY=1"))
        let socket = try FakeNotifySocket()
        XCTAssertTrue(SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.path]).notify("STATUS=prueba"))
        XCTAssertEqual(socket.receive(timeout: 5), "STATUS=prueba")
    }
}

/// A datagram socket standing where systemd's notify socket would be.
final class FakeNotifySocket {
    let path: String
    private let fd: Int32

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString.prefix(8))").path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard fd >= 0, bound == 0 else { throw LabFailure("cannot bind \(path)") }
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// The next datagram, or nil after `timeout` seconds.
    func receive(timeout: Int) -> String? {
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4_096)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self) : nil
    }
}
