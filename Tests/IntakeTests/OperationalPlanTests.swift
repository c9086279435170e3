import XCTest
@testable import Intake

/// The plan of 4.1 from a request day: chain in sequence over business days, support in parallel.
final class OperationalPlanTests: XCTestCase {
    func testPlanFromTheShippedRulesAroundSemanaSanta() throws {
        let rules = try RulesTests.shipped()
        let calendar = BusinessCalendar()
        // Monday 2026-03-30: Holy Thursday 2 Apr and Good Friday 3 Apr are holidays.
        let plan = OperationalPlan(requestDay: CivilDate(year: 2026, month: 3, day: 30)!, rules: rules.plan, calendar: calendar,
                                   target: PlanTarget(conditions: ["bases_datos"]))
        let byID = Dictionary(uniqueKeysWithValues: plan.activities.map { ($0.id, $0) })
        let analysis = try XCTUnwrap(byID["analisis_aseguramiento"])
        XCTAssertEqual(analysis.start.description, "2026-03-31")
        // 5 business days after Mon 30 Mar skipping 2–3 Apr: 31, 1, 6, 7, 8 → Wed 8 Apr; 8 → 13 Apr.
        XCTAssertEqual(analysis.earliestEnd.description, "2026-04-08")
        XCTAssertEqual(analysis.latestEnd.description, "2026-04-13")
        XCTAssertEqual(analysis.duration, "5–8 días hábiles")
        let formation = try XCTUnwrap(byID["formacion_proveedor"])
        XCTAssertEqual(formation.earliestEnd, calendar.addingBusinessDays(16, to: analysis.earliestEnd))
        XCTAssertEqual(formation.latestEnd, calendar.addingBusinessDays(16, to: analysis.latestEnd))
        let quality = try XCTUnwrap(byID["calidad_operativa"])
        XCTAssertEqual(quality.latestEnd, calendar.addingBusinessDays(3, to: formation.latestEnd))
        // Support: 30 calendar days from the request, in parallel.
        XCTAssertEqual(byID["dimensionamiento"]?.earliestEnd.description, "2026-04-29")
        // 2 days + 1 day after 30 Mar is Holy Thursday 2 Apr: the transfer can only end on Monday 6 Apr;
        // at the longest, 5 days end on Saturday 4 Apr → Monday 6, and the transfer on Tuesday 7.
        XCTAssertEqual(byID["transferencia_segura"]?.earliestEnd.description, "2026-04-06")
        XCTAssertEqual(byID["transferencia_segura"]?.latestEnd.description, "2026-04-07")
        // Chain at its longest: 8 + 16 + 3 = 27 business days; production the business day after.
        XCTAssertEqual(plan.plannedProductionDate, calendar.addingBusinessDays(28, to: plan.requestDay))
        // Training no earlier than Thu 30 Apr (5 + 16 business days): its diffusion runs to Fri 8 May,
        // so the first production date that holds is Monday 11 May.
        XCTAssertEqual(plan.trainingWindow.earliest.description, "2026-04-30")
        XCTAssertEqual(plan.earliestProductionDate.description, "2026-05-11")
    }

    func testPlanRulesRejectMistakes() throws {
        let base = try String(contentsOf: RulesTests.packageRoot.appendingPathComponent("config/rules.yaml"), encoding: .utf8)
        let broken = base.replacingOccurrences(of: "    after: poblamiento_bases", with: "    after: poblamiento")
        XCTAssertThrowsError(try Rules(yaml: broken, file: "rules.yaml")) { error in
            XCTAssertEqual((error as? ConfigError)?.key, "after")
        }
        let inverted = base.replacingOccurrences(of: "    min: 6\n    max: 15", with: "    min: 16\n    max: 15")
        XCTAssertThrowsError(try Rules(yaml: inverted, file: "rules.yaml")) { error in
            XCTAssertEqual((error as? ConfigError)?.key, "max")
        }
    }
}
