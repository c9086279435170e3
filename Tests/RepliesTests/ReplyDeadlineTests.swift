import Intake
import XCTest
@testable import Replies

/// Nota 2 (4.1.1 a): when the relief applies, the approval states its real days and names it.
final class ReplyDeadlineTests: XCTestCase {
    func testReliefIsStatedWithItsRealDays() throws {
        let rules = try RepliesFixture.rules()
        let material = try XCTUnwrap(rules.kind("nuevo")?.leadTimes.first { $0.appliesTo == .material })
        let due = try XCTUnwrap(CivilDate("2026-06-10"))
        let templates = try ReplyTemplates(files: RepliesFixture.templateFiles())
        let relieved = ReplyDeadline(rule: material, due: due, met: true, days: 5)
        XCTAssertEqual(templates.deadlineText(relieved), "Entrega del material con 5 días calendario de anticipación (numeral 4.1.1 a, Nota 2: apertura sujeta a la decisión de terceros)")
        XCTAssertEqual(templates.deadlineText(ReplyDeadline(rule: material, due: due, met: true)),
                       "Entrega del material con 15 días calendario de anticipación (numeral 4.1.1 a)")
        let fromVerdict = ReplyDeadline.from([Verdict.Deadline(rule: material.id, due: due, met: true, days: 5)], rules: rules)
        XCTAssertEqual(fromVerdict, [relieved])
        let unknown = ReplyDeadline.from([Verdict.Deadline(rule: "regla_retirada", due: due, met: false, days: 3)], rules: rules)
        XCTAssertEqual(unknown.map(templates.deadlineText), ["regla_retirada"])
        let request = try XCTUnwrap(rules.kind("nuevo")?.leadTimes.first { $0.appliesTo == .solicitud })
        XCTAssertEqual(templates.deadlineText(ReplyDeadline(rule: request, due: due, met: true)),
                       "Solicitud con 90 días calendario de anticipación (numeral 4.1.1 a)")
    }
}
