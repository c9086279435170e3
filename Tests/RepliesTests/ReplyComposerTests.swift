import Foundation
import Intake
import MIME
import XCTest
@testable import Replies

/// Rendered replies: golden mails byte for byte, the header contract of design.md, threading,
/// a stable Message-ID, and values from the incoming mail that cannot add a header.
final class ReplyComposerTests: XCTestCase {
    var composer: ReplyComposer!

    override func setUpWithError() throws {
        composer = try RepliesFixture.composer()
    }

    // MARK: golden mails

    func testGoldenObservations() {
        assertGolden(composer.compose(RepliesFixture.observationsContext()).raw, "observaciones")
    }

    func testGoldenApproval() throws {
        assertGolden(composer.compose(try RepliesFixture.approvalContext()).raw, "aprobacion")
    }

    func testGoldenUnreadable() {
        assertGolden(composer.compose(RepliesFixture.unreadableContext()).raw, "ilegible")
    }

    // MARK: header contract

    func testHeadersInOrderAndThreaded() throws {
        let reply = composer.compose(RepliesFixture.observationsContext())
        let parsed = MessageParser.parse(reply.raw)
        XCTAssertEqual(parsed.headers.fields.map(\.name), [
            "From", "To", "Cc", "Subject", "Date", "Message-ID", "In-Reply-To", "References", "Auto-Submitted",
            "X-Auto-Response-Suppress", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
        ])
        XCTAssertEqual(parsed.from, RepliesFixture.ocm)
        XCTAssertEqual(parsed.to, [RepliesFixture.ana])
        XCTAssertEqual(parsed.cc, [RepliesFixture.formacion])
        XCTAssertEqual(parsed.subject, "[OCM-2026-0001] Observaciones a su solicitud: condonación Fondos en Administración - Comunidades negras")
        XCTAssertEqual(reply.subject, parsed.subject)
        XCTAssertEqual(parsed.messageID, "<OCM-2026-0001.r1.observaciones@ocm.icetex.gov.co>")
        XCTAssertEqual(reply.messageID, parsed.messageID)
        XCTAssertEqual(parsed.inReplyTo, "<CAK7x2=fondos.0216@mail.icetex.gov.co>")
        XCTAssertEqual(parsed.references, ["<inicio.0210@mail.icetex.gov.co>", "<CAK7x2=fondos.0216@mail.icetex.gov.co>"])
        XCTAssertEqual(parsed.headers["Auto-Submitted"]?.text, "auto-replied")
        XCTAssertEqual(parsed.headers["X-Auto-Response-Suppress"]?.text, "All")
        XCTAssertEqual(parsed.headers["Date"]?.text, "Mon, 16 Feb 2026 10:12:00 -0500")
        XCTAssertEqual(parsed.root.mimeType, "text/plain")
        XCTAssertEqual(parsed.root.charset, "utf-8")
        XCTAssertEqual(parsed.root.transferEncoding, "quoted-printable")
        XCTAssertEqual(parsed.warnings, [])
        XCTAssertEqual(reply.recipients, ["amperez@icetex.gov.co", "formacionocm@icetex.gov.co"])
    }

    func testBodyCarriesTheObservationsAndNextSteps() throws {
        let context = RepliesFixture.observationsContext()
        let body = try XCTUnwrap(MessageParser.parse(composer.compose(context).raw).textBody)
        XCTAssertTrue(body.hasPrefix("Buen día, Ana María Pérez Gómez:\r\n"), body)
        for (i, observation) in context.observations.enumerated() {
            let text = composer.templates.observationText(observation)
            XCTAssertTrue(body.contains("\(i + 1). \(text)\r\n"), text)
        }
        for phrase in ["OCM-2026-0001", "Vicepresidencia de Fondos en Administración", "Responda a este mismo correo",
                       "[OCM-2026-0001]", "M5-1-21", "5.2.4",
                       "Aseguramiento de la Calidad – Oficina Comercial y de Mercadeo, ICETEX"] {
            XCTAssertTrue(body.contains(phrase), phrase)
        }
    }

    func testApprovalCarriesPlanDatesAndReminder() throws {
        let context = try RepliesFixture.approvalContext()
        let body = try XCTUnwrap(MessageParser.parse(composer.compose(context).raw).textBody)
        let plan = try XCTUnwrap(context.plan)
        for activity in plan.activities {
            XCTAssertTrue(body.contains("\(activity.owner): \(activity.name)"), activity.id)
            XCTAssertTrue(body.contains(activity.duration), activity.id)
        }
        let window = plan.trainingWindow
        for phrase in ["concepto viable", "5.2.3", "5.2.5", "Salida a producción: lunes 1 de junio de 2026",
                       "Solicitud con 90 días calendario de anticipación (numeral 4.1.1 a): a más tardar el martes 3 de marzo de 2026, cumplido",
                       "La fecha es alcanzable", "entre el \(Observation.spanish(window.earliest)) y el \(Observation.spanish(try XCTUnwrap(window.latest)))",
                       "Tipificación y árbol de escalamiento en CRM Dynamics (1 día)\r\n  desde el",
                       "Adecuaciones tecnológicas proveedor–ICETEX, con set de pruebas y doble control (6–15 días hábiles), si aplica",
                       "punta a punta (numeral 4.1): Profesional de Aseguramiento OCM para Fondos en Administración",
                       "Nota 1", "lenguaje claro", "Gestión del Conocimiento (formacionocm@icetex.gov.co, en copia) programará"] {
            XCTAssertTrue(body.contains(phrase), phrase)
        }
        XCTAssertFalse(body.contains("no es alcanzable"))
        // The same request with an opening two weeks after the request: the plan cannot make it.
        let rules = try RepliesFixture.rules()
        var early = context
        early.plan = OperationalPlan(requestDay: plan.requestDay, rules: rules.plan, calendar: BusinessCalendar(),
                                     target: PlanTarget(productionDate: CivilDate(year: 2026, month: 3, day: 2)))
        let short = try XCTUnwrap(early.plan)
        let earlyBody = try XCTUnwrap(MessageParser.parse(composer.compose(early).raw).textBody)
        XCTAssertEqual(short.achievable, false)
        XCTAssertTrue(earlyBody.contains("la fecha no es alcanzable: la actividad «"), earlyBody)
        XCTAssertTrue(earlyBody.contains("La fecha de salida a producción más próxima que el plan permite es el \(Observation.spanish(short.earliestProductionDate))"))
        XCTAssertTrue(earlyBody.contains("le faltan"))
    }

    func testUnreadableSaysWhatWasWrong() throws {
        let reply = composer.compose(RepliesFixture.unreadableContext())
        XCTAssertEqual(reply.subject, "[OCM-2026-0001] No pudimos leer su solicitud: Solicitud capacitación condonación Fondos en Administración - Comunidades negras")
        let body = try XCTUnwrap(MessageParser.parse(reply.raw).textBody)
        XCTAssertTrue(body.contains("- El correo pesa 38,2 MB y el límite que podemos procesar es 25 MB.\r\n"), body)
        XCTAssertTrue(body.contains("- No pudimos abrir el archivo «Test condonación.xlsx»: está protegido con contraseña.\r\n"), body)
    }

    // MARK: Message-ID

    func testMessageIDIsStableAndDerived() throws {
        let first = composer.compose(RepliesFixture.observationsContext())
        XCTAssertEqual(composer.compose(RepliesFixture.observationsContext()), first)
        var later = RepliesFixture.observationsContext()
        later.date = later.date.addingTimeInterval(3600)
        XCTAssertEqual(composer.compose(later).messageID, first.messageID, "the id does not depend on the time")
        XCTAssertEqual(composer.compose(RepliesFixture.context(.observaciones, revision: 2)).messageID,
                       "<OCM-2026-0001.r2.observaciones@ocm.icetex.gov.co>")
        XCTAssertEqual(composer.compose(try RepliesFixture.approvalContext()).messageID,
                       "<OCM-2026-0001.r1.aprobacion@ocm.icetex.gov.co>")
        XCTAssertEqual(ReplyComposer.messageID(requestID: "OCM-2026-0001\r\n", revision: 3, kind: .ilegible, hostname: " OCM.Icetex.gov.co.\n"),
                       "<OCM-2026-0001.r3.ilegible@ocm.icetex.gov.co>")
        XCTAssertEqual(ReplyComposer.messageID(requestID: "OCM-2026-0001", revision: 1, kind: .ilegible, hostname: ""),
                       "<OCM-2026-0001.r1.ilegible@ocm-intake.invalid>")
    }

    // MARK: subjects

    func testSubjectKeepsOneTagAndNoPrefixes() {
        let cases: [(String?, String?)] = [
            ("RE: RV: [OCM-2026-0001] Solicitud capacitación", "Solicitud capacitación"),
            ("Re[2]: Fwd: TR: solicitud", "solicitud"),
            ("RES:RE :  Capacitación becas", "Capacitación becas"),
            ("Reunión: capacitación", "Reunión: capacitación"),
            ("[OCM-2026-0001]", nil),
            ("RE:", nil),
            (nil, nil),
            ("RE: Solicitud\r\nBcc: x@y", "Solicitud Bcc: x@y"),
        ]
        for (subject, topic) in cases {
            XCTAssertEqual(ReplySubject.topic(of: subject), topic, subject ?? "nil")
        }
        var context = RepliesFixture.observationsContext()
        context.topic = nil
        context.incoming.subject = "RE: RE: [OCM-2026-0001] Observaciones a su solicitud: becas"
        XCTAssertEqual(composer.compose(context).subject, "[OCM-2026-0001] Observaciones a su solicitud: Observaciones a su solicitud: becas")
        context.incoming.subject = nil
        XCTAssertEqual(composer.compose(context).subject, "[OCM-2026-0001] Observaciones a su solicitud: solicitud de capacitación")
    }

    func testTagIsAddedWhenTheTemplateLeavesItOut() throws {
        var files = try RepliesFixture.templateFiles()
        files["observaciones.mustache"] = "Asunto: Observaciones: {{tema}}\ncuerpo\n"
        let reply = ReplyComposer(templates: try ReplyTemplates(files: files)).compose(RepliesFixture.observationsContext())
        XCTAssertEqual(reply.subject, "[OCM-2026-0001] Observaciones: condonación Fondos en Administración - Comunidades negras")
    }

    // MARK: hostile and odd values

    func testIncomingValuesCannotAddHeaders() throws {
        let attack = "Ana\r\nBcc: intruso@evil.example\r\n\r\nTexto"
        var context = RepliesFixture.observationsContext()
        context.topic = "Becas\r\nBcc: intruso@evil.example"
        context.areaName = attack
        context.requester = Mailbox(displayName: attack, address: "ana@icetex.gov.co\r\nBcc: intruso@evil.example")
        context.incoming = IncomingMail(subject: attack, messageID: "<x@y>\r\nBcc: intruso@evil.example",
                                        references: ["<a@b>\nBcc: intruso@evil.example"], replyTarget: nil)
        context.observations = [.missingMaterial(code: "x", name: "Falta algo.\r\nBcc: intruso@evil.example", condition: nil, due: nil)]
        let reply = composer.compose(context)
        let parsed = MessageParser.parse(reply.raw)
        XCTAssertEqual(parsed.headers.fields.count, 13, parsed.headers.fields.map(\.name).description)
        XCTAssertNil(parsed.headers["Bcc"])
        XCTAssertEqual(parsed.subject, "[OCM-2026-0001] Observaciones a su solicitud: Becas Bcc: intruso@evil.example")
        XCTAssertEqual(parsed.to.map(\.displayName), ["Ana Bcc: intruso@evil.example Texto"])
        XCTAssertEqual(reply.recipients, ["ana@icetex.gov.coBcc:intruso@evil.example", "formacionocm@icetex.gov.co"])
        XCTAssertFalse(reply.recipients.contains("intruso@evil.example"))
        let body = try XCTUnwrap(parsed.textBody)
        XCTAssertTrue(body.contains("Buen día, Ana Bcc: intruso@evil.example Texto:\r\n"), body)
    }

    func testLongAndNonASCIIValuesStayWithinLineLimits() throws {
        var context = try RepliesFixture.approvalContext()
        context.topic = String(repeating: "Capacitación sobre condonación de créditos educativos ", count: 12)
        context.requester = Mailbox(displayName: String(repeating: "Muñoz ", count: 30) + "张伟", address: "m@icetex.gov.co")
        context.incoming.references = (1...60).map { "<ref\($0).\(String(repeating: "x", count: 30))@mail.icetex.gov.co>" }
        let reply = composer.compose(context)
        var header = true
        for line in String(decoding: reply.raw, as: UTF8.self).components(separatedBy: "\r\n") {
            if line.isEmpty { header = false }
            XCTAssertLessThanOrEqual(line.utf8.count, header ? 78 : 76, line)
        }
        let parsed = MessageParser.parse(reply.raw)
        XCTAssertEqual(parsed.subject, "[OCM-2026-0001] Concepto viable: " + context.topic!.singleLine)
        XCTAssertEqual(parsed.to.first?.displayName, context.requester.displayName?.singleLine)
        XCTAssertEqual(parsed.references.count, ReplyComposer.maxReferences)
        XCTAssertEqual(parsed.references.first, context.incoming.references.first)
        XCTAssertEqual(parsed.references.last, context.incoming.messageID)
        XCTAssertTrue(parsed.textBody?.contains(context.topic!.singleLine) == true)
    }

    /// A 5,000-character Message-ID is left out of In-Reply-To and References (folding it
    /// would corrupt it); the reply is still threaded on what is well formed.
    func testOverlongMessageIDIsLeftOut() throws {
        var context = try RepliesFixture.approvalContext()
        context.incoming.messageID = "<" + String(repeating: "a", count: 5_000) + "@mail.icetex.gov.co>"
        context.incoming.references = ["<m1@mail.icetex.gov.co>"]
        let reply = composer.compose(context)
        let parsed = MessageParser.parse(reply.raw)
        XCTAssertNil(parsed.headers["In-Reply-To"])
        XCTAssertEqual(parsed.references, ["<m1@mail.icetex.gov.co>"])
        XCTAssertTrue(String(decoding: reply.raw, as: UTF8.self).components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 998 })
        context.incoming.messageID = "<" + String(repeating: "b", count: 200) + "@mail.icetex.gov.co>"
        XCTAssertEqual(MessageParser.parse(composer.compose(context).raw).inReplyTo, context.incoming.messageID)
    }

    func testCopyLeavesOutTheRequesterAndTheSender() {
        var context = RepliesFixture.observationsContext()
        context.cc = [RepliesFixture.formacion, Mailbox(address: "AMPEREZ@icetex.gov.co"), RepliesFixture.ocm, RepliesFixture.formacion]
        let reply = composer.compose(context)
        XCTAssertEqual(reply.recipients, ["amperez@icetex.gov.co", "formacionocm@icetex.gov.co"])
        XCTAssertEqual(MessageParser.parse(reply.raw).cc, [RepliesFixture.formacion])
        context.cc = []
        XCTAssertNil(MessageParser.parse(composer.compose(context).raw).headers["Cc"])
    }

    // MARK: from a parsed incoming mail

    func testIncomingMailHonoursReplyToAndThreads() {
        let raw = """
            From: Ana Pérez <amperez@icetex.gov.co>\r
            Reply-To: "Equipo Fondos" <fondos@icetex.gov.co>\r
            Subject: =?utf-8?q?RV=3A_Capacitaci=C3=B3n?=\r
            Message-ID: <m2@mail.icetex.gov.co>\r
            In-Reply-To: <m1@mail.icetex.gov.co>\r
            \r
            cuerpo\r

            """
        let incoming = IncomingMail(MessageParser.parse(Array(raw.utf8)))
        XCTAssertEqual(incoming.replyTarget, Mailbox(displayName: "Equipo Fondos", address: "fondos@icetex.gov.co"))
        XCTAssertEqual(incoming.subject, "RV: Capacitación")
        XCTAssertEqual(incoming.messageID, "<m2@mail.icetex.gov.co>")
        XCTAssertEqual(incoming.references, ["<m1@mail.icetex.gov.co>"], "In-Reply-To stands in for missing References")
        let noReplyTo = IncomingMail(MessageParser.parse(Array("From: a@icetex.gov.co\r\n\r\nx\r\n".utf8)))
        XCTAssertEqual(noReplyTo.replyTarget, Mailbox(address: "a@icetex.gov.co"))
        XCTAssertEqual(noReplyTo.references, [])
    }

    func testDeadlinesFromAVerdictUseTheRulesWording() throws {
        let rules = try RepliesFixture.rules()
        let rule = try XCTUnwrap(rules.kind("actualizacion")?.leadTimes.first)
        let deadline = ReplyDeadline(rule: rule, due: RepliesFixture.requestDay, met: false)
        XCTAssertEqual(try RepliesFixture.composer().templates.deadlineText(deadline),
                       "Entrega del material con 10 días hábiles de anticipación (numeral 4.1.1 b)")
    }

    func testReadProblemSizes() throws {
        XCTAssertEqual(ReadProblem.size(26_214_400), "25 MB")
        XCTAssertEqual(ReadProblem.size(40_055_603), "38,2 MB")
        XCTAssertEqual(ReadProblem.size(950 * 1024), "950 KB")
        XCTAssertEqual(ReadProblem.size(12), "12 bytes")
        let templates = try RepliesFixture.composer().templates
        XCTAssertEqual(templates.problemText(.attachmentTooLarge(filename: nil, bytes: 3 << 30, limit: 1 << 30)),
                       "Uno de los archivos adjuntos pesa 3 GB y el límite por archivo es 1 GB.")
        XCTAssertEqual(templates.problemText(.unreadableAttachment(filename: "Test.xlsx", reason: "está protegido con contraseña")),
                       "No pudimos abrir el archivo «Test.xlsx»: está protegido con contraseña.")
        XCTAssertEqual(templates.problemText(.unreadableAttachment(filename: nil, reason: nil)), "No pudimos abrir uno de los archivos adjuntos.")
    }
}
