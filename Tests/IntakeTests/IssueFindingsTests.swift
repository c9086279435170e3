import Foundation
import XCTest
@testable import Intake

/// One mail per finding of issue 9 ("The reply an OCM professional would write"), written from
/// the finding's description, with the verdict an OCM professional gives it by the seed.
final class IssueFindingsTests: XCTestCase {
    typealias B = RequestMailBuilder

    static func actualizacion(_ intro: String, fields: [(String, String)], date: String) throws -> B {
        var mail = try B.fondosCompleto()
        mail.intro = intro
        mail.fields = fields
        mail.date = B.instant(date)
        mail.attachments = [
            try B.pptx("Presentación cambios.pptx", titles: ["Cambios"]), try B.docx("Procedimiento actualizado.docx"),
            try B.xlsx("Lista de chequeo.xlsx", rows: [["Documento"]]), try B.testDocx(),
            B.pdf("Reglamento Operativo.pdf", title: nil, text: "Anexo"), B.pdf("Términos de referencia.pdf", title: nil, text: "Anexo"),
        ]
        return mail
    }

    /// 1: the plan is scheduled against the area's date; support "si aplica" only when needed.
    func testFinding1PlanAgainstTheAreasDate() throws {
        let inspection = try B.fondosCompleto().inspect()
        XCTAssertEqual(inspection.viable, true)
        let plan = try XCTUnwrap(inspection.plan)
        XCTAssertEqual(plan.productionDate?.description, "2026-06-15")
        XCTAssertEqual(plan.achievable, true)
        XCTAssertEqual(Set(plan.unscheduled.map(\.id)), ["tipificacion_crm", "poblamiento_bases", "transferencia_segura", "adecuaciones_tecnologicas"])
        let calendar = BusinessCalendar()
        for activity in plan.activities {
            XCTAssertTrue(calendar.isBusinessDay(activity.earliestEnd) && calendar.isBusinessDay(activity.latestEnd), activity.id)
            let latest = try XCTUnwrap(activity.latestFinish, activity.id)
            XCTAssertTrue(calendar.isBusinessDay(latest), activity.id)
            XCTAssertLessThan(latest, try XCTUnwrap(plan.productionDate), activity.id)
        }
        // The Formación step ends on the latest training day, close to the opening, not in March.
        let formation = try XCTUnwrap(plan.activities.first { $0.id == "formacion_proveedor" })
        XCTAssertEqual(formation.latestFinish, plan.trainingWindow.latest)
        XCTAssertGreaterThan(try XCTUnwrap(formation.latestFinish), try XCTUnwrap(CivilDate("2026-05-31")))
    }

    /// 1: a reinforcement on time for its 10 business days, whose date the 4.1 chain cannot reach.
    func testFinding1PlanThatCannotReachTheDate() throws {
        let mail = try Self.actualizacion(
            "Solicitamos capacitación por ajustes al proceso de legalización del fondo.",
            fields: [("ASUNTO DEL CORREO", "Ajustes legalización"), ("FECHA DE SALIDA A PRODUCCIÓN", "27/03/2026"),
                     ("FECHA DE CAPACITACIÓN", "20/03/2026"), ("TEST", "Adjunto, 5 preguntas")],
            date: "2026-03-02T09:00:00-05:00")
        let inspection = mail.inspect()
        XCTAssertEqual(inspection.kind, "actualizacion")
        XCTAssertEqual(inspection.deadlines?.map(\.met), [true], "10 business days before 20 Mar")
        let plan = try XCTUnwrap(inspection.plan)
        XCTAssertEqual(plan.achievable, false)
        XCTAssertEqual(plan.shortfall?.activity, "analisis_aseguramiento")
        XCTAssertGreaterThan(plan.shortfall?.businessDays ?? 0, 0)
        XCTAssertGreaterThan(plan.earliestProductionDate, try XCTUnwrap(CivilDate("2026-03-27")))
    }

    /// 2: "ajustes al proceso" of a Fondos product is 4.1.1 b; "nueva convocatoria … modificación
    /// del reglamento" is 4.1.1 a (rules.yaml kind_precedence).
    func testFinding2Kinds() throws {
        var ajustes = try B.fondosCompleto()
        ajustes.intro = "Buenos días, solicitamos capacitación por unos ajustes al proceso de renovación del fondo."
        XCTAssertEqual(ajustes.inspect().kind, "actualizacion")
        XCTAssertEqual(ajustes.inspect().deadlines?.map(\.rule), ["actualizacion_material_10_dias_habiles"])
        var mixed = try B.fondosCompleto()
        mixed.intro = "Buenos días, solicitamos la capacitación de la nueva convocatoria del fondo, que trae una modificación del reglamento."
        XCTAssertEqual(mixed.inspect().kind, "nuevo")
        var cambios = try B.fondosCompleto()
        cambios.intro = "Buenos días, hubo cambios en la forma de radicar las solicitudes del fondo."
        XCTAssertEqual(cambios.inspect().kind, "actualizacion")
    }

    /// 4: the training date in prose counts: 15 calendar days of 4.1.1 c fail for a session on
    /// Wednesday 20 May asked on 11 May.
    func testFinding4TrainingDateInProse() throws {
        var mail = B()
        mail.subject = "Capacitación nuevo canal de atención"
        mail.intro = "Buenos días, desde OCM necesitamos capacitar al proveedor en el nuevo canal de atención. La sesión la tenemos prevista para el miércoles 20 de mayo."
        mail.fields = [("FECHA DE SALIDA A PRODUCCIÓN", "01/06/2026"), ("TEST", "Adjunto, 5 preguntas")]
        mail.signature = B.ocmSignature
        mail.attachments = [try B.pptx("Presentación canal.pptx", titles: ["Canal"]), try B.testDocx()]
        mail.date = B.instant("2026-05-11T09:00:00-05:00")
        let inspection = mail.inspect()
        XCTAssertEqual(inspection.kind, "ocm")
        XCTAssertEqual(inspection.trainingDate, "2026-05-20")
        XCTAssertEqual(inspection.deadlines?.map(\.met), [false])
        XCTAssertEqual(inspection.viable, false)
        XCTAssertEqual(inspection.reply, "observaciones")
        // "el próximo martes" with no date written: the next Tuesday after the mail.
        mail.intro = "Buenos días, desde OCM necesitamos capacitar al proveedor. La capacitación sería el próximo martes."
        XCTAssertEqual(mail.inspect().trainingDate, "2026-05-12")
        // A session on a Saturday is asked to move to a business day.
        mail.intro = "Buenos días, desde OCM necesitamos capacitar al proveedor. La capacitación sería el sábado 30 de mayo de 2026."
        let saturday = mail.inspect()
        XCTAssertEqual(saturday.trainingDate, "2026-05-30")
        XCTAssertTrue(saturday.missing?.contains("fecha_capacitacion") == true)
        XCTAssertTrue(saturday.observations?.contains { $0.contains("no es un día hábil") && $0.contains("viernes 29 de mayo de 2026") } == true)
    }

    /// 5: Nota 2 by meaning ("la Junta Administradora"), with its real 5 days in the deadline.
    func testFinding5Nota2ByMeaning() throws {
        var mail = try B.fondosCompleto()
        mail.intro += " La apertura depende de la decisión de la Junta Administradora del fondo."
        mail.date = B.instant("2026-06-10T09:00:00-05:00")
        let inspection = mail.inspect()
        let material = try XCTUnwrap(inspection.deadlines?.first { $0.rule == "nuevo_material_15_dias_calendario" })
        XCTAssertEqual(material.days, 5)
        XCTAssertEqual(material.met, true)
        XCTAssertEqual(material.due, "2026-06-10")
    }

    /// 6: a reinforcement whose production date "no aplica (proceso vigente)": accepted, and the
    /// training date carries the rule.
    func testFinding6NoProductionDateForAReinforcement() throws {
        let mail = try Self.actualizacion(
            "Solicitamos un refuerzo focalizado sobre el procedimiento de legalización.",
            fields: [("ASUNTO DEL CORREO", "Refuerzo legalización"), ("FECHA DE SALIDA A PRODUCCIÓN", "No aplica (proceso vigente)"),
                     ("FECHA DE CAPACITACIÓN", "13/04/2026"), ("TEST", "Adjunto, 5 preguntas")],
            date: "2026-03-26T09:00:00-05:00")
        let inspection = mail.inspect()
        XCTAssertEqual(inspection.kind, "refuerzo")
        XCTAssertNil(inspection.productionDate)
        XCTAssertEqual(inspection.missing, [])
        XCTAssertEqual(inspection.deadlines?.map(\.due), ["2026-03-26"])
        XCTAssertEqual(inspection.viable, true)
        // Without the training date either, the area is asked for it, not for a production date.
        var none = mail
        none.fields.removeAll { $0.0 == "FECHA DE CAPACITACIÓN" }
        XCTAssertEqual(none.inspect().missing, ["fecha_capacitacion"])
    }

    /// 7: dates on business days, a past deadline said as past, numerals of 4.1.1, gender and number.
    func testFinding7ReplyWording() throws {
        var mail = try B.fondosCompleto()
        mail.attachments.removeAll { $0.filename.hasPrefix("Presentación") || $0.filename.hasPrefix("Términos") }
        mail.date = B.instant("2026-06-01T09:00:00-05:00")
        let observations = try XCTUnwrap(mail.inspect().observations)
        let presentation = try XCTUnwrap(observations.first { $0.contains("Presentación de la capacitación") })
        XCTAssertTrue(presentation.contains("numeral 4.1.1 a"), presentation)
        XCTAssertTrue(presentation.contains("envíela lo antes posible"), presentation)
        XCTAssertTrue(presentation.contains("ya venció"), presentation)
        XCTAssertFalse(presentation.contains("mayo"), "no deadline in the past: \(presentation)")
        let terms = try XCTUnwrap(observations.first { $0.contains("Términos de la convocatoria") })
        XCTAssertTrue(terms.contains("(obligatorios por tratarse de una convocatoria)"), terms)
        XCTAssertTrue(terms.contains("envíelos"), terms)
        // On time: the due day 15 Jun − 15 = Sun 31 May is shown as Friday 29 May.
        mail.date = B.instant("2026-05-04T09:00:00-05:00")
        let onTime = try XCTUnwrap(mail.inspect().observations?.first { $0.contains("Presentación de la capacitación") })
        XCTAssertTrue(onTime.contains("a más tardar el viernes 29 de mayo de 2026"), onTime)
    }

    /// 3: a test laid out as "Pregunta N" slides inside the presentation is read and counted;
    /// a count declared in the body without any test file is an observation.
    func testFinding3TestsInsideAPresentation() throws {
        var mail = try B.fondosCompleto()
        mail.attachments.removeAll { $0.filename.hasPrefix("Test") || $0.filename.hasPrefix("Presentación") }
        let questions = (1...6).map { OfficeFixture.Slide(title: "Pregunta \($0)", texts: ["¿Cuál es el requisito \($0)?", "a) Cédula", "b) Diploma", "c) Ninguno"]) }
        let deck = try OfficeFixture.pptx([OfficeFixture.Slide(title: "Fondo Comunidades Negras", texts: ["Condiciones"]),
                                           OfficeFixture.Slide(title: "Preguntas frecuentes", texts: ["¿Qué pasa si no me postulo?"])] + questions)
        mail.attachments.append(B.Attachment(filename: "Capacitación Fondo.pptx", contentType: B.pptxType, data: deck))
        mail.fields = mail.fields.map { $0.0 == "TEST" ? ("TEST", "Incluido en la presentación") : $0 }
        let inspection = mail.inspect()
        XCTAssertEqual(inspection.questions, 6)
        XCTAssertEqual(inspection.attachments.first { $0.filename == "Capacitación Fondo.pptx" }?.category, "presentacion")
        XCTAssertEqual(inspection.missing, [])
        XCTAssertEqual(inspection.viable, true)

        var declared = try B.fondosCompleto()
        declared.attachments.removeAll { $0.filename.hasPrefix("Test") }
        declared.fields = declared.fields.map { $0.0 == "TEST" ? ("TEST", "Adjunto, 6 preguntas") : $0 }
        let missing = declared.inspect()
        XCTAssertEqual(missing.missing, ["test"])
        XCTAssertEqual(missing.viable, false)
        XCTAssertTrue(missing.observations?.contains { $0.contains("no encontramos el test adjunto") } == true, "\(missing.observations ?? [])")
    }

    /// 2: a mail whose area and kind cannot be decided is never approved: revision-manual.
    func testFinding2UndecidedAreaOrKindGoesToManualReview() throws {
        var mail = B()
        mail.subject = "Capacitación asesores"
        mail.intro = "Buenos días, necesitamos capacitar a los asesores del proveedor en el nuevo esquema de atención presencial."
        mail.fields = [("FECHA DE SALIDA A PRODUCCIÓN", "01/09/2026"), ("TEST", "Adjunto, 5 preguntas")]
        mail.signature = B.neutralSignature
        mail.attachments = [try B.testDocx()]
        let inspection = mail.inspect()
        XCTAssertEqual(inspection.area, "otra")
        XCTAssertEqual(inspection.kind, "otro")
        XCTAssertEqual(inspection.viable, false)
        XCTAssertEqual(inspection.reply, "revision-manual")
        XCTAssertEqual(inspection.undecided, ["el área solicitante", "el tipo de solicitud (numeral 4.1.1)"])
    }

    /// 7: the 4.2.1 table laid out horizontally puts its header row in ASUNTO: the topic comes
    /// from the subject; observations propose the 5.2.4 work table.
    func testFinding7TopicFromTheSubjectAndWorkTable() throws {
        var mail = try B.fondosCompleto()
        mail.fields = mail.fields.map { $0.0 == "ASUNTO DEL CORREO" ? ("ASUNTO DEL CORREO", "FECHA DE SALIDA A PRODUCCIÓN: MATERIAL DE APOYO: TEST") : $0 }
        mail.subject = "Capacitación Fondo Comunidades Negras 2026-2"
        XCTAssertEqual(mail.inspect().topic, "Capacitación Fondo Comunidades Negras 2026-2")
        mail.attachments.removeAll { $0.filename.hasPrefix("Presentación") }
        // Mon 16 Feb + 3 business days = Thu 19 Feb.
        XCTAssertEqual(mail.inspect().workTableDate, "2026-02-19")
        XCTAssertNil(try B.fondosCompleto().inspect().workTableDate, "a viable request needs no work table")
    }
}
