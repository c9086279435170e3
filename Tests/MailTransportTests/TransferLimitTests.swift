import CCurl
import Foundation
import LabFixtures
import XCTest
@testable import MailTransport

/// Time limits against a server that stalls or trickles (issue 7 item 7): fault-proxy.py sits
/// between IMAPMailbox and the lab's Dovecot and holds back or slows the server's bytes in the
/// middle of a 2 MB FETCH. Each stall is cut within its limit + 1 s, and SIGTERM's stop flag
/// ends a stuck transfer within its grace + 1 s.
final class TransferLimitTests: XCTestCase {
    private var lab: MailLab!
    private var folder = ""
    private var uid: UInt32 = 0
    private var uidValidity: UInt32 = 0

    override func setUpWithError() throws {
        lab = try MailLab.require()
        folder = "Stall-\(UUID().uuidString.prefix(8))"
        _ = try lab.doveadm(["mailbox", "create", "-u", lab.address("jorge"), folder])
        let line = String(repeating: "0123456789abcdef", count: 4) + "\r\n"
        let body = String(repeating: line, count: 2 * 1024 * 1024 / line.utf8.count)
        try lab.curlAppend("jorge", mailbox: folder, MailLab.message(from: lab.address("ana"), to: lab.address("jorge"), body: body).raw)
        let status = try lab.doveadm(["-f", "flow", "mailbox", "status", "-u", lab.address("jorge"), "uidvalidity uidnext", folder])
        func value(_ key: String) -> UInt32? {
            status.range(of: key + "=").flatMap { UInt32(status[$0.upperBound...].prefix { $0.isNumber }) }
        }
        uidValidity = try XCTUnwrap(value("uidvalidity"))
        uid = try XCTUnwrap(value("uidnext")) - 1
    }

    private var imapsTarget: String {
        let url = lab["LAB_IMAPS_URL"]
        return String(url.dropFirst("imaps://".count))
    }

    private func mailbox(through proxy: FaultProxy, lowSpeedTime: Int = 3, total: Int = 60,
                         stop: (@Sendable () -> Bool)? = nil) throws -> IMAPMailbox {
        var configuration = try lab.imap("jorge", mailbox: folder, base: "imaps://127.0.0.1:\(proxy.port)")
        configuration.lowSpeedTime = .seconds(lowSpeedTime)
        configuration.limits = TransferLimits(base: .seconds(total), perMiB: .zero, shouldStop: stop)
        configuration.limits.stopGrace = .seconds(1)
        return try IMAPMailbox(configuration: configuration)
    }

    /// Fetch through `proxy`; the error's curl code and the seconds from the fault's start to the end.
    private func timedFetch(_ mailbox: IMAPMailbox, _ proxy: FaultProxy) async -> (code: Int?, seconds: Double, error: String) {
        let started = Date()
        var code: Int?, text = ""
        do {
            _ = try await mailbox.fetch(uid: uid, uidValidity: uidValidity)
        } catch {
            code = error.curlError?.code
            text = "\(error)"
        }
        return (code, Date().timeIntervalSince(proxy.faultAt ?? started), text)
    }

    func testAServerThatStallsMidFetchIsCutAfterTheLowSpeedTime() async throws {
        let proxy = try FaultProxy(target: imapsTarget, mode: "stall", offset: 400_000)
        let result = await timedFetch(try mailbox(through: proxy, lowSpeedTime: 3), proxy)
        print("stall mid-FETCH, low_speed_time 3 s: aborted (from the stall) after \(String(format: "%.2f", result.seconds)) s: \(result.error)")
        XCTAssertEqual(result.code, Int(CURLE_OPERATION_TIMEDOUT.rawValue), result.error)
        XCTAssertTrue(result.error.contains("slower than 1024 bytes/s"), result.error)
        XCTAssertLessThanOrEqual(result.seconds, 3 + 1)
        XCTAssertGreaterThanOrEqual(result.seconds, 2.25, "not much before the low-speed time (judged ≤ 0.75 s early)")
    }

    func testAServerThatTricklesBelowTheLimitIsCut() async throws {
        let proxy = try FaultProxy(target: imapsTarget, mode: "trickle", offset: 400_000, rate: 300)
        let result = await timedFetch(try mailbox(through: proxy, lowSpeedTime: 3), proxy)
        print("trickle at 300 B/s mid-FETCH, low_speed_time 3 s: aborted (from the trickle) after \(String(format: "%.2f", result.seconds)) s")
        XCTAssertEqual(result.code, Int(CURLE_OPERATION_TIMEDOUT.rawValue), result.error)
        XCTAssertLessThanOrEqual(result.seconds, 3 + 1)
    }

    /// Fast enough for the low-speed limit, too slow for the total limit.
    func testATransferOverItsTotalLimitIsCut() async throws {
        let proxy = try FaultProxy(target: imapsTarget, mode: "trickle", offset: 400_000, rate: 20_000)
        let result = await timedFetch(try mailbox(through: proxy, lowSpeedTime: 3, total: 4), proxy)
        print("trickle at 20 kB/s, total limit 4 s: aborted (from the trickle's start) after \(String(format: "%.2f", result.seconds)) s: \(result.error)")
        XCTAssertEqual(result.code, Int(CURLE_OPERATION_TIMEDOUT.rawValue), result.error)
        XCTAssertTrue(result.error.contains("longer than its limit of 4 s"), result.error)
        XCTAssertLessThanOrEqual(result.seconds, 4 + 1, "the limit counts from the transfer's start, before the trickle")
    }

    /// The daemon's stop flag (SIGTERM) ends a stalled transfer long before any limit.
    func testTheStopFlagEndsAStalledTransfer() async throws {
        let proxy = try FaultProxy(target: imapsTarget, mode: "stall", offset: 400_000)
        let flag = StopSwitch()
        let mailbox = try mailbox(through: proxy, lowSpeedTime: 60, stop: { flag.isOn })
        Task.detached { try? await Task.sleep(for: .milliseconds(1500)); flag.turnOn() }
        let result = await timedFetch(mailbox, proxy)
        let sinceStop = Date().timeIntervalSince(flag.raisedAt ?? Date())
        print("stall mid-FETCH, stop raised (grace 1 s): aborted \(String(format: "%.2f", sinceStop)) s after the stop")
        XCTAssertEqual(result.code, Int(CURLE_ABORTED_BY_CALLBACK.rawValue), result.error)
        XCTAssertTrue(result.error.contains("shutting down"), result.error)
        XCTAssertLessThanOrEqual(sinceStop, 1 + 1, "within the grace + 1 s")
    }

    /// A server that accepts and never says a word (no greeting): the connect limit ends it.
    func testAServerThatNeverGreetsIsCutAfterTheLowSpeedTime() async throws {
        let proxy = try FaultProxy(target: "none")
        var configuration = try lab.imap("jorge", mailbox: folder, base: "imaps://127.0.0.1:\(proxy.port)")
        configuration.connectTimeout = .seconds(30)
        configuration.lowSpeedTime = .seconds(3)
        let started = Date()
        let error = await expectError(MailboxError.self) { _ = try await IMAPMailbox(configuration: configuration).status() }
        let seconds = Date().timeIntervalSince(started)
        print("silent server, low_speed_time 3 s: aborted after \(String(format: "%.2f", seconds)) s: \(String(describing: error))")
        XCTAssertEqual(error?.curlError?.code, Int(CURLE_OPERATION_TIMEDOUT.rawValue))
        XCTAssertLessThanOrEqual(seconds, 3 + 1)
    }
}

final class StopSwitch: @unchecked Sendable {
    private let lock = NSLock()
    private var at: Date?
    func turnOn() { lock.withLock { at = Date() } }
    var isOn: Bool { lock.withLock { at != nil } }
    var raisedAt: Date? { lock.withLock { at } }
}
