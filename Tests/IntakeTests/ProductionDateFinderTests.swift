import XCTest
import Intake

final class ProductionDateFinderTests: XCTestCase {
    typealias Case = DateCase

    let cases: [Case] = [
        Case(text: "El fondo saldrá a producción el próximo 14 de septiembre de 2026.", expected: (2026, 9, 14)),
        Case(text: "La convocatoria abre el 1 de julio de 2026 y cierra el 30 de julio de 2026.",
             expected: (2026, 7, 1)),
        Case(text: "Fecha de apertura: 15/08/2026", expected: (2026, 8, 15)),
        Case(text: "La línea inicia el lunes, 3 de agosto de 2026.", expected: (2026, 8, 3)),
        Case(text: "El producto sale a producción el 2026-10-01", expected: (2026, 10, 1)),
        Case(text: "Entra en producción el\n1° de octubre de 2026", expected: (2026, 10, 1)),
        Case(text: "Lanzamiento previsto para marzo 15, 2027", expected: (2027, 3, 15)),
        Case(text: "La SALIDA A PRODUCCION sera el 30-05-26", expected: (2026, 5, 30)),
        // The first trigger without a date does not steal a later sentence's date.
        Case(text: "La convocatoria abre pronto. La capacitación será el 15 de marzo de 2026.", expected: nil),
        // About the training, not the product.
        Case(text: "La capacitación inicia el 10 de marzo de 2026.", expected: nil),
        Case(text: "Abre el enlace adjunto.\n\nReunión el 10/03/2026", expected: nil),
        Case(text: "Se abrevia el trámite desde el 10/03/2026", expected: nil),
        Case(text: "Estaré fuera de la oficina hasta el 16 de marzo.", expected: nil),
    ]

    func testProseTriggers() {
        let finder = ProductionDateFinder()
        for c in cases {
            let expected = c.expected.map { DateParts(year: $0.0, month: $0.1, day: $0.2) }
            XCTAssertEqual(finder.proseDate(in: c.text)?.parts, expected, "“\(c.text)”", line: c.line)
        }
    }

    func testReportsWhereTheDateIsWritten() {
        let text = "Les informamos que saldrá a producción el próximo 14 de septiembre de 2026."
        let found = ProductionDateFinder().proseDate(in: text)
        XCTAssertEqual(found.map { String(text[$0.range]) }, "14 de septiembre de 2026")
    }

    func testLabelledFieldWinsOverProse() {
        let text = """
        La convocatoria abre el 1 de julio de 2026.
        Fecha de salida a producción: 15/06/2026
        """
        let fields = LabeledFieldExtractor.extract(from: text)
        let date = ProductionDateFinder().productionDate(fields: fields, text: text)
        XCTAssertEqual(date, ProductionDate(parts: DateParts(year: 2026, month: 6, day: 15), source: .labeled))
    }

    func testProseWhenTheFieldHasNoDate() {
        let text = "Fecha de salida a producción: por definir\nLa convocatoria abre el 1 de julio de 2026."
        let fields = LabeledFieldExtractor.extract(from: text)
        let date = ProductionDateFinder().productionDate(fields: fields, text: text)
        XCTAssertEqual(date, ProductionDate(parts: DateParts(year: 2026, month: 7, day: 1), source: .prose))
    }

    func testTriggersAreConfigurable() {
        let finder = ProductionDateFinder(triggers: ["publicación"], vetoes: [], window: 20)
        XCTAssertEqual(finder.proseDate(in: "Publicación: 02/02/2027")?.parts, DateParts(year: 2027, month: 2, day: 2))
        XCTAssertNil(finder.proseDate(in: "Abre el 02/02/2027"))
        XCTAssertNil(finder.proseDate(in: "Publicación prevista, si todo sale bien, el 02/02/2027"))
    }
}
