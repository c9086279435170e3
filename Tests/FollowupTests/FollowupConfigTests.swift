// config/followup.yaml: the shipped file equals the built-in defaults; mistakes name file, line and key.
import Followup
import Foundation
import Intake
import XCTest

final class FollowupConfigTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testShippedFileIsTheDefaults() throws {
        let text = try String(contentsOf: Self.packageRoot.appendingPathComponent("config/followup.yaml"), encoding: .utf8)
        let config = try FollowupConfig.parse(text, file: "config/followup.yaml")
        XCTAssertEqual(config, FollowupConfig())
    }

    func testErrorsNameFileLineAndKey() {
        XCTAssertThrowsError(try FollowupConfig.parse("nota_aprobatoria: 80\nmeta_efectividad: 180\n", file: "f.yaml")) { error in
            XCTAssertEqual((error as? ConfigError)?.line, 2)
            XCTAssertEqual((error as? ConfigError)?.key, "meta_efectividad")
        }
        XCTAssertThrowsError(try FollowupConfig.parse("semana_max_horas: 3\nnota_aprobada: 70\n", file: "f.yaml")) { error in
            XCTAssertEqual((error as? ConfigError)?.key, "nota_aprobada")
        }
        XCTAssertThrowsError(try FollowupConfig.parse("hora_inicio: \"25:00\"\n", file: "f.yaml")) { error in
            XCTAssertEqual((error as? ConfigError)?.key, "hora_inicio")
        }
    }

    func testMissingStepsAfterTheirBusinessDays() {
        let calendar = BusinessCalendar()
        // Session Wednesday 1 July 2026; asistencia due 3 Jul, banco 6 Jul, entrega 8 Jul.
        let late = MissingSteps.overdue(session: CivilDate("2026-07-01")!, recorded: ["asistencia"], rules: StepRule.standard,
                                        today: CivilDate("2026-07-07")!, calendar: calendar)
        XCTAssertEqual(late.map(\.rule.id), ["banco_preguntas"])
        XCTAssertEqual(late.map(\.due), [CivilDate("2026-07-06")!])
        XCTAssertEqual(StepRule.recognise(subject: "RV: [OCM-2026-0004] Envío del BANCO DE PREGUNTAS", rules: StepRule.standard)?.steps.map(\.id),
                       ["banco_preguntas"])
        XCTAssertNil(StepRule.recognise(subject: "Banco de preguntas", rules: StepRule.standard))
    }
}
