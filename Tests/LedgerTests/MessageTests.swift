// Seen messages: idempotent recording, raw bytes exact, duplicates across mailboxes and after a
// UIDVALIDITY change, and the message state machine.
import Foundation
import Ledger
import XCTest

final class MessageTests: LedgerTestCase {
    func testRecordingTwiceReturnsTheExistingRow() throws {
        let ledger = try openSeededLedger()
        let raw = Self.mail(messageID: "<a@icetex.gov.co>")
        let first = try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: 7, uid: 5, messageID: "<a@icetex.gov.co>", raw: raw)
        let again = try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: 7, uid: 5, messageID: "<a@icetex.gov.co>", raw: raw)
        XCTAssertTrue(first.isNew)
        XCTAssertFalse(again.isNew)
        XCTAssertEqual(again.rowID, first.rowID)
        XCTAssertFalse(first.isDuplicate, "a row is not a duplicate of itself")
        XCTAssertEqual(try ledger.audit(for: .message(first.rowID)).count, 1, "the re-run wrote no transition")
        XCTAssertEqual(first.messageID, "<a@icetex.gov.co>")
        XCTAssertEqual(first.rawSize, raw.count)
    }

    func testRawBytesRoundTripExactly() throws {
        let ledger = try openSeededLedger()
        var raw = Data("Subject: =?iso-8859-1?q?Solicitud?=\r\n\r\n".utf8)
        raw.append(contentsOf: [0x00, 0xE9, 0xF1, 0x0D, 0x0A, 0x00, 0x00, 0xFF, 0x80, 0x0A, 0x0D])  // NUL, 8-bit, bare CR/LF
        raw.append(contentsOf: (0...255).map(UInt8.init))
        let message = try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: 7, uid: 1, messageID: nil, raw: raw)
        XCTAssertEqual(try ledger.rawMessage(message.rowID), raw)
        let reopened = try openLedger()
        XCTAssertEqual(try reopened.rawMessage(message.rowID), raw, "still exact after re-open")
        XCTAssertEqual(try reopened.rawMessage(message.rowID).count, raw.count)

        let empty = try reopened.recordMessage(mailbox: "aseguramiento", uidValidity: 7, uid: 2, messageID: nil, raw: Data())
        XCTAssertEqual(try reopened.rawMessage(empty.rowID), Data(), "an empty fetch is stored too, not NULL")
    }

    func testSameMessageIDInTheOtherMailboxIsADuplicateOfTheFirst() throws {
        let ledger = try openSeededLedger()
        let first = try ledger.recordMessage(
            mailbox: "aseguramiento", uidValidity: 7, uid: 5, messageID: "<same@icetex.gov.co>",
            raw: Self.mail(messageID: "<same@icetex.gov.co>", received: "from mx1"))
        // Folded whitespace and missing brackets still name the same mail.
        let second = try ledger.recordMessage(
            mailbox: "formacion", uidValidity: 3, uid: 9, messageID: "  same@icetex.gov.co\r\n",
            raw: Self.mail(messageID: "<same@icetex.gov.co>", received: "from mx2"))
        XCTAssertTrue(second.isNew, "recorded as seen in the second mailbox")
        XCTAssertEqual(second.duplicateOf, first.rowID)
        XCTAssertEqual(second.state, .skipped)
        XCTAssertEqual(second.skipReason, "duplicate")
        XCTAssertEqual(try ledger.rawMessage(second.rowID), try ledger.rawMessage(first.rowID),
                       "its raw bytes are not stored again: it reads the first copy's (issue 11)")
        XCTAssertNil(try ledger.message(first.rowID)?.duplicateOf)
        XCTAssertEqual(try ledger.message(first.rowID)?.state, .stored, "the first is untouched")
    }

    func testWithoutMessageIDTheHeaderHashFindsDuplicatesIgnoringTraceFields() throws {
        let ledger = try openSeededLedger()
        let inA = Self.mail(messageID: nil, received: "from mx1.icetex.gov.co by a")
        var inB = Data("Delivered-To: formacionocm@icetex.gov.co\n".utf8)
        inB.append(Self.mail(messageID: nil, received: "from mx2.icetex.gov.co by b"))
        let first = try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: 7, uid: 1, messageID: nil, raw: inA)
        let second = try ledger.recordMessage(mailbox: "formacion", uidValidity: 3, uid: 1, messageID: nil, raw: inB)
        XCTAssertNil(first.messageID)
        XCTAssertTrue(first.key.hasPrefix("sha256:"))
        XCTAssertEqual(first.key.count, "sha256:".count + 64)
        XCTAssertEqual(second.duplicateOf, first.rowID)

        let other = try ledger.recordMessage(
            mailbox: "formacion", uidValidity: 3, uid: 2, messageID: nil,
            raw: Self.mail(messageID: nil, subject: "Otra solicitud"))
        XCTAssertNil(other.duplicateOf, "a different header is a different mail")
        XCTAssertNotEqual(other.key, first.key)
    }

    func testHeaderHashIgnoresLineEndingsAndRefolding() throws {
        let ledger = try openSeededLedger()
        let crlf = Data("From: a@icetex.gov.co\r\nSubject: una solicitud\r\n  muy larga\r\n\r\nbody\r\n".utf8)
        let lf = Data("From: a@icetex.gov.co\nSubject: una solicitud  muy larga\n\nother body\n".utf8)
        let a = try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: 7, uid: 1, messageID: nil, raw: crlf)
        let b = try ledger.recordMessage(mailbox: "formacion", uidValidity: 3, uid: 1, messageID: "", raw: lf)
        XCTAssertEqual(b.duplicateOf, a.rowID, "an empty Message-ID counts as none")
    }

    func testUIDValidityResetKeepsHistoryAndStillFindsDuplicates() throws {
        let ledger = try openSeededLedger()
        let request = try openRequest(ledger, uid: 5, messageID: "<r1@icetex.gov.co>")
        try ledger.advance(mailbox: "aseguramiento", uidValidity: 7, lastUID: 5)

        let reset = try ledger.resetForNewUIDValidity(mailbox: "aseguramiento", uidValidity: 99)
        XCTAssertEqual(reset.uidValidity, 99)
        XCTAssertEqual(reset.lastUID, 0, "the mailbox is read again from the start")
        XCTAssertEqual(reset.baselineUID, 0)
        XCTAssertEqual(try ledger.resetForNewUIDValidity(mailbox: "aseguramiento", uidValidity: 99), reset, "idempotent")

        // The old row is still there, under the old UIDVALIDITY.
        let old = try XCTUnwrap(ledger.message(request.originMessage))
        XCTAssertEqual(old.uidValidity, 7)
        XCTAssertEqual(old.state, .linked)

        // The same mail re-read under the new UIDVALIDITY: recorded, and a duplicate.
        let reread = try ledger.recordMessage(
            mailbox: "aseguramiento", uidValidity: 99, uid: 1, messageID: "<r1@icetex.gov.co>",
            raw: Self.mail(messageID: "<r1@icetex.gov.co>"))
        XCTAssertTrue(reread.isNew)
        XCTAssertEqual(reread.duplicateOf, old.rowID)
        XCTAssertEqual(reread.state, .skipped)
        XCTAssertEqual(try ledger.requests().count, 1, "nothing new to answer")
        XCTAssertEqual(try ledger.request(forMessageID: "<r1@icetex.gov.co>")?.id, request.id)

        // A poll still working with the old UIDVALIDITY is refused.
        XCTAssertThrowsError(try ledger.recordMessage(
            mailbox: "aseguramiento", uidValidity: 7, uid: 6, messageID: "<late@x>", raw: Self.mail(messageID: "<late@x>"))
        ) { error in
            XCTAssertEqual(error as? LedgerError, .uidValidityMismatch(mailbox: "aseguramiento", ledger: 99, given: 7))
        }
        XCTAssertThrowsError(try ledger.advance(mailbox: "aseguramiento", uidValidity: 7, lastUID: 9))
    }

    func testBaselineIsDrawnOnceAndAdvanceOnlyMovesForward() throws {
        let ledger = try openLedger()
        XCTAssertThrowsError(try ledger.recordMessage(
            mailbox: "aseguramiento", uidValidity: 7, uid: 1, messageID: "<a@x>", raw: Self.mail(messageID: "<a@x>"))
        ) { XCTAssertEqual($0 as? LedgerError, .unknownMailbox("aseguramiento")) }
        let first = try ledger.recordBaseline(mailbox: "aseguramiento", uidValidity: 7, uidNext: 120)
        XCTAssertEqual(first.baselineUID, 119)
        XCTAssertEqual(first.lastUID, 119)
        XCTAssertEqual(first.baselineAt, clock.now())
        clock.advance(60)
        let again = try ledger.recordBaseline(mailbox: "aseguramiento", uidValidity: 7, uidNext: 200)
        XCTAssertEqual(again, first, "a second start never moves the baseline over unhandled mail")
        XCTAssertEqual(try ledger.advance(mailbox: "aseguramiento", uidValidity: 7, lastUID: 125).lastUID, 125)
        XCTAssertEqual(try ledger.advance(mailbox: "aseguramiento", uidValidity: 7, lastUID: 121).lastUID, 125)
    }

    func testMessageStateMachine() throws {
        let ledger = try openSeededLedger()
        let m = try ledger.recordMessage(
            mailbox: "aseguramiento", uidValidity: 7, uid: 1, messageID: "<a@x>", raw: Self.mail(messageID: "<a@x>"))
        XCTAssertEqual(try ledger.unfinishedMessages().map(\.rowID), [m.rowID])
        XCTAssertEqual(try ledger.markSkipped(m.rowID, reason: "bounce").skipReason, "bounce")
        XCTAssertEqual(try ledger.markSkipped(m.rowID, reason: "other").skipReason, "bounce", "re-run keeps the first reason")
        XCTAssertEqual(try ledger.markParsed(m.rowID).state, .skipped, "a re-run of an earlier stage changes nothing")
        XCTAssertThrowsError(try ledger.markQuarantined(m.rowID, error: "x")) { error in
            XCTAssertEqual(error as? LedgerError,
                           .invalidTransition(entity: .message, id: String(m.rowID), from: "skipped", to: "quarantined"))
        }
        XCTAssertThrowsError(try ledger.openRequest(for: m.rowID, year: 2026), "a skipped mail opens no request")
        XCTAssertEqual(try ledger.unfinishedMessages(), [])

        let broken = try ledger.recordMessage(
            mailbox: "aseguramiento", uidValidity: 7, uid: 2, messageID: "<b@x>", raw: Self.mail(messageID: "<b@x>"))
        let quarantined = try ledger.markQuarantined(broken.rowID, error: "multipart boundary never closed at byte 812")
        XCTAssertEqual(quarantined.error, "multipart boundary never closed at byte 812")
        XCTAssertEqual(try ledger.messages(in: .quarantined).map(\.rowID), [broken.rowID])
        // A quarantined mail may still open a request (its reply asks for a readable resend); it stays quarantined.
        let request = try ledger.openRequest(for: broken.rowID, year: 2026)
        XCTAssertEqual(try ledger.message(broken.rowID)?.state, .quarantined)
        XCTAssertEqual(try ledger.messages(of: request.id).map(\.rowID), [broken.rowID])
    }

    func testPollOutcomesShowInTheMailboxState() throws {
        let ledger = try openSeededLedger()
        try ledger.recordPoll(mailbox: "aseguramiento", error: "curl 28: operation timed out")
        var state = try XCTUnwrap(ledger.mailboxState("aseguramiento"))
        XCTAssertTrue(state.isFailing)
        XCTAssertEqual(state.lastError, "curl 28: operation timed out")
        clock.advance(300)
        try ledger.recordPoll(mailbox: "aseguramiento")
        state = try XCTUnwrap(ledger.mailboxState("aseguramiento"))
        XCTAssertFalse(state.isFailing)
        XCTAssertEqual(state.lastPollAt, clock.now())
        XCTAssertEqual(state.lastError, "curl 28: operation timed out", "the last error stays visible with its time")
        XCTAssertThrowsError(try ledger.recordPoll(mailbox: "nope"))
    }
}
