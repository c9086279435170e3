// The outbox: idempotent enqueue, doubling backoff with a cap, permanent failures, review queue.
import Foundation
import Ledger
import XCTest

final class OutboxTests: LedgerTestCase {
    func testEnqueueIsIdempotentPerRequestAndRevision() throws {
        let ledger = try openSeededLedger()
        let request = try openRequest(ledger, uid: 1)
        let reply = Self.reply(request.id, 1)
        let first = try ledger.enqueueReply(request: request.id, revision: 1, reply: reply)
        var regenerated = reply
        regenerated.raw = Data("Date: a second later\r\n".utf8)
        let again = try ledger.enqueueReply(request: request.id, revision: 1, reply: regenerated)
        XCTAssertEqual(again, first, "the first recorded bytes win: they may already be delivered")
        XCTAssertEqual(try ledger.outbox(status: .pending).count, 1)
        XCTAssertEqual(try ledger.audit(for: .outbox(first.id)).count, 1)

        var otherID = reply
        otherID.messageID = "<other@ocm>"
        XCTAssertThrowsError(try ledger.enqueueReply(request: request.id, revision: 1, reply: otherID)) {
            XCTAssertEqual($0 as? LedgerError, .outboxConflict(
                request: "OCM-2026-0001", revision: 1, existingMessageID: reply.messageID, givenMessageID: "<other@ocm>"))
        }
        XCTAssertThrowsError(try ledger.enqueueReply(request: RequestID(year: 2026, number: 5), revision: 1, reply: reply))
    }

    func testTransientFailuresBackOffDoublingUpToTheCap() throws {
        let ledger = try openSeededLedger()
        let request = try openRequest(ledger, uid: 1)
        let entry = try ledger.enqueueReply(request: request.id, revision: 1, reply: Self.reply(request.id, 1))
        XCTAssertEqual(try ledger.dueOutbox().map(\.id), [entry.id], "due at once")

        var waits: [TimeInterval] = []
        for attempt in 1...12 {
            XCTAssertEqual(try ledger.dueOutbox().map(\.id), [entry.id], "attempt \(attempt)")
            let delivering = try ledger.markDelivering(entry.id)
            XCTAssertEqual(delivering.attempts, attempt)
            XCTAssertEqual(try ledger.dueOutbox(), [], "not due while delivering")
            let failed = try ledger.markFailed(entry.id, error: "421 4.3.2 try later", transient: true)
            XCTAssertEqual(failed.status, .pending)
            XCTAssertEqual(failed.lastError, "421 4.3.2 try later")
            let wait = try XCTUnwrap(failed.nextAttemptAt).timeIntervalSince(clock.now())
            waits.append(wait)
            clock.advance(wait - 1)
            XCTAssertEqual(try ledger.dueOutbox(), [], "not due a second early")
            clock.advance(1)
        }
        XCTAssertEqual(waits, [60, 120, 240, 480, 960, 1920, 3840, 7680, 15360, 21600, 21600, 21600])
        XCTAssertEqual(try ledger.status().retryingDeliveries, 1)

        try ledger.markDelivering(entry.id)
        let delivered = try ledger.markDelivered(entry.id)
        XCTAssertEqual(delivered.status, .delivered)
        XCTAssertEqual(delivered.deliveredAt, clock.now())
        XCTAssertNil(delivered.lastError)
        XCTAssertEqual(try ledger.markDelivered(entry.id), delivered, "idempotent")
        XCTAssertEqual(try ledger.dueOutbox(), [])
    }

    func testPermanentFailureStopsRetries() throws {
        let ledger = try openSeededLedger()
        let request = try openRequest(ledger, uid: 1)
        let entry = try ledger.enqueueReply(request: request.id, revision: 1, reply: Self.reply(request.id, 1))
        try ledger.markDelivering(entry.id)
        let failed = try ledger.markFailed(entry.id, error: "550 5.7.30 Basic authentication is not supported", transient: false)
        XCTAssertEqual(failed.status, .failed)
        XCTAssertNil(failed.nextAttemptAt)
        clock.advance(30 * 24 * 3600)
        XCTAssertEqual(try ledger.dueOutbox(), [], "never retried by itself")
        XCTAssertThrowsError(try ledger.markDelivering(entry.id))
        XCTAssertEqual(try ledger.status().outbox[.failed], 1)
        XCTAssertEqual(try ledger.requeue(entry.id).status, .pending, "a person may requeue it")
        XCTAssertEqual(try ledger.outboxEntry(entry.id)?.attempts, 0)
    }

    func testAttemptLimitTurnsTransientIntoFailed() throws {
        let ledger = try openSeededLedger(retry: RetryPolicy(base: 10, cap: 40, maxAttempts: 3))
        let request = try openRequest(ledger, uid: 1)
        let entry = try ledger.enqueueReply(request: request.id, revision: 1, reply: Self.reply(request.id, 1))
        var statuses: [OutboxStatus] = []
        for _ in 1...3 {
            try ledger.markDelivering(entry.id)
            statuses.append(try ledger.markFailed(entry.id, error: "connection reset", transient: true).status)
            clock.advance(40)
        }
        XCTAssertEqual(statuses, [.pending, .pending, .failed])
        XCTAssertEqual(try ledger.outboxEntry(entry.id)?.lastError, "connection reset")
    }

    func testReviewQueueHoldApproveDiscard() throws {
        let ledger = try openSeededLedger()
        let one = try openRequest(ledger, uid: 1)
        let two = try openRequest(ledger, uid: 2)
        let held = try ledger.enqueueReply(request: one.id, revision: 1, reply: Self.reply(one.id, 1, hold: true))
        XCTAssertEqual(held.status, .held)
        let other = try ledger.enqueueReply(request: two.id, revision: 1, reply: Self.reply(two.id, 1, hold: true))
        XCTAssertEqual(try ledger.dueOutbox(now: clock.now().addingTimeInterval(86400)), [], "held is never due")
        XCTAssertEqual(try ledger.outbox(status: .held).map(\.id), [held.id, other.id])

        XCTAssertEqual(try ledger.approve(held.id).status, .pending)
        XCTAssertEqual(try ledger.dueOutbox().map(\.id), [held.id])
        XCTAssertThrowsError(try ledger.approve(held.id), "approving twice is a mistake worth reporting")

        XCTAssertEqual(try ledger.discard(other.id, reason: "duplicated by hand").status, .discarded)
        XCTAssertEqual(try ledger.discard(other.id, reason: "again").status, .discarded)
        XCTAssertThrowsError(try ledger.approve(other.id))

        XCTAssertEqual(try ledger.hold(held.id, reason: "staff asked").status, .held)
        let status = try ledger.status()
        XCTAssertEqual(status.outbox[.held], 1)
        XCTAssertEqual(status.outbox[.discarded], 1)
        XCTAssertEqual(status.outbox[.pending], 0)
    }

    func testInDoubtEntriesAreListedForTheTargetCheck() throws {
        let ledger = try openSeededLedger()
        let request = try openRequest(ledger, uid: 1)
        let entry = try ledger.enqueueReply(
            request: request.id, revision: 1, target: OutboxTarget(kind: .smtp, mailbox: "formacion"),
            messageID: "OCM-2026-0001.1@ocm", raw: Data("x".utf8))
        XCTAssertEqual(entry.messageID, "<OCM-2026-0001.1@ocm>", "stored normalized")
        XCTAssertEqual(entry.target, OutboxTarget(kind: .smtp, mailbox: "formacion"))
        try ledger.markDelivering(entry.id)
        XCTAssertEqual(try openLedger().inDoubtOutbox().map(\.id), [entry.id])
        XCTAssertEqual(try ledger.markDelivering(entry.id).attempts, 1, "a re-run does not count twice")
    }
}
