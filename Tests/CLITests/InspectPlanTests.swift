import Foundation
import XCTest

/// `inspect` in text mode shows the plan of 4.1 against the area's date, and words observations
/// with the templates (`--templates` or the folder next to the configuration).
final class InspectPlanTests: XCTestCase {
    /// sample01: production 1 Aug 2026, asked 13 Apr: every step fits, with its window and slack.
    func testAchievablePlanShowsTheTrainingWindowAndEachStepsSlack() throws {
        let result = try CommandLineTests.run(["inspect", "Samples/sample01-credito-completa.eml"])
        XCTAssertEqual(result.status, 0, result.stderr)
        for line in ["Fecha del área: salida a producción 2026-08-01",
                     "¿Alcanzable? SÍ",
                     "Ventana de capacitación: 2026-05-13 → 2026-07-28",
                     "- formacion_proveedor: 2026-04-21 → 2026-05-13 … 2026-07-28 (holgura 48)",
                     "- calidad_operativa: 2026-05-14 → 2026-05-19 … 2026-07-31 (holgura 48)",
                     "- si aplica, sin fechas (la solicitud no indica crm)",
                     "Salida a producción más temprana alcanzable: 2026-05-20"] {
            XCTAssertTrue(result.stdout.contains(line), "\(line)\n---\n\(result.stdout)")
        }
        XCTAssertFalse(result.stdout.contains("FALTAN"), result.stdout)
    }

    /// f1: production 27 Mar with training 20 Mar, asked 2 Mar: the first step is 7 business
    /// days short; the earliest achievable production date is 9 Apr; no training day fits.
    func testUnachievablePlanNamesTheFailingStepAndTheEarliestDate() throws {
        let result = try CommandLineTests.run(["inspect", "Tests/Fixtures/issue9/f1-plan-no-alcanza.eml"])
        XCTAssertEqual(result.status, 0, result.stderr)
        for line in ["¿Alcanzable? NO: falla «Análisis de procesos", "(analisis_aseguramiento) por 7 día(s) hábil(es)",
                     "la salida a producción más temprana alcanzable es 2026-04-09",
                     "Ventana de capacitación: NINGÚN día cabe",
                     "- formacion_proveedor: 2026-03-10 → 2026-04-01 … 2026-03-20 (FALTAN 7)"] {
            XCTAssertTrue(result.stdout.contains(line), "\(line)\n---\n\(result.stdout)")
        }
    }

    /// The observations of `inspect --json` are the templates' sentences: a reworded
    /// `observacion.mustache` given with `--templates` changes them.
    func testObservationsComeFromTheTemplatesFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inspect-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CommandLineTests.packageRoot.appendingPathComponent("Templates"), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{#falta}}FALTA {{codigo}}{{/falta}}\n".write(to: folder.appendingPathComponent("observacion.mustache"),
                                                             atomically: true, encoding: .utf8)
        let shipped = try CommandLineTests.run(["inspect", "--json", "Samples/sample02-fondos-sin-f521.eml"])
        let edited = try CommandLineTests.run(["inspect", "--json", "--templates", folder.path, "Samples/sample02-fondos-sin-f521.eml"])
        XCTAssertEqual(edited.status, 0, edited.stderr)
        func observations(_ run: CommandLineTests.Run) throws -> [String] {
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            return object?["observations"] as? [String] ?? []
        }
        XCTAssertEqual(try observations(edited), ["FALTA plantillas", "FALTA f521"])
        XCTAssertTrue(try observations(shipped).allSatisfy { $0.hasPrefix("Falta: ") }, shipped.stdout)
    }
}
