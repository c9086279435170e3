import Foundation
import XCTest
@testable import Intake

/// The plan's words that are not activities live in rules.yaml (`plan_wording`): the shipped
/// file gives exactly the built-in text (so `inspect --json` is unchanged), and a changed file
/// changes the plan's rows and the manual-review note without a build.
final class PlanWordingTests: XCTestCase {
    func testShippedWordingIsTheBuiltInText() throws {
        XCTAssertEqual(try RulesTests.shipped().planWording, PlanWording())
    }

    func testChangedWordingReachesThePlanAndTheUndecidedNote() throws {
        let text = try String(contentsOf: RulesTests.packageRoot.appendingPathComponent("config/rules.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  material_owner: Área solicitante y Aseguramiento OCM", with: "  material_owner: El área y Aseguramiento")
            .replacingOccurrences(of: "  business_days: días hábiles", with: "  business_days: días laborables")
            .replacingOccurrences(of: "  undecided_kind: el tipo de solicitud (numeral 4.1.1)", with: "  undecided_kind: qué tipo de solicitud es")
        let rules = try Rules(yaml: text, file: "rules.yaml")
        var request = TrainingRequest(topic: "Ajustes", area: "credito", kind: "actualizacion", productionDate: CivilDate("2026-08-03"),
                                      trainingDate: CivilDate("2026-07-28"), topics: [], questionCount: QuestionCount(), conditions: [],
                                      material: [:], attachments: [], categories: [], looksLikeRequest: true, warnings: [])
        let verdict = RequestEvaluator(rules: rules, calendar: BusinessCalendar()).evaluate(request, requestDay: try XCTUnwrap(CivilDate("2026-07-01")))
        let material = try XCTUnwrap(verdict.plan?.activities.first { $0.id == "entrega_material" })
        XCTAssertEqual(material.owner, "El área y Aseguramiento")
        XCTAssertEqual(material.duration, "10 días laborables antes de la capacitación, numeral 4.1.1 b")
        XCTAssertEqual(verdict.plan?.activities.first { $0.id == "analisis_aseguramiento" }?.duration, "5–8 días laborables")
        request.kind = "otro"
        let undecided = RequestEvaluator(rules: rules, calendar: BusinessCalendar()).evaluate(request, requestDay: try XCTUnwrap(CivilDate("2026-07-01")))
        XCTAssertEqual(undecided.undecided, ["qué tipo de solicitud es"])
    }

    func testAnUnknownKeyNamesFileLineAndKey() throws {
        let text = try String(contentsOf: RulesTests.packageRoot.appendingPathComponent("config/rules.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  business_day: día hábil", with: "  dia_habil: día hábil")
        XCTAssertThrowsError(try Rules(yaml: text, file: "rules.yaml")) { error in
            let message = (error as? ConfigError)?.description ?? "\(error)"
            XCTAssertTrue(message.contains("dia_habil") && message.contains("rules.yaml:"), message)
        }
    }
}
