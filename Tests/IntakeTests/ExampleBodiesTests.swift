import XCTest
import Intake

/// The text/plain bodies of ../shared/examples/ex01–ex06 (decoded, CRLF kept), run through
/// cleaning, field extraction, production date and the TEST field tally. Expected values come
/// from expected.jsonl where the body decides them (production date; questions written or
/// declared in the body — ex02 and ex04–ex06 carry their test as an attachment).
final class ExampleBodiesTests: XCTestCase {
    struct Example {
        var name: String
        var body: String
        var production: (Int, Int, Int)
        var topic: String
        var declared: Int?
        var counted: Int?
        var signatureNames: String
        var line: UInt

        init(_ name: String, _ body: String, production: (Int, Int, Int), topic: String, declared: Int?,
             counted: Int?, signatureNames: String, line: UInt = #line) {
            (self.name, self.body, self.production, self.topic) = (name, body, production, topic)
            (self.declared, self.counted, self.signatureNames, self.line) = (declared, counted, signatureNames, line)
        }
    }

    let examples: [Example] = [
        Example("ex01", "Buenos días, solicitamos la capacitación de la nueva convocatoria del fondo condonable. El proveedor realizará la revisión documental de las postulaciones.\r\n\r\nASUNTO DEL CORREO\tCondonación Fondos en Administración - Comunidades Negras\r\nFECHA DE SALIDA A PRODUCCIÓN\t15/06/2026\r\nMATERIAL DE APOYO\tAdjunto presentación, reglamento, términos, lista de chequeo, F521 y proformas\r\nTEST\tAdjunto, 6 preguntas\r\n\r\nCordialmente,\r\n\r\nAna María Pérez\r\nProfesional Vicepresidencia de Fondos en Administración\r\nICETEX\r\n",
                production: (2026, 6, 15), topic: "Condonación Fondos en Administración - Comunidades Negras", declared: 6, counted: 0,
                signatureNames: "Vicepresidencia de Fondos en Administración"),
        Example("ex02", "Cordial saludo. Remito material para la capacitación de la convocatoria del fondo condonable; el proveedor hará validación de documentos.\r\n\r\nAsunto: Convocatoria Fondo de Reparación para Víctimas 2026-2\r\nFecha de salida a producción: 1 de junio de 2026\r\n\r\nCordialmente,\r\n\r\nJorge Ruiz\r\nProfesional Fondos en Administración\r\nICETEX\r\n",
                production: (2026, 6, 1), topic: "Convocatoria Fondo de Reparación para Víctimas 2026-2", declared: nil, counted: nil,
                signatureNames: "Fondos en Administración"),
        Example("ex03", "Buenas tardes, desde la Vicepresidencia de Crédito y Cobranza solicitamos la capacitación de la nueva línea de crédito con recursos propios.\r\n\r\nAsunto del correo: Nueva línea de crédito Tú Eliges Posgrado\r\nFecha de salida a producción: 2026-07-01\r\nMaterial de apoyo: adjunto\r\n\r\nTest:\r\n1. ¿Cuál es la fecha de apertura de la convocatoria?\r\n2. ¿Qué documentos debe adjuntar el aspirante en la postulación?\r\n3. ¿Cuál es el porcentaje de condonación por graduación?\r\n4. ¿Quiénes pueden postularse al fondo?\r\n5. ¿Cuál es el canal para radicar la legalización?\r\n\r\nCordialmente,\r\n\r\nLuisa Fernanda Gómez\r\nProfesional Vicepresidencia de Crédito y Cobranza\r\nICETEX\r\n",
                production: (2026, 7, 1), topic: "Nueva línea de crédito Tú Eliges Posgrado", declared: nil, counted: 5,
                signatureNames: "Vicepresidencia de Crédito y Cobranza"),
        Example("ex04", "Hola equipo OCM, la Oficina de Relaciones Internacionales solicita capacitación del programa de becas.\r\n\r\nAsunto: Becas Colombia-Francia 2026\r\nFecha de salida a producción: 20 de mayo de 2026\r\n\r\nCordialmente,\r\n\r\nCamilo Torres\r\nProfesional Oficina de Relaciones Internacionales\r\nICETEX\r\n",
                production: (2026, 5, 20), topic: "Becas Colombia-Francia 2026", declared: nil, counted: nil,
                signatureNames: "Oficina de Relaciones Internacionales"),
        Example("ex05", "Buenos días, solicitamos capacitación para la convocatoria del fondo condonable; el proveedor hará la revisión documental.\r\n\r\nAsunto: Convocatoria Fondo Álvaro Ulcué Chocué 2026\r\nFecha de salida a producción: 30/05/2026\r\n\r\nCordialmente,\r\n\r\nAna María Pérez\r\nProfesional Fondos en Administración\r\nICETEX\r\n",
                production: (2026, 5, 30), topic: "Convocatoria Fondo Álvaro Ulcué Chocué 2026", declared: nil, counted: nil,
                signatureNames: "Fondos en Administración"),
        Example("ex06", "Buen día, la gerencia del proyecto solicita espacio de formación para el proveedor de atención.\r\n\r\nAsunto del correo: Proyecto Nuevo Core Bancario\r\nFecha de salida a producción: 01/09/2026\r\n\r\nCordialmente,\r\n\r\nDiana Castro\r\nProfesional Gerencia de Proyecto Core Bancario\r\nICETEX\r\n",
                production: (2026, 9, 1), topic: "Proyecto Nuevo Core Bancario", declared: nil, counted: nil,
                signatureNames: "Gerencia de Proyecto Core Bancario"),
    ]

    func testExampleBodies() {
        for e in examples {
            let cleaned = QuotedTextStripper.clean(e.body)
            XCTAssertNil(cleaned.quoted, e.name, line: e.line)
            XCTAssertEqual(cleaned.signature?.contains(e.signatureNames), true, e.name, line: e.line)
            XCTAssertEqual(cleaned.signature?.hasPrefix("Cordialmente,"), true, e.name, line: e.line)
            let fields = LabeledFieldExtractor.extract(from: cleaned.text)
            XCTAssertEqual(fields[.asunto]?.value, e.topic, e.name, line: e.line)
            let production = ProductionDateFinder().productionDate(fields: fields, text: cleaned.text)
            XCTAssertEqual(production, ProductionDate(parts: DateParts(year: e.production.0, month: e.production.1,
                                                                       day: e.production.2), source: .labeled),
                           e.name, line: e.line)
            let tally = fields[.test].map { QuestionCounter.tally($0.value) }
            XCTAssertEqual(tally?.declared, e.declared, e.name, line: e.line)
            XCTAssertEqual(tally?.counted.total, e.counted, e.name, line: e.line)
        }
    }

    /// ex01's HTML table as the converter renders it: cells joined with ": ".
    func testExampleOneAsConvertedHTMLTable() {
        let converted = """
        Buenos días, solicitamos la capacitación de la nueva convocatoria del fondo condonable.
        ASUNTO DEL CORREO: Condonación Fondos en Administración - Comunidades Negras
        FECHA DE SALIDA A PRODUCCIÓN: 15/06/2026
        MATERIAL DE APOYO: Adjunto presentación, reglamento, términos, lista de chequeo, F521 y proformas
        TEST: Adjunto, 6 preguntas


        Cordialmente,

        Ana María Pérez
        Profesional Vicepresidencia de Fondos en Administración
        ICETEX
        """
        let cleaned = QuotedTextStripper.clean(converted)
        let fields = LabeledFieldExtractor.extract(from: cleaned.text)
        XCTAssertEqual(fields.fields.map(\.key), [.asunto, .fechaProduccion, .material, .test])
        XCTAssertEqual(SpanishDateParser.parse(fields[.fechaProduccion]?.value ?? ""),
                       DateParts(year: 2026, month: 6, day: 15))
        XCTAssertEqual(fields[.test].map { QuestionCounter.tally($0.value) },
                       QuestionTally(declared: 6, counted: QuestionCount()))
    }
}
