import Foundation
import XCTest
@testable import Intake

/// Every material item of rules.yaml recognised from a mailed attachment, by its file name and
/// by its content (slide title, Word heading, Excel header, PDF title); the items that come
/// from the mail's own fields (CONTEXTO DEL PROYECTO, TEST); and the conditional items, required
/// only when the request's own words say so — never because of words in the test's questions.
final class MaterialClassificationTests: XCTestCase {
    typealias Attachment = RequestMailBuilder.Attachment

    struct Row {
        var name: String
        var attachment: () throws -> Attachment
        /// Every material code the attachment satisfies, and the one it is listed under.
        var codes: Set<String>
        var category: String?
        var source: UInt

        init(_ name: String, _ attachment: @escaping @autoclosure () throws -> Attachment, codes: Set<String>,
             category: String? = nil, source: UInt = #line) {
            self.name = name
            self.attachment = attachment
            self.codes = codes
            self.category = category ?? (codes.count == 1 ? codes.first : nil)
            self.source = source
        }
    }

    typealias B = RequestMailBuilder

    /// Names say what the file is; the content says nothing.
    static var byName: [Row] { [
        Row("presentacion: named Presentación, a PDF", B.pdf("Presentación del fondo.pdf", title: nil, text: "Anexo"), codes: ["presentacion"]),
        Row("presentacion: any pptx", try B.pptx("Capacitación línea Tú Eliges.pptx", titles: ["Bienvenida"]), codes: ["presentacion"]),
        Row("presentacion: ppsx", try B.pptx("Sesión 1.ppsx", titles: ["Bienvenida"]), codes: ["presentacion"]),
        Row("test: Test", try B.docx("Test capacitación.docx"), codes: ["test"]),
        Row("test: Evaluación", try B.xlsx("Evaluación de la sesión.xlsx", rows: [["Nombre", "Nota"]]), codes: ["test"]),
        Row("test: Cuestionario", B.pdf("Cuestionario.pdf", title: nil, text: "Anexo"), codes: ["test"]),
        Row("test: Banco de preguntas", try B.docx("Banco de preguntas.docx"), codes: ["test"]),
        Row("plantillas: Plantillas", try B.docx("Plantillas respuesta crédito.docx"), codes: ["plantillas"]),
        Row("plantillas: Proformas", try B.docx("Proformas de respuesta PQRSD.docx"), codes: ["plantillas"]),
        Row("reglamento", B.pdf("Reglamento Operativo Fondo Comunidades Negras.pdf", title: nil, text: "Anexo"), codes: ["reglamento"]),
        Row("terminos: de referencia", B.pdf("Términos de referencia convocatoria 2026-2.pdf", title: nil, text: "Anexo"), codes: ["terminos"]),
        Row("terminos: y condiciones", B.pdf("Terminos y condiciones.pdf", title: nil, text: "Anexo"), codes: ["terminos"]),
        Row("lista_chequeo", try B.xlsx("Lista de chequeo postulación 2026-2.xlsx", rows: [["Documento"]]), codes: ["lista_chequeo"]),
        Row("lista_chequeo: checklist", try B.xlsx("Checklist documentos.xlsx", rows: [["Documento"]]), codes: ["lista_chequeo"]),
        Row("f521", try B.xlsx("F521.xlsx", rows: [["Documento"]]), codes: ["f521"]),
        Row("f521: F-521", try B.xlsx("F-521 diligenciado.xlsx", rows: [["Documento"]]), codes: ["f521"]),
        Row("f521: Formato Revisión Documental", try B.xlsx("Formato Revisión Documental.xlsx", rows: [["Documento"]]), codes: ["f521"]),
        Row("condiciones_aplicacion", B.pdf("Condiciones de aplicación.pdf", title: nil, text: "Anexo"), codes: ["condiciones_aplicacion"]),
        Row("condiciones_aplicacion: Requisitos", B.pdf("Requisitos.pdf", title: nil, text: "Anexo"), codes: ["condiciones_aplicacion"]),
        Row("calendario", try B.xlsx("Calendario 2026-2.xlsx", rows: [["Etapa", "Fecha"]]), codes: ["calendario"]),
        Row("calendario: Cronograma", try B.xlsx("Cronograma.xlsx", rows: [["Etapa", "Fecha"]]), codes: ["calendario"]),
        Row("condiciones_legalizacion", B.pdf("Condiciones de legalización.pdf", title: nil, text: "Anexo"), codes: ["condiciones_legalizacion"]),
        Row("condiciones_renovacion", B.pdf("Renovación semestral.pdf", title: nil, text: "Anexo"), codes: ["condiciones_renovacion"]),
        Row("condiciones_condonacion", B.pdf("Condonación por graduación.pdf", title: nil, text: "Anexo"), codes: ["condiciones_condonacion"]),
        Row("procedimiento", try B.docx("Procedimiento otorgamiento crédito.docx"), codes: ["procedimiento"]),
        Row("procedimiento: Guía", try B.docx("Guía de atención Becas.docx"), codes: ["procedimiento"]),
        Row("procedimiento: Instructivo", try B.docx("Instructivo.docx"), codes: ["procedimiento"]),
        Row("manual_legalizacion", B.pdf("Manual de legalización Becas Colombia-Francia.pdf", title: nil, text: "Anexo"), codes: ["manual_legalizacion"]),
        Row("names written with underscores", B.pdf("REGLAMENTO_OPERATIVO_FONDO.PDF", title: nil, text: "Anexo"), codes: ["reglamento"]),
        Row("names written with hyphens", try B.xlsx("lista-de-chequeo-2026.xlsx", rows: [["Documento"]]), codes: ["lista_chequeo"]),
        Row("not material: a photo", B.png("foto evento.png"), codes: []),
        Row("not material: a neutral Word file", try B.docx("Anexo.docx"), codes: []),
    ] }

    /// Neutral names ("Anexo N"): the content says what the file is.
    static var byContent: [Row] { [
        Row("presentacion: PDF titled Presentación de la capacitación",
            B.pdf("Anexo 1.pdf", title: "Presentación de la capacitación", text: "Fondo Comunidades Negras"), codes: ["presentacion"]),
        Row("test: Word heading", try B.docx("Anexo 2.docx", heading: "Test de conocimiento"), codes: ["test"]),
        Row("test: PDF title", B.pdf("Anexo 2.pdf", title: "Evaluación de la capacitación", text: "Nombre"), codes: ["test"]),
        Row("plantillas: Word heading", try B.docx("Anexo 3.docx", heading: "Plantillas de respuesta"), codes: ["plantillas"]),
        Row("reglamento: PDF title", B.pdf("Anexo 4.pdf", title: "Reglamento Operativo del Fondo", text: "Artículo 1"), codes: ["reglamento"]),
        Row("terminos: PDF title", B.pdf("Anexo 5.pdf", title: "Términos de la convocatoria 2026-2", text: "Capítulo 1"), codes: ["terminos"]),
        Row("lista_chequeo: Excel header", try B.xlsx("Anexo 6.xlsx", rows: [["Lista de chequeo"], ["Cédula"]]), codes: ["lista_chequeo"]),
        Row("lista_chequeo: sheet name", try B.xlsx("Anexo 6b.xlsx", sheet: "Lista de chequeo", rows: [["Documento"], ["Cédula"]]),
            codes: ["lista_chequeo"]),
        Row("f521: Excel header", try B.xlsx("Anexo 7.xlsx", rows: [["Formato Revisión Documental F521"], ["Cédula"]]), codes: ["f521"]),
        Row("condiciones_aplicacion: Word heading", try B.docx("Anexo 8.docx", heading: "Criterios de aprobación"),
            codes: ["condiciones_aplicacion"]),
        Row("calendario: slide title", try B.pptx("Anexo 9.pptx", titles: ["Bienvenida", "Calendario de la convocatoria"]),
            codes: ["presentacion", "calendario"], category: "presentacion"),
        Row("calendario: Excel header", try B.xlsx("Anexo 9b.xlsx", rows: [["Cronograma", "Fecha"], ["Apertura", "1/06/2026"]]),
            codes: ["calendario"]),
        Row("condiciones_legalizacion: Word heading", try B.docx("Anexo 10.docx", heading: "Condiciones de legalización"),
            codes: ["condiciones_legalizacion"]),
        Row("condiciones_renovacion: PDF title", B.pdf("Anexo 11.pdf", title: "Condiciones de renovación", text: "Requisitos"),
            codes: ["condiciones_renovacion"]),
        Row("condiciones_condonacion: PDF title", B.pdf("Anexo 12.pdf", title: "Condiciones de condonación", text: "Graduación"),
            codes: ["condiciones_condonacion"]),
        Row("procedimiento: Word heading", try B.docx("Anexo 13.docx", heading: "Ruta de escalamiento"), codes: ["procedimiento"]),
        Row("manual_legalizacion: PDF title", B.pdf("Anexo 14.pdf", title: "Manual de legalización", text: "Paso 1"),
            codes: ["manual_legalizacion"]),
        Row("test: Word file made of questions", try B.testDocx("Anexo 15.docx"), codes: ["test"]),
        Row("test: Excel with a Pregunta column",
            try B.xlsx("Anexo 16.xlsx", rows: [["Tema", "Pregunta", "Respuesta"]] + B.fiveQuestions.map { ["Legalización", $0, "a"] }),
            codes: ["test"]),
        Row("not a test: FAQ slides ask questions but are the presentation",
            try B.pptx("Anexo 17.pptx", titles: ["¿Quién puede postularse?", "¿Cuándo abre?"]), codes: ["presentacion"]),
    ] }

    /// The codes one attachment satisfies on its own, read through a mailed request.
    func check(_ rows: [Row]) throws {
        for row in rows {
            var mail = RequestMailBuilder()
            mail.fields = [("FECHA DE SALIDA A PRODUCCIÓN", "15/06/2026")]
            mail.attachments = [try row.attachment()]
            let request = mail.read()
            XCTAssertEqual(Set(request.material.keys), row.codes, row.name, line: row.source)
            XCTAssertEqual(request.categories, [row.category], row.name, line: row.source)
            XCTAssertEqual(request.attachments.first?.warnings, [], row.name, line: row.source)
        }
    }

    func testEveryItemByFileName() throws {
        try check(Self.byName)
        let covered = Set(Self.byName.flatMap(\.codes))
        let rules = try RulesTests.shipped()
        XCTAssertEqual(covered, Set(rules.materials.map(\.code)).subtracting(["contexto_proyecto"]),
                       "every material code with file-name keywords has a row")
    }

    func testEveryItemByContent() throws {
        try check(Self.byContent)
        let covered = Set(Self.byContent.flatMap(\.codes))
        let rules = try RulesTests.shipped()
        XCTAssertEqual(covered, Set(rules.materials.map(\.code)).subtracting(["contexto_proyecto"]),
                       "every material code has a content row")
    }

    // MARK: Items from the mail's fields

    func testProjectContextComesFromItsField() {
        let rows: [(name: String, context: String?, missing: Bool, source: UInt)] = [
            ("context written", "El nuevo core bancario cambia la consulta de saldos que hacen los asesores.", false, #line),
            ("context on the lines below its label", "\nLa migración cambia la consulta de saldos.\nImpacta a todos los asesores.", false, #line),
            ("context too short to say anything", "N/A", true, #line),
            ("no context field", nil, true, #line),
        ]
        for row in rows {
            var mail = RequestMailBuilder()
            mail.subject = "Proyecto Nuevo Core Bancario - capacitación proveedor"
            mail.intro = "Buen día, la gerencia del proyecto solicita espacio de formación para el proveedor de atención."
            mail.signature = RequestMailBuilder.proyectoSignature
            mail.fieldStyle = .colon
            mail.fields = [("Asunto del correo", "Proyecto Nuevo Core Bancario"), ("Fecha de salida a producción", "01/09/2026")]
            if let context = row.context { mail.fields.append(("CONTEXTO DEL PROYECTO", context)) }
            let inspection = mail.inspect()
            XCTAssertEqual(inspection.area, "proyecto", row.name, line: row.source)
            XCTAssertEqual(inspection.missing?.contains("contexto_proyecto"), row.missing, row.name, line: row.source)
        }
    }

    func testTestFromTheBodyField() throws {
        let rows: [(name: String, test: String, questions: Int?, missing: [String], source: UInt)] = [
            ("five questions below the label", "\n" + B.fiveQuestions.enumerated().map { "\($0 + 1). \($1)" }.joined(separator: "\n"),
             5, [], #line),
            ("four questions", "\n" + B.fiveQuestions.prefix(4).map { "- \($0)" }.joined(separator: "\n"), 4, ["test_insuficiente"], #line),
            ("only a promise, no questions", "Se enviará más adelante", nil, ["test"], #line),
        ]
        for row in rows {
            var mail = RequestMailBuilder()
            mail.signature = RequestMailBuilder.ocmSignature
            mail.fieldStyle = .colon
            mail.fields = [("Fecha de salida a producción", "15/06/2026"), ("Test", row.test)]
            mail.attachments = [try B.pptx("Presentación nuevo canal.pptx", titles: ["Nuevo canal"])]
            let inspection = mail.inspect()
            XCTAssertEqual(inspection.kind, "ocm", row.name, line: row.source)
            XCTAssertEqual(inspection.questions, row.questions, row.name, line: row.source)
            XCTAssertEqual(inspection.missing, row.missing, row.name, line: row.source)
        }
    }

    // MARK: Conditional items

    struct ConditionRow {
        var name: String
        var subject = "Solicitud de capacitación Fondo Comunidades Negras"
        var intro: String
        var testQuestions: [String] = B.fiveQuestions
        var testAttachment: [String]? = nil
        var quoted: String? = nil
        var missing: [String]
        var source: UInt
    }

    /// A Fondos new-topic request with every unconditional item: what is missing is exactly the
    /// conditional items the request's own words call for.
    func fondos(_ row: ConditionRow) throws -> RequestMailBuilder {
        var mail = RequestMailBuilder()
        mail.subject = row.subject
        mail.intro = row.intro
        mail.signature = RequestMailBuilder.fondosSignature
        mail.fieldStyle = .colon
        mail.fields = [
            ("Fecha de salida a producción", "15/06/2026"),
            ("Material de apoyo", "adjunto"),
            // The test goes in the body, or is attached and the field says so.
            ("Test", row.testAttachment != nil ? "Adjunto"
                : "\n" + row.testQuestions.enumerated().map { "\($0 + 1). \($1)" }.joined(separator: "\n")),
        ]
        mail.quoted = row.quoted
        mail.attachments = [
            try B.pptx("Presentación Fondo.pptx", titles: ["Fondo"]),
            try B.docx("Proformas de respuesta.docx"),
            try B.xlsx("Lista de chequeo.xlsx", rows: [["Documento"]]),
        ]
        if let questions = row.testAttachment { mail.attachments.append(try B.testDocx("Test.docx", questions: questions)) }
        return mail
    }

    static let conditionQuestions = [
        "¿Qué es la convocatoria y cuándo abren las postulaciones?",
        "¿Cuándo es condonable el crédito y cómo se pide la condonación?",
        "¿Qué hace el proveedor en la revisión documental?",
        "¿Qué documentos exige la legalización?",
        "¿Dónde se consulta el estado de la solicitud?",
    ]

    func testConditionalItemsOnlyWhenTheRequestSaysSo() throws {
        let rows: [ConditionRow] = [
            ConditionRow(name: "no condition", intro: "Solicitamos la capacitación del nuevo programa del fondo.", missing: [], source: #line),
            ConditionRow(name: "convocatoria", intro: "Solicitamos la capacitación de la nueva convocatoria del fondo.",
                         missing: ["reglamento", "terminos"], source: #line),
            ConditionRow(name: "postulaciones", intro: "Solicitamos la capacitación; las postulaciones abren en junio.",
                         missing: ["reglamento", "terminos"], source: #line),
            ConditionRow(name: "convocatoria in the subject only", subject: "Capacitación convocatoria Fondo Comunidades Negras 2026-2",
                         intro: "Solicitamos la capacitación del fondo.", missing: ["reglamento", "terminos"], source: #line),
            ConditionRow(name: "condonable", intro: "Solicitamos la capacitación del fondo condonable.",
                         missing: ["condiciones_condonacion"], source: #line),
            ConditionRow(name: "revisión documental", intro: "Solicitamos la capacitación; el proveedor hará la revisión documental.",
                         missing: ["f521"], source: #line),
            ConditionRow(name: "validación de documentos", intro: "Solicitamos la capacitación; el proveedor hará validación de documentos.",
                         missing: ["f521"], source: #line),
            ConditionRow(name: "all of them", intro: "Solicitamos la capacitación de la nueva convocatoria del fondo condonable. El proveedor realizará la revisión documental de las postulaciones.",
                         missing: ["condiciones_condonacion", "f521", "reglamento", "terminos"], source: #line),
            ConditionRow(name: "words only in the TEST questions of the body", intro: "Solicitamos la capacitación del nuevo programa del fondo.",
                         testQuestions: Self.conditionQuestions, missing: [], source: #line),
            ConditionRow(name: "words only in the test document", intro: "Solicitamos la capacitación del nuevo programa del fondo.",
                         testAttachment: Self.conditionQuestions, missing: [], source: #line),
            ConditionRow(name: "words only in the quoted earlier mail", intro: "Solicitamos la capacitación del nuevo programa del fondo.",
                         quoted: """
                         ________________________________
                         De: Jorge Ruiz <jruiz@icetex.gov.co>
                         Enviado: lunes, 9 de febrero de 2026 10:00
                         Para: Ana María Pérez <amperez@icetex.gov.co>
                         Asunto: Convocatoria

                         Recuerda que la convocatoria es condonable y el proveedor hará la revisión documental.
                         """, missing: [], source: #line),
        ]
        for row in rows {
            for layout in ["Label: value lines", "Outlook table as text", "Outlook HTML table only"] {
                var mail = try fondos(row)
                if layout != "Label: value lines" { mail.fieldStyle = .tab }
                mail.htmlOnly = layout == "Outlook HTML table only"
                let inspection = mail.inspect()
                let name = "\(row.name) (\(layout))"
                XCTAssertEqual(inspection.area, "fondos", name, line: row.source)
                XCTAssertEqual(inspection.kind, "nuevo", name, line: row.source)
                XCTAssertEqual(inspection.questions, 5, name, line: row.source)
                XCTAssertEqual(inspection.missing, row.missing, name, line: row.source)
            }
        }
    }

    func testConditionalItemsOfCreditAndScholarships() throws {
        let rows: [(name: String, signature: String, intro: String, missing: [String], source: UInt)] = [
            ("becas without legalización", B.becasSignature, "Solicitamos la capacitación del programa de becas.", [], #line),
            ("becas with legalización", B.becasSignature, "Solicitamos la capacitación del programa de becas, incluida la legalización.",
             ["manual_legalizacion"], #line),
            ("becas condonable", B.becasSignature, "Solicitamos la capacitación de las becas condonables.", ["condiciones_condonacion"], #line),
            ("crédito without condonación", B.creditoSignature, "Solicitamos la capacitación de la nueva línea de crédito.", [], #line),
            ("crédito with condonación", B.creditoSignature, "Solicitamos la capacitación de la nueva línea de crédito con condonación por graduación.",
             ["condiciones_condonacion"], #line),
        ]
        for row in rows {
            var mail = RequestMailBuilder()
            mail.intro = row.intro
            mail.signature = row.signature
            mail.fields = [("FECHA DE SALIDA A PRODUCCIÓN", "15/06/2026")]
            mail.attachments = [
                try B.pptx("Presentación.pptx", titles: ["Programa"]),
                try B.testDocx(),
                try B.docx("Plantillas de respuesta.docx"),
                B.pdf("Condiciones de aplicación.pdf", title: nil, text: "Anexo"),
                try B.xlsx("Cronograma.xlsx", rows: [["Etapa", "Fecha"]]),
                try B.docx("Procedimiento de atención.docx"),
                B.pdf("Condiciones de legalización.pdf", title: nil, text: "Anexo"),
                B.pdf("Renovación.pdf", title: nil, text: "Anexo"),
            ]
            let inspection = mail.inspect()
            XCTAssertEqual(inspection.kind, "nuevo", row.name, line: row.source)
            XCTAssertEqual(inspection.missing, row.missing, row.name, line: row.source)
        }
    }
}
