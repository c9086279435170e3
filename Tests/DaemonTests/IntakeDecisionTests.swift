@testable import Daemon
import Foundation
import Intake
import Ledger
import XCTest

/// The pure step of intake: one decision per case, from values only (no ledger, no clock).
final class IntakeDecisionTests: XCTestCase {
    private func inspection(skip: SkipReason? = nil) -> Inspection {
        var inspection = Inspection(file: "test")
        inspection.skipReason = skip?.rawValue
        return inspection
    }

    private func facts(thread: RequestID? = nil, today: Int = 0, oversize: Bool = false, backlogBefore: Date? = nil) -> IntakeDecision.Facts {
        IntakeDecision.Facts(thread: thread, openedTodayBySender: today, dailyLimit: 10, oversize: oversize, backlogBefore: backlogBefore)
    }

    private let request = RequestID(year: 2026, number: 7)
    private let june = Date(timeIntervalSince1970: 1_780_315_200)

    func testANewRequestOpens() {
        XCTAssertEqual(IntakeDecision.decide(inspection(), arrived: june, facts: facts()), .open)
    }

    func testAMailOfAKnownThreadFollowsUpEvenWithoutRequestText() {
        XCTAssertEqual(IntakeDecision.decide(inspection(), arrived: june, facts: facts(thread: request)), .followUp(request))
        XCTAssertEqual(IntakeDecision.decide(inspection(skip: .notARequest), arrived: june, facts: facts(thread: request)),
                       .followUp(request))
        XCTAssertEqual(IntakeDecision.decide(inspection(skip: .notARequest), arrived: june, facts: facts()), .skip("not_a_request"))
    }

    func testScreenedMailIsSkippedEvenInAThread() {
        XCTAssertEqual(IntakeDecision.decide(inspection(skip: .autoSubmitted), arrived: june, facts: facts(thread: request)),
                       .skip("auto_submitted"))
    }

    func testBacklogComesFirst() {
        let cut = june.addingTimeInterval(3600)
        XCTAssertEqual(IntakeDecision.decide(inspection(), arrived: june, facts: facts(thread: request, backlogBefore: cut)), .skip("backlog"))
        XCTAssertEqual(IntakeDecision.decide(inspection(), arrived: nil, facts: facts(backlogBefore: cut)), .open,
                       "no date: not known to be backlog")
    }

    func testOversizeIsAnsweredInItsThreadOrAsANewRequest() {
        XCTAssertEqual(IntakeDecision.decide(inspection(), arrived: june, facts: facts(oversize: true)), .tooLarge(followUp: nil))
        XCTAssertEqual(IntakeDecision.decide(inspection(), arrived: june, facts: facts(thread: request, oversize: true)),
                       .tooLarge(followUp: request))
    }

    func testDailyLimitCountsOnlyNewRequests() {
        XCTAssertEqual(IntakeDecision.decide(inspection(), arrived: june, facts: facts(today: 9)), .open)
        XCTAssertEqual(IntakeDecision.decide(inspection(), arrived: june, facts: facts(today: 10)), .skip("rate_limited"))
        XCTAssertEqual(IntakeDecision.decide(inspection(), arrived: june, facts: facts(thread: request, today: 10)), .followUp(request),
                       "a follow-up is never rate limited")
    }
}
