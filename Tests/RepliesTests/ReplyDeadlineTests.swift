import Intake
import XCTest
@testable import Replies

/// Nota 2 (4.1.1 a): when the relief applies, the approval states its real days and names it.
final class ReplyDeadlineTests: XCTestCase {
    func testReliefIsStatedWithItsRealDays() throws {
        let rules = try RepliesFixture.rules()
        let material = try XCTUnwrap(rules.kind("nuevo")?.leadTimes.first { $0.appliesTo == .material })
        let due = try XCTUnwrap(CivilDate("2026-06-10"))
        let relieved = ReplyDeadline(rule: material, due: due, met: true, days: 5)
        XCTAssertEqual(relieved.label, "Entrega del material con 5 días calendario de anticipación (numeral 4.1.1 a, Nota 2: apertura sujeta a la decisión de terceros)")
        XCTAssertEqual(ReplyDeadline(rule: material, due: due, met: true).label,
                       "Entrega del material con 15 días calendario de anticipación (numeral 4.1.1 a)")
        let fromVerdict = ReplyDeadline.from([Verdict.Deadline(rule: material.id, due: due, met: true, days: 5)], rules: rules)
        XCTAssertEqual(fromVerdict.map(\.label), [relieved.label])
    }
}
