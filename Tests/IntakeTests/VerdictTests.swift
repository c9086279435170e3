import Foundation
import MIME
import XCTest
@testable import Intake

/// The verdict as a whole: viable exactly when nothing is missing and every deadline is met,
/// the reply and plan that follow, the observations in Spanish, the test minimum per topic, a
/// missing production date; and what feeds the request in replies, forwards and quoted mails.
final class VerdictTests: XCTestCase {
    typealias B = RequestMailBuilder

    static func fondos(_ change: (inout RequestMailBuilder) throws -> Void = { _ in }) throws -> RequestMailBuilder {
        var mail = try B.fondosCompleto()
        try change(&mail)
        return mail
    }

    static func setField(_ label: String, _ value: String?, in mail: inout RequestMailBuilder) {
        if let index = mail.fields.firstIndex(where: { $0.0 == label }) {
            if let value { mail.fields[index].1 = value } else { mail.fields.remove(at: index) }
        } else if let value {
            mail.fields.append((label, value))
        }
    }

    static func dropAttachment(_ prefix: String, from mail: inout RequestMailBuilder) {
        mail.attachments.removeAll { $0.filename.hasPrefix(prefix) }
    }

    // MARK: Viability, reply and plan

    func testViableExactlyWhenNothingMissingAndEveryDeadlineMet() throws {
        let rows: [(name: String, mail: RequestMailBuilder, missing: [String], late: Int, source: UInt)] = [
            ("complete and on time", try Self.fondos(), [], 0, #line),
            ("complete, with the HTML table alternative", try Self.fondos { $0.html = true; $0.signatureLogo = true }, [], 0, #line),
            ("complete, HTML body only", try Self.fondos { $0.htmlOnly = true }, [], 0, #line),
            ("complete but late", try Self.fondos { $0.date = B.instant("2026-04-20T09:00:00-05:00") }, [], 1, #line),
            ("one item missing, on time", try Self.fondos { Self.dropAttachment("Reglamento", from: &$0) }, ["reglamento"], 0, #line),
            ("items missing and late", try Self.fondos {
                Self.dropAttachment("Reglamento", from: &$0)
                Self.dropAttachment("F521", from: &$0)
                $0.date = B.instant("2026-06-05T09:00:00-05:00")
            }, ["f521", "reglamento"], 2, #line),
            ("no production date", try Self.fondos { Self.setField("FECHA DE SALIDA A PRODUCCIÓN", nil, in: &$0) },
             ["fecha_produccion"], 0, #line),
        ]
        for row in rows {
            let inspection = row.mail.inspect()
            let deadlines = inspection.deadlines ?? []
            let viable = row.missing.isEmpty && row.late == 0
            XCTAssertEqual(inspection.missing, row.missing, row.name, line: row.source)
            XCTAssertEqual(deadlines.filter { !$0.met }.count, row.late, row.name, line: row.source)
            XCTAssertEqual(inspection.viable, viable, row.name, line: row.source)
            XCTAssertEqual(inspection.viable, inspection.missing == [] && deadlines.allSatisfy(\.met), row.name, line: row.source)
            XCTAssertEqual(inspection.reply, viable ? "aprobacion" : "observaciones", row.name, line: row.source)
            if viable { XCTAssertNotNil(inspection.plan, row.name, line: row.source) }
            XCTAssertEqual(inspection.observations?.isEmpty, viable, row.name, line: row.source)
            XCTAssertNil(inspection.skipReason, row.name, line: row.source)
        }
    }

    /// The plan of a viable request counts from its request day.
    func testPlanStartsTheDayAfterTheRequest() throws {
        let plan = try XCTUnwrap(try Self.fondos().inspect().plan)
        XCTAssertEqual(plan.requestDay, day("2026-02-16"))
        XCTAssertEqual(plan.activities.first?.id, "analisis_aseguramiento")
        XCTAssertEqual(plan.activities.first?.start, day("2026-02-17"))
        XCTAssertGreaterThanOrEqual(plan.plannedProductionDate, plan.earliestProductionDate)
    }

    // MARK: Observations

    func testObservationTexts() throws {
        let rows: [(name: String, mail: RequestMailBuilder, observations: [String], source: UInt)] = [
            ("conditional item: why and by when", try Self.fondos { Self.dropAttachment("Reglamento", from: &$0) }, [
                "Falta: Reglamento Operativo del Fondo (obligatorio por tratarse de una convocatoria), material mínimo del numeral 4.1.1 a del procedimiento M5-1-21. Por favor envíelo respondiendo a este correo a más tardar el viernes 29 de mayo de 2026.",
            ], #line),
            ("unconditional item", try Self.fondos { Self.dropAttachment("Presentación", from: &$0) }, [
                "Falta: Presentación de la capacitación (PowerPoint) con preguntas frecuentes o escenarios no recurrentes, material mínimo del numeral 4.1.1 a del procedimiento M5-1-21. Por favor envíela respondiendo a este correo a más tardar el viernes 29 de mayo de 2026.",
            ], #line),
            ("no production date: no due date to give", try Self.fondos {
                Self.setField("FECHA DE SALIDA A PRODUCCIÓN", nil, in: &$0)
                Self.dropAttachment("F521", from: &$0)
            }, [
                "No encontramos la fecha de salida a producción (numeral 4.2.1). Por favor indíquela en el campo FECHA DE SALIDA A PRODUCCIÓN (por ejemplo, 15/03/2026).",
                "Falta: Formato Revisión Documental F521 (obligatorio porque el proveedor hará la revisión o validación documental), material mínimo del numeral 4.1.1 a del procedimiento M5-1-21. Por favor envíelo respondiendo a este correo.",
            ], #line),
            ("short test", try Self.fondos {
                Self.dropAttachment("Test", from: &$0)
                $0.attachments.append(try B.testDocx(questions: Array(B.fiveQuestions.prefix(4))))
                Self.setField("TEST", "Adjunto", in: &$0)
            }, [
                "El test tiene 4 preguntas para 1 tema; el numeral 4.2.1 pide al menos 5 preguntas por tema (5 en total). Por favor complete el test a más tardar el viernes 29 de mayo de 2026.",
            ], #line),
        ]
        for row in rows {
            let inspection = row.mail.inspect()
            XCTAssertEqual(inspection.observations, row.observations, row.name, line: row.source)
            XCTAssertEqual(inspection.reply, "observaciones", row.name, line: row.source)
        }
    }

    // MARK: Test minimum per topic

    func testInsufficientTestPerTopic() throws {
        func questions(_ n: Int, _ topic: String) -> [String] {
            (1...n).map { "¿Pregunta \($0) sobre \(topic)?" }
        }
        let rows: [(name: String, temas: String?, test: RequestMailBuilder.Attachment, testField: String,
                    questions: Int, topics: Int, short: Bool, source: UInt)] = [
            ("one topic, five questions", nil, try B.testDocx(), "Adjunto", 5, 1, false, #line),
            ("one topic, four questions", nil, try B.testDocx(questions: questions(4, "el fondo")), "Adjunto", 4, 1, true, #line),
            ("two TEMAS, six questions", "Legalización; Renovación", try B.testDocx(questions: questions(6, "el fondo")), "Adjunto",
             6, 2, true, #line),
            ("two TEMAS, ten questions", "Legalización; Renovación", try B.testDocx(questions: questions(10, "el fondo")), "Adjunto",
             10, 2, false, #line),
            ("three TEMAS as a list, ten questions", "\n- Postulación\n- Legalización\n- Renovación",
             try B.testDocx(questions: questions(10, "el fondo")), "Adjunto", 10, 3, true, #line),
            ("topic headings, 7 + 3: ten in total but one topic short", nil,
             try B.docx("Test.docx", paragraphs: ["Tema 1: Legalización"] + questions(7, "legalización").map { "- " + $0 }
                 + ["Tema 2: Renovación"] + questions(3, "renovación").map { "- " + $0 }), "Adjunto", 10, 2, true, #line),
            ("topic headings, 5 + 5", nil,
             try B.docx("Test.docx", paragraphs: ["Tema 1: Legalización"] + questions(5, "legalización").map { "- " + $0 }
                 + ["Tema 2: Renovación"] + questions(5, "renovación").map { "- " + $0 }), "Adjunto", 10, 2, false, #line),
            ("spreadsheet Tema column, 5 + 4", nil,
             try B.xlsx("Banco de preguntas.xlsx", rows: [["Tema", "Pregunta", "Respuesta"]]
                 + questions(5, "legalización").map { ["Legalización", $0, "a"] }
                 + questions(4, "renovación").map { ["Renovación", $0, "b"] }), "Adjunto", 9, 2, true, #line),
            ("unreadable test, six declared", nil, B.pdf("Test.pdf", title: nil, text: "Ver formulario en línea"),
             "Adjunto, 6 preguntas", 6, 1, false, #line),
            ("unreadable test, three declared", nil, B.pdf("Test.pdf", title: nil, text: "Ver formulario en línea"),
             "Adjunto, 3 preguntas", 3, 1, true, #line),
        ]
        for row in rows {
            let mail = try Self.fondos {
                Self.dropAttachment("Test", from: &$0)
                $0.attachments.append(row.test)
                Self.setField("TEST", row.testField, in: &$0)
                if let temas = row.temas { $0.fieldStyle = .colon; Self.setField("TEMAS", temas, in: &$0) }
            }
            let inspection = mail.inspect()
            XCTAssertEqual(inspection.questions, row.questions, row.name, line: row.source)
            XCTAssertEqual(inspection.topics, row.topics, row.name, line: row.source)
            XCTAssertEqual(inspection.missing, row.short ? ["test_insuficiente"] : [], row.name, line: row.source)
            XCTAssertEqual(inspection.viable, !row.short, row.name, line: row.source)
        }
    }

    // MARK: Production date

    func testMissingProductionDate() throws {
        let rows: [(name: String, fields: [(String, String)], production: String?, training: String?, deadlines: Int, source: UInt)] = [
            ("no date at all", [], nil, nil, 0, #line),
            ("training date only: deadlines from it, production still asked", [("FECHA DE CAPACITACIÓN", "20/05/2026")],
             nil, "2026-05-20", 2, #line),
            ("a date that is not one", [("FECHA DE SALIDA A PRODUCCIÓN", "por definir")], nil, nil, 0, #line),
            ("production date in prose", [("Nota", "La convocatoria abre el 15 de junio de 2026.")], "2026-06-15", nil, 2, #line),
        ]
        for row in rows {
            let mail = try Self.fondos {
                Self.setField("FECHA DE SALIDA A PRODUCCIÓN", nil, in: &$0)
                $0.fields += row.fields
            }
            let inspection = mail.inspect()
            XCTAssertEqual(inspection.productionDate, row.production, row.name, line: row.source)
            XCTAssertEqual(inspection.trainingDate, row.training, row.name, line: row.source)
            XCTAssertEqual(inspection.missing?.contains("fecha_produccion"), row.production == nil, row.name, line: row.source)
            XCTAssertEqual(inspection.deadlines?.count, row.deadlines, row.name, line: row.source)
            XCTAssertEqual(inspection.viable, row.production != nil, row.name, line: row.source)
        }
    }

    // MARK: Replies, forwards, quoted mails

    func testTopicFromTheSubjectWithoutClientPrefixes() {
        let rows: [(subject: String, topic: String, source: UInt)] = [
            ("Capacitación Becas Colombia-Francia 2026", "Capacitación Becas Colombia-Francia 2026", #line),
            ("RE: Capacitación Becas Colombia-Francia 2026", "Capacitación Becas Colombia-Francia 2026", #line),
            ("RV: Capacitación Becas Colombia-Francia 2026", "Capacitación Becas Colombia-Francia 2026", #line),
            ("RE: RV: Capacitación Becas Colombia-Francia 2026", "Capacitación Becas Colombia-Francia 2026", #line),
            ("Fwd: Capacitación Becas Colombia-Francia 2026", "Capacitación Becas Colombia-Francia 2026", #line),
            ("re: rv:Capacitación Becas Colombia-Francia 2026", "Capacitación Becas Colombia-Francia 2026", #line),
            ("RE: [OCM-2026-0004] Capacitación Becas Colombia-Francia 2026", "Capacitación Becas Colombia-Francia 2026", #line),
        ]
        for row in rows {
            var mail = RequestMailBuilder()
            mail.subject = row.subject
            mail.intro = "Solicitamos la capacitación del programa de becas."
            mail.signature = B.becasSignature
            mail.fields = [("FECHA DE SALIDA A PRODUCCIÓN", "20/05/2026")]
            let inspection = mail.inspect()
            XCTAssertEqual(inspection.subject, row.subject, line: row.source)
            XCTAssertEqual(inspection.topic, row.topic, row.subject, line: row.source)
            XCTAssertEqual(inspection.area, "becas", row.subject, line: row.source)
        }
    }

    /// Outlook's "Reenviar como datos adjuntos": the request is read from the attached message,
    /// the screening and the request day from the mail that reached OCM.
    func testRequestForwardedAsAttachedMessage() throws {
        let original = try Self.fondos { $0.date = B.instant("2026-02-10T09:00:00-05:00") }
        var forward = RequestMailBuilder()
        forward.from = "jefe.fondos@icetex.gov.co"
        forward.fromName = "Jefe Fondos"
        forward.subject = "RV: " + original.subject
        forward.intro = "Buenos días, les reenvío la solicitud de Ana."
        forward.signature = "Saludos,\n\nJefe"
        forward.date = B.instant("2026-02-16T09:00:00-05:00")
        forward.forwarded = [original]

        let rows: [(name: String, change: (inout RequestMailBuilder) -> Void, missing: [String], reason: String?, attachments: Int, source: UInt)] = [
            ("the attached request, complete", { _ in }, [], nil, 8, #line),
            ("the attached request lacks an item", { $0.forwarded[0].attachments.removeAll { $0.filename.hasPrefix("Reglamento") } },
             ["reglamento"], nil, 7, #line),
            ("the forwarder attaches the missing item", {
                $0.forwarded[0].attachments.removeAll { $0.filename.hasPrefix("Reglamento") }
                $0.attachments = [B.pdf("Reglamento Operativo.pdf", title: nil, text: "Anexo")]
            }, [], nil, 8, #line),
            ("forwarded from outside ICETEX", { $0.from = "alguien@gmail.com" }, [], "sender_not_allowed", 0, #line),
        ]
        for row in rows {
            var mail = forward
            row.change(&mail)
            let inspection = mail.inspect()
            XCTAssertEqual(inspection.skipReason, row.reason, row.name, line: row.source)
            guard row.reason == nil else { continue }
            XCTAssertEqual(inspection.area, "fondos", row.name, line: row.source)
            XCTAssertEqual(inspection.kind, "nuevo", row.name, line: row.source)
            XCTAssertEqual(inspection.topic, "Condonación Fondos en Administración - Comunidades Negras", row.name, line: row.source)
            XCTAssertEqual(inspection.productionDate, "2026-06-15", row.name, line: row.source)
            XCTAssertEqual(inspection.questions, 5, row.name, line: row.source)
            XCTAssertEqual(inspection.attachments.count, row.attachments, row.name, line: row.source)
            XCTAssertEqual(inspection.missing, row.missing, row.name, line: row.source)
            if row.missing.isEmpty {
                XCTAssertEqual(inspection.plan?.requestDay, day("2026-02-16"), row.name, line: row.source)
            }
        }
    }

    /// "RV:" with the request pasted below Outlook's header block: the forwarded body is the
    /// request, its header block is not.
    func testRequestForwardedInline() throws {
        var mail = try Self.fondos()
        let original = mail.plainText
        mail.from = "jefe.fondos@icetex.gov.co"
        mail.subject = "RV: " + mail.subject
        mail.intro = "Les reenvío la solicitud."
        mail.fields = []
        mail.signature = nil
        mail.quoted = """
        ________________________________
        De: Ana María Pérez <amperez@icetex.gov.co>
        Enviado: lunes, 9 de febrero de 2026 10:00
        Para: Jefe Fondos <jefe.fondos@icetex.gov.co>
        Asunto: Solicitud capacitación

        \(original)
        """
        let inspection = mail.inspect()
        XCTAssertEqual(inspection.productionDate, "2026-06-15")
        XCTAssertEqual(inspection.area, "fondos")
        XCTAssertEqual(inspection.topic, "Condonación Fondos en Administración - Comunidades Negras")
        XCTAssertEqual(inspection.missing, [])
        XCTAssertEqual(inspection.viable, true)
    }

    /// A reply to our observations quotes the original request below: the quoted fields are
    /// not the reply's (the ledger joins the reply to its request; alone it has no date).
    func testQuotedEarlierMailDoesNotFeedFields() throws {
        let original = try Self.fondos()
        let quotedBlocks: [(name: String, text: String, source: UInt)] = [
            ("Outlook header block", """
             ________________________________
             De: Ana María Pérez <amperez@icetex.gov.co>
             Enviado: lunes, 16 de febrero de 2026 9:12
             Para: aseguramientoocm@icetex.gov.co
             Asunto: Solicitud capacitación

             \(original.plainText)
             """, #line),
            ("-----Mensaje original-----", "-----Mensaje original-----\nDe: Ana María Pérez\n\n" + original.plainText, #line),
            ("Gmail attribution", "El lun, 16 feb 2026 a las 9:12, Ana María Pérez (<amperez@icetex.gov.co>) escribió:\n"
                + original.plainText, #line),
            ("> quoting", original.plainText.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }
                .joined(separator: "\n"), #line),
        ]
        for block in quotedBlocks {
            var reply = RequestMailBuilder()
            reply.subject = "RE: [OCM-2026-0001] Observaciones a su solicitud"
            reply.intro = "Buenos días, adjunto el reglamento que faltaba."
            reply.signature = B.fondosSignature
            reply.quoted = block.text
            reply.attachments = [B.pdf("Reglamento Operativo.pdf", title: nil, text: "Anexo")]
            let inspection = reply.inspect()
            XCTAssertNil(inspection.productionDate, block.name, line: block.source)
            XCTAssertNil(inspection.questions, block.name, line: block.source)
            XCTAssertEqual(inspection.topic, "Observaciones a su solicitud", block.name, line: block.source)
            XCTAssertEqual(inspection.area, "fondos", block.name, line: block.source)
            XCTAssertEqual(inspection.missing?.contains("fecha_produccion"), true, block.name, line: block.source)
            XCTAssertEqual(inspection.missing?.contains("test"), true, block.name, line: block.source)
            // The quoted request said convocatoria, condonable and revisión documental; the reply does not.
            XCTAssertEqual(inspection.missing?.contains("f521"), false, block.name, line: block.source)
        }
    }

    /// Outlook's signature logo is part of the body, not an attachment, and never material.
    func testSignatureImageIsNotMaterial() throws {
        let plain = try Self.fondos().inspect()
        let withLogo = try Self.fondos { $0.html = true; $0.signatureLogo = true }.inspect()
        XCTAssertEqual(withLogo.attachments, plain.attachments)
        XCTAssertFalse(withLogo.attachments.contains { $0.filename == "image001.png" })

        // Some clients attach the logo as a file: listed, but not material, changing nothing.
        let attachedLogo = try Self.fondos {
            Self.dropAttachment("Presentación", from: &$0)
            $0.attachments.append(B.png("image001.png"))
        }.inspect()
        XCTAssertEqual(attachedLogo.attachments.last?.filename, "image001.png")
        XCTAssertNil(attachedLogo.attachments.last?.category)
        XCTAssertEqual(attachedLogo.missing, ["presentacion"])
    }
}
