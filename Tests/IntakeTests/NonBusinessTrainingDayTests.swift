import Foundation
import MIME
import XCTest
@testable import Intake

/// Issue 9, second round: a training day proposed on a weekend or holiday is rejected, and the
/// deadlines and the plan count from the business day before it, not from the invalid day.
final class NonBusinessTrainingDayTests: XCTestCase {
    /// t52: training proposed for Saturday 18 July 2026, production 4 August, mail of 6 April.
    func testSaturdayTrainingCountsFromTheFridayBefore() throws {
        let url = SeedReviewTests.folder.appendingPathComponent("t52-becas-capacitacion-sabado.eml")
        let message = MessageParser.parse([UInt8](try Data(contentsOf: url)))
        let now = try XCTUnwrap(ISO8601DateFormatter().date(from: "2026-04-06T09:00:00-05:00"))
        let inspection = Inspector(rules: try RulesTests.shipped(), calendar: BusinessCalendar())
            .inspect(message, file: url.lastPathComponent, now: now)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(inspection)) as? [String: Any])
        // What the area proposed stays in the contract; the rest counts from Friday 17 July.
        XCTAssertEqual(json["trainingDate"] as? String, "2026-07-18")
        XCTAssertEqual(inspection.missing, ["fecha_capacitacion"])
        let material = try XCTUnwrap(inspection.deadlines?.first { $0.rule == "nuevo_material_15_dias_calendario" })
        XCTAssertEqual(material.due, "2026-07-02", "15 calendar days before Friday 17 July, not Saturday 18")
        let plan = try XCTUnwrap(json["plan"] as? [String: Any])
        XCTAssertEqual(plan["trainingDate"] as? String, "2026-07-17")
        let steps = try XCTUnwrap(plan["activities"] as? [[String: Any]])
        let conciliation = try XCTUnwrap(steps.first { $0["id"] as? String == "formacion_proveedor" })
        XCTAssertEqual(conciliation["latestFinish"] as? String, "2026-07-17", "the conciliation ends on the valid training day")
        let delivery = try XCTUnwrap(steps.first { $0["id"] as? String == "entrega_material" })
        XCTAssertEqual(delivery["latestFinish"] as? String, material.due, "the plan and the deadline agree")
    }
    /// sample01: production on Saturday 1 August 2026. 4.2.1 defines that date as the opening of
    /// the convocatoria or product, which may fall on any day; only the activities of 4.1 and the
    /// training are business days. So no observation: approved, and every plan date is a business day.
    func testSaturdayProductionDateIsAcceptedAndPlannedOnBusinessDays() throws {
        let url = RulesTests.packageRoot.appendingPathComponent("Samples/sample01-credito-completa.eml")
        let message = MessageParser.parse([UInt8](try Data(contentsOf: url)))
        let now = try XCTUnwrap(ISO8601DateFormatter().date(from: "2026-04-13T12:00:00-05:00"))
        let inspection = Inspector(rules: try RulesTests.shipped(), calendar: BusinessCalendar())
            .inspect(message, file: url.lastPathComponent, now: now)
        XCTAssertEqual(inspection.productionDate, "2026-08-01")
        XCTAssertEqual(inspection.reply, "aprobacion")
        XCTAssertEqual(inspection.observations ?? [], [])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(inspection)) as? [String: Any])
        let steps = try XCTUnwrap((json["plan"] as? [String: Any])?["activities"] as? [[String: Any]])
        let calendar = BusinessCalendar()
        var dates = 0
        for step in steps {
            for key in ["start", "earliestEnd", "latestEnd", "latestStart", "latestFinish"] {
                guard let text = step[key] as? String else { continue }
                let date = try XCTUnwrap(CivilDate(text), text)
                XCTAssertTrue(calendar.isBusinessDay(date), "\(step["id"] ?? "?") \(key) \(text)")
                dates += 1
            }
        }
        XCTAssertGreaterThan(dates, 10)
    }
}
