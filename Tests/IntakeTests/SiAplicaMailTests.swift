import Foundation
import XCTest
@testable import Intake

/// "Si aplica" support activities of 4.1 from a mail: scheduled (with dates and slack) only
/// when the request says it needs them (rules.yaml `conditions` keywords), else listed without
/// dates. The same complete Fondos request, with and without the sentence that asks for them.
final class SiAplicaMailTests: XCTestCase {
    func testSupportActivitiesFollowWhatTheMailAsksFor() throws {
        let plain = try RequestMailBuilder.fondosCompleto().inspect()
        let plainPlan = try XCTUnwrap(plain.plan)
        XCTAssertEqual(Set(plainPlan.unscheduled.map(\.id)),
                       ["tipificacion_crm", "poblamiento_bases", "transferencia_segura", "adecuaciones_tecnologicas"])
        XCTAssertFalse(plainPlan.activities.contains { $0.id == "tipificacion_crm" })

        var asking = try RequestMailBuilder.fondosCompleto()
        asking.intro += " Se requiere una nueva tipificación en CRM Dynamics y el cargue de bases de datos de los beneficiarios."
        let inspection = asking.inspect()
        let plan = try XCTUnwrap(inspection.plan)
        XCTAssertEqual(inspection.viable, true, "\(inspection.missing ?? [])")
        let byID = Dictionary(uniqueKeysWithValues: plan.activities.map { ($0.id, $0) })
        for id in ["tipificacion_crm", "poblamiento_bases", "transferencia_segura"] {
            let activity = try XCTUnwrap(byID[id], id)
            XCTAssertNotNil(activity.latestFinish, id)
            XCTAssertGreaterThanOrEqual(activity.slack ?? -1, 0, id)
        }
        XCTAssertEqual(plan.unscheduled.map(\.id), ["adecuaciones_tecnologicas"])
    }
}
