import Foundation
import XCTest
@testable import Intake

/// config/rules.yaml loads, and each kind of mistake OCM could make names file, line and key.
final class RulesTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func shipped() throws -> Rules {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("config/rules.yaml"), encoding: .utf8)
        return try Rules(yaml: text, file: "config/rules.yaml")
    }

    func testShippedRulesLoadWithTheProcedure() throws {
        let rules = try Self.shipped()
        XCTAssertEqual(rules.minQuestionsPerTopic, 5)
        XCTAssertEqual(rules.areas.map(\.code), ["fondos", "credito", "becas", "proyecto", "ocm"])
        XCTAssertEqual(rules.kind("nuevo")?.leadTimes.map(\.id), ["nuevo_solicitud_90_dias_calendario", "nuevo_material_15_dias_calendario"])
        XCTAssertEqual(rules.kind("nuevo")?.leadTimes.last?.relief?.days, 5)
        XCTAssertEqual(rules.kind("actualizacion")?.leadTimes.first?.unit, .habiles)
        XCTAssertEqual(rules.requiredItems(area: "fondos", kind: "nuevo").map(\.code),
                       ["presentacion", "test", "plantillas", "reglamento", "terminos", "lista_chequeo", "f521", "condiciones_condonacion"])
        XCTAssertEqual(rules.requiredItems(area: "fondos", kind: "nuevo").first { $0.code == "f521" }?.when, "revision_documental")
        XCTAssertEqual(rules.requiredItems(area: "proyecto", kind: "proyecto").map(\.code), ["contexto_proyecto", "presentacion", "test"])
        XCTAssertEqual(rules.requiredItems(area: "fondos", kind: "actualizacion").map(\.code),
                       ["presentacion", "procedimiento", "lista_chequeo", "test", "reglamento", "terminos", "f521"])
        XCTAssertEqual(rules.ownAddresses, ["aseguramientoocm@icetex.gov.co", "formacionocm@icetex.gov.co"])
    }

    func testMistakesNameFileLineAndKey() throws {
        let good = """
        min_questions_per_topic: 5
        areas:
          fondos: {name: Fondos, misional: true, keywords: [fondo]}
        kinds:
          nuevo:
            name: Nuevo
            lead_times:
              - {id: r1, days: 90, unit: calendario, applies_to: solicitud}
        conditions:
          convocatoria: [convocatoria]
        materials:
          presentacion: {name: Presentación}
        requirements:
          - {areas: [fondos], kinds: [nuevo], require: [presentacion]}
        """
        XCTAssertNoThrow(try Rules(yaml: good, file: "r.yaml"))
        let cases: [(String, String, String, Int, String?)] = [
            ("typo in a top key", "min_questions_per_topic: 5", "min_question_per_topic: 5", 1, "min_question_per_topic"),
            ("minimum not a number", "min_questions_per_topic: 5", "min_questions_per_topic: cinco", 1, "min_questions_per_topic"),
            ("unknown area code", "  fondos: {name: Fondos", "  fondoz: {name: Fondos", 3, "fondoz"),
            ("misional not a bool", "misional: true", "misional: tal vez", 3, "misional"),
            ("bad unit", "unit: calendario", "unit: semanas", 8, "unit"),
            ("days out of range", "days: 90", "days: 900", 8, "days"),
            ("unknown material in requirement", "require: [presentacion]", "require: [presentaciones]", 14, "require"),
            ("unknown kind in requirement", "kinds: [nuevo], require", "kinds: [nueva], require", 14, "kinds"),
            ("unknown condition", "require: [presentacion]", "require: [{item: presentacion, when: convocatorias}]", 14, "when"),
            ("material without name", "presentacion: {name: Presentación}", "presentacion: {nombre: Presentación}", 12, "nombre"),
        ]
        for (name, from, to, line, key) in cases {
            let yaml = good.replacingOccurrences(of: from, with: to)
            XCTAssertNotEqual(yaml, good, name)
            XCTAssertThrowsError(try Rules(yaml: yaml, file: "r.yaml"), name) { error in
                guard let error = error as? ConfigError else { return XCTFail("\(name): \(error)") }
                XCTAssertEqual(error.file, "r.yaml", name)
                XCTAssertEqual(error.line, line, "\(name): \(error)")
                XCTAssertEqual(error.key, key, "\(name): \(error)")
            }
        }
    }

    func testSyntaxErrorNamesTheLine() {
        XCTAssertThrowsError(try Rules(yaml: "min_questions_per_topic: 5\nareas: [unclosed\n", file: "r.yaml")) { error in
            let e = error as? ConfigError
            XCTAssertEqual(e?.file, "r.yaml")
            XCTAssertNil(e?.key)
            XCTAssertGreaterThanOrEqual(e?.line ?? 0, 2)
        }
    }
}
