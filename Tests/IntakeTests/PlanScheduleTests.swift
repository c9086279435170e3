import XCTest
@testable import Intake

/// The plan of 4.1 against the area's production date P: forward pass from the request,
/// backward pass from P, slack per step, the failing step and the earliest achievable P.
/// Dates worked by hand on the 2026 Colombian calendar (holidays 7 and 17 Aug, 12 Oct).
final class PlanScheduleTests: XCTestCase {
    struct Case {
        var name: String
        var request: String
        var production: String?
        var training: String? = nil
        var conditions: Set<String> = []
        var achievable: Bool?
        var shortfall: (String, Int)? = nil
        /// (activity id, latest finish, slack)
        var windows: [(String, String, Int)] = []
        var trainingWindow: (String, String?)? = nil
        var earliestProduction: String? = nil
        var scheduled: Set<String>? = nil
    }

    static let cases: [Case] = [
        Case(name: "P achievable with slack", request: "2026-08-03", production: "2026-10-05", achievable: true,
             // Aseguramiento 5 bd → 11 Aug (7 Aug holiday); conciliation 16 bd → Thu 3 Sep (17 Aug holiday).
             // Backward: Calidad 30 Sep–2 Oct; latest training Tue 29 Sep (Wed 30 would leave Calidad ending on P).
             windows: [("analisis_aseguramiento", "2026-09-07", 18), ("entrega_material", "2026-09-14", 23),
                       ("formacion_proveedor", "2026-09-29", 18), ("calidad_operativa", "2026-10-02", 18),
                       ("dimensionamiento", "2026-10-02", 22), ("lenguaje_claro", "2026-09-07", 20)],
             trainingWindow: ("2026-09-03", "2026-09-29"), earliestProduction: "2026-09-14",
             scheduled: ["analisis_aseguramiento", "formacion_proveedor", "calidad_operativa", "dimensionamiento", "lenguaje_claro"]),
        Case(name: "P short by 2 business days", request: "2026-08-03", production: "2026-09-07", achievable: false,
             shortfall: ("analisis_aseguramiento", 2),
             windows: [("analisis_aseguramiento", "2026-08-06", -2), ("formacion_proveedor", "2026-09-01", -2),
                       ("calidad_operativa", "2026-09-04", -2)],
             trainingWindow: ("2026-09-03", "2026-09-01"), earliestProduction: "2026-09-14"),
        Case(name: "Wednesday training: diffusion the same week, before a Wednesday P", request: "2026-08-03",
             production: "2026-10-07", training: "2026-09-30", achievable: true,
             windows: [("formacion_proveedor", "2026-09-30", 19)]),
        Case(name: "Thursday training: diffusion moves to the next week, after P", request: "2026-08-03",
             production: "2026-10-07", training: "2026-10-01", achievable: false, shortfall: ("capacitacion", 1),
             trainingWindow: ("2026-09-03", "2026-09-30")),
        Case(name: "Holidays inside the conciliation window", request: "2026-07-27", production: "2026-09-07", achievable: true,
             // Conciliation 10 Aug–1 Sep counts 16 business days across 17 Aug; Aseguramiento must end Thu 6 Aug (7 Aug holiday).
             windows: [("analisis_aseguramiento", "2026-08-06", 3), ("formacion_proveedor", "2026-09-01", 3)],
             trainingWindow: ("2026-08-27", "2026-09-01")),
        Case(name: "Si aplica: CRM and databases scheduled, technology listed", request: "2026-08-03", production: "2026-10-05",
             conditions: ["crm", "bases_datos"], achievable: true,
             windows: [("tipificacion_crm", "2026-09-29", 38), ("transferencia_segura", "2026-09-29", 36),
                       ("poblamiento_bases", "2026-09-28", 36)],
             scheduled: ["analisis_aseguramiento", "formacion_proveedor", "calidad_operativa", "dimensionamiento",
                         "tipificacion_crm", "poblamiento_bases", "transferencia_segura", "lenguaje_claro"]),
        Case(name: "Production date 'no aplica': the training date carries the plan", request: "2026-08-03", production: nil,
             training: "2026-09-02", achievable: false, shortfall: ("analisis_aseguramiento", 1)),
        Case(name: "No date at all: forward pass only", request: "2026-08-03", production: nil, achievable: nil),
    ]

    func testPlansAgainstTheAreasDate() throws {
        let rules = try RulesTests.shipped()
        let calendar = BusinessCalendar()
        let material = try XCTUnwrap(rules.kind("nuevo")?.leadTimes.first { $0.appliesTo == .material })
        for c in Self.cases {
            let target = PlanTarget(productionDate: c.production.flatMap(CivilDate.init), trainingDate: c.training.flatMap(CivilDate.init),
                                    materialRule: material, conditions: c.conditions, professional: "Laura Méndez")
            let plan = OperationalPlan(requestDay: try XCTUnwrap(CivilDate(c.request)), rules: rules.plan, calendar: calendar, target: target)
            XCTAssertEqual(plan.achievable, c.achievable, c.name)
            XCTAssertEqual(plan.shortfall?.activity, c.shortfall?.0, c.name)
            XCTAssertEqual(plan.shortfall?.businessDays, c.shortfall?.1, c.name)
            XCTAssertEqual(plan.professional, "Laura Méndez")
            let byID = Dictionary(uniqueKeysWithValues: plan.activities.map { ($0.id, $0) })
            for (id, latest, slack) in c.windows {
                XCTAssertEqual(byID[id]?.latestFinish?.description, latest, "\(c.name): \(id)")
                XCTAssertEqual(byID[id]?.slack, slack, "\(c.name): \(id) slack")
            }
            if let (earliest, latest) = c.trainingWindow {
                XCTAssertEqual(plan.trainingWindow.earliest.description, earliest, c.name)
                XCTAssertEqual(plan.trainingWindow.latest?.description, latest, c.name)
            }
            if let earliest = c.earliestProduction { XCTAssertEqual(plan.earliestProductionDate.description, earliest, c.name) }
            if let scheduled = c.scheduled {
                XCTAssertEqual(Set(plan.activities.map(\.id)).subtracting(["entrega_material"]), scheduled, c.name)
                XCTAssertEqual(Set(plan.unscheduled.map(\.id)), Set(rules.plan.map(\.id)).subtracting(scheduled), c.name)
            }
            // Every date of every step is a business day.
            for a in plan.activities {
                for day in [a.start, a.earliestEnd, a.latestEnd, a.latestStart, a.latestFinish].compactMap({ $0 }) {
                    XCTAssertTrue(calendar.isBusinessDay(day), "\(c.name): \(a.id) \(day)")
                }
            }
            if c.production == nil, c.training == nil { XCTAssertNil(plan.activities.first?.latestFinish, c.name) }
        }
    }

    /// The earliest production date is itself achievable, and the business day before it is not.
    func testEarliestProductionDateIsTight() throws {
        let rules = try RulesTests.shipped()
        let calendar = BusinessCalendar()
        for request in ["2026-03-30", "2026-08-03", "2026-12-14"] {
            let day = try XCTUnwrap(CivilDate(request))
            let free = OperationalPlan(requestDay: day, rules: rules.plan, calendar: calendar).earliestProductionDate
            let at = OperationalPlan(requestDay: day, rules: rules.plan, calendar: calendar, target: PlanTarget(productionDate: free))
            XCTAssertEqual(at.achievable, true, request)
            let before = calendar.addingBusinessDays(-1, to: free)
            let short = OperationalPlan(requestDay: day, rules: rules.plan, calendar: calendar, target: PlanTarget(productionDate: before))
            XCTAssertEqual(short.achievable, false, request)
            XCTAssertEqual(short.earliestProductionDate, free, request)
        }
    }

    func testDiffusionByWeekday() throws {
        // Mon–Wed: replicated the same week (ends that Friday); Thu–Fri: the following week.
        let cases = [("2026-09-28", "2026-10-02"), ("2026-09-30", "2026-10-02"), ("2026-10-01", "2026-10-09"), ("2026-10-02", "2026-10-09")]
        for (training, end) in cases {
            XCTAssertEqual(ProviderDiffusion.end(after: try XCTUnwrap(CivilDate(training))).description, end, training)
        }
    }

    func testCalendarDayStepsEndOnBusinessDays() throws {
        let rules = try RulesTests.shipped()
        // Fri 31 Jul + 30 days = Sun 30 Aug: dimensionamiento can only finish on Mon 31 Aug.
        let plan = OperationalPlan(requestDay: try XCTUnwrap(CivilDate("2026-07-31")), rules: rules.plan, calendar: BusinessCalendar())
        XCTAssertEqual(plan.activities.first { $0.id == "dimensionamiento" }?.earliestEnd.description, "2026-08-31")
    }
}
