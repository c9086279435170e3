import Intake
import XCTest
@testable import Replies

/// The Spanish of each observation comes from `Templates/observacion.mustache`, not from Swift:
/// every case renders one line with its data, and OCM's edit of the file changes the reply.
final class ObservationWordingTests: XCTestCase {
    static let may15 = CivilDate(year: 2026, month: 5, day: 15)!

    func testEveryCaseReadsAsOneSpanishLineWithItsData() throws {
        let templates = try ReplyTemplates(files: RepliesFixture.templateFiles())
        let rule = try XCTUnwrap(RepliesFixture.rules().kind("nuevo")?.leadTimes.first { $0.appliesTo == .material })
        let rows: [(Observation, [String])] = [
            (.missingMaterial(code: "terminos", name: "Términos de la convocatoria", condition: "convocatoria", due: Self.may15,
                              article: "los", section: "4.1.1 a"),
             ["Falta: Términos de la convocatoria (obligatorios por tratarse de una convocatoria)", "numeral 4.1.1 a",
              "envíelos respondiendo a este correo a más tardar el viernes 15 de mayo de 2026."]),
            (.missingMaterial(code: "lista_chequeo", name: "Lista de chequeo", condition: nil, due: nil, article: "la", overdue: true),
             ["Falta: Lista de chequeo, material", "ya venció", "envíela lo antes posible"]),
            (.missingMaterial(code: "x", name: "Otro", condition: "sin_frase", due: nil), ["Falta: Otro, material", "envíelo respondiendo a este correo."]),
            (.declaredTestNotFound(declared: 1, due: Self.may15), ["test de 1 pregunta,", "no encontramos el test adjunto", "a más tardar el viernes 15"]),
            (.declaredTestNotFound(declared: nil, due: nil), ["Su correo indica que adjunta el test, pero no encontramos el test adjunto",
                                                               "envíelo respondiendo a este correo."]),
            (.insufficientTest(questions: 7, topics: 2, minimumPerTopic: 5, due: nil, overdue: true),
             ["El test tiene 7 preguntas para 2 temas", "(10 en total)", "lo antes posible"]),
            (.trainingNotBusinessDay(date: CivilDate(year: 2026, month: 5, day: 30)!, previous: CivilDate(year: 2026, month: 5, day: 29)!,
                                     next: CivilDate(year: 2026, month: 6, day: 2)!),
             ["el sábado 30 de mayo de 2026, no es un día hábil", "se cuentan desde el día hábil anterior, el viernes 29 de mayo de 2026",
              "por ejemplo el martes 2 de junio de 2026"]),
            (.missingProductionDate, ["No encontramos la fecha de salida a producción"]),
            (.missingTrainingDate, ["no aplica", "fecha propuesta para la capacitación"]),
            (.lateRequest(rule: rule, days: 5, requestDay: CivilDate(year: 2026, month: 6, day: 10)!, target: CivilDate(year: 2026, month: 6, day: 12)!,
                          due: CivilDate(year: 2026, month: 6, day: 5)!, earliestTarget: CivilDate(year: 2026, month: 6, day: 16)!,
                          targetIsTraining: true, followUp: true),
             ["Su respuesta con el material llegó el miércoles 10 de junio de 2026; para la capacitación del viernes 12 de junio",
              "el material debía entregarse con 5 días calendario", "Nota 2)", "martes 16 de junio de 2026"]),
        ]
        for (observation, phrases) in rows {
            let text = templates.observationText(observation)
            XCTAssertFalse(text.contains("\n"), text)
            XCTAssertFalse(text.contains("{{"), text)
            for phrase in phrases { XCTAssertTrue(text.contains(phrase), "\(phrase) ∉ \(text)") }
        }
    }

    /// OCM rewords an observation in the file: the reply says it that way, with no build.
    func testEditedPartialChangesTheReply() throws {
        var files = try RepliesFixture.templateFiles()
        files["observacion.mustache"] = "{{#falta}}Nos hace falta {{nombre}} (numeral {{numeral}}).{{/falta}}\n"
        let composer = ReplyComposer(templates: try ReplyTemplates(files: files))
        let body = String(decoding: composer.compose(RepliesFixture.observationsContext()).raw, as: UTF8.self)
        XCTAssertTrue(body.contains("1. Nos hace falta Reglamento Operativo del Fondo (numeral 4.1.1 a).\r\n"), body)
        XCTAssertFalse(body.contains("Falta: Reglamento"), body)
    }
}
