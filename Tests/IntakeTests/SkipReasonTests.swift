import Foundation
import MIME
import XCTest
@testable import Intake

/// Who gets no reply (RFC 3834, design.md), each reason reachable without the ledger, from
/// mails that otherwise carry a complete request: only the screening can stop them.
final class SkipReasonTests: XCTestCase {
    struct Row {
        var name: String
        var change: (inout RequestMailBuilder) -> Void
        /// nil: the mail is answered.
        var reason: SkipReason?
        var source: UInt

        init(_ name: String, _ reason: SkipReason?, source: UInt = #line, _ change: @escaping (inout RequestMailBuilder) -> Void) {
            (self.name, self.reason, self.source, self.change) = (name, reason, source, change)
        }
    }

    static func header(_ name: String, _ value: String) -> (inout RequestMailBuilder) -> Void {
        { $0.headers.append((name, value)) }
    }

    static func sender(_ address: String, name: String = "Remitente") -> (inout RequestMailBuilder) -> Void {
        { $0.from = address; $0.fromName = name }
    }

    static var rows: [Row] { [
        Row("a plain request", nil) { _ in },
        Row("Auto-Submitted: no is a person writing", nil, header("Auto-Submitted", "no")),
        Row("Auto-Submitted: auto-replied", .autoSubmitted, header("Auto-Submitted", "auto-replied")),
        Row("Auto-Submitted: auto-generated", .autoSubmitted, header("Auto-Submitted", "auto-generated")),
        Row("Auto-Submitted: Auto-Replied (case)", .autoSubmitted, header("Auto-Submitted", "Auto-Replied")),
        Row("X-Autoreply: yes", .autoSubmitted, header("X-Autoreply", "yes")),
        Row("X-Autorespond", .autoSubmitted, header("X-Autorespond", "vacation")),
        Row("Respuesta automática: subject", .autoSubmitted) { $0.subject = "Respuesta automática: Solicitud capacitación" },
        Row("Automatic reply: subject", .autoSubmitted) { $0.subject = "Automatic reply: Solicitud capacitación" },
        Row("MAILER-DAEMON sender", .bounce, sender("MAILER-DAEMON@icetex.gov.co", name: "Mail Delivery System")),
        Row("postmaster sender", .bounce, sender("postmaster@icetex.gov.co", name: "Postmaster")),
        Row("Return-Path <>", .bounce, header("Return-Path", "<>")),
        Row("List-Id", .mailingList, header("List-Id", "Comunicaciones internas <comunicaciones.icetex.gov.co>")),
        Row("List-Unsubscribe", .mailingList, header("List-Unsubscribe", "<mailto:salir@icetex.gov.co>")),
        Row("Precedence: bulk", .mailingList, header("Precedence", "bulk")),
        Row("Precedence: junk", .mailingList, header("Precedence", "junk")),
        Row("Precedence: list", .mailingList, header("Precedence", "list")),
        Row("Precedence: first-class is a person", nil, header("Precedence", "first-class")),
        Row("From aseguramientoocm@", .ownAddress, sender("aseguramientoocm@icetex.gov.co", name: "Aseguramiento OCM")),
        Row("From formacionocm@", .ownAddress, sender("formacionocm@icetex.gov.co", name: "Formación OCM")),
        Row("From our mailbox in capitals", .ownAddress, sender("AseguramientoOCM@ICETEX.gov.co", name: "Aseguramiento OCM")),
        Row("gmail.com", .senderNotAllowed, sender("maria.estudiante@gmail.com", name: "Maria")),
        Row("look-alike domain icetex.gov.co.evil.com", .senderNotAllowed, sender("amperez@icetex.gov.co.evil.com")),
        Row("look-alike domain evil-icetex.gov.co", .senderNotAllowed, sender("amperez@evil-icetex.gov.co")),
        Row("look-alike domain icetex.gov.com", .senderNotAllowed, sender("amperez@icetex.gov.com")),
        Row("subdomain mail.icetex.gov.co", nil, sender("amperez@mail.icetex.gov.co")),
        Row("domain in capitals", nil, sender("AMPerez@ICETEX.GOV.CO")),
        Row("ICETEX From, Reply-To outside", .senderNotAllowed) {
            $0.headers.append(("Reply-To", "Maria <maria.estudiante@gmail.com>"))
        },
        Row("display name that looks like our mailbox", .senderNotAllowed) {
            $0.fromName = "aseguramientoocm@icetex.gov.co"
            $0.from = "phish@example.com"
        },
    ] + loopRows }

    /// Pigeonhole vacation's refusals (cmd-vacation.c) and Exchange's conventions, one row each,
    /// then the controls a person writes that must still be answered.
    static var loopRows: [Row] { [
        Row("List-Post alone", .mailingList, header("List-Post", "<mailto:comunicaciones@icetex.gov.co>")),
        Row("List-Help alone", .mailingList, header("List-Help", "<mailto:comunicaciones-request@icetex.gov.co?subject=help>")),
        Row("List-Subscribe alone", .mailingList, header("List-Subscribe", "<mailto:comunicaciones-join@icetex.gov.co>")),
        Row("List-Owner alone", .mailingList, header("List-Owner", "<mailto:admin@icetex.gov.co>")),
        Row("List-Archive alone", .mailingList, header("List-Archive", "<https://listas.icetex.gov.co/archivo>")),
        Row("Return-Path: < >", .bounce, header("Return-Path", "< >")),
        Row("Return-Path: <> (comment)", .bounce, header("Return-Path", "<> (null sender)")),
        Row("sender owner-*", .mailingList, sender("owner-comunicaciones@icetex.gov.co", name: "Comunicaciones")),
        Row("sender *-request", .mailingList, sender("comunicaciones-request@icetex.gov.co", name: "Comunicaciones")),
        Row("sender LISTSERV", .mailingList, sender("LISTSERV@icetex.gov.co", name: "Listas")),
        Row("sender majordomo", .mailingList, sender("majordomo@icetex.gov.co", name: "Listas")),
        Row("Return-Path owner-* with a person in From", .mailingList, header("Return-Path", "<owner-areas@icetex.gov.co>")),
        Row("Return-Path MAILER-DAEMON with a person in From", .bounce, header("Return-Path", "<MAILER-DAEMON@icetex.gov.co>")),
        Row("X-Auto-Response-Suppress: All", .autoSubmitted, header("X-Auto-Response-Suppress", "All")),
        Row("X-Auto-Response-Suppress: DR, OOF", .autoSubmitted, header("X-Auto-Response-Suppress", "DR, OOF")),
        Row("Precedence: auto_reply", .autoSubmitted, header("Precedence", "auto_reply")),
        Row("X-Loop naming our address", .ownAddress, header("X-Loop", "aseguramientoocm@icetex.gov.co")),
        Row("X-MS-Exchange-Inbox-Rules-Loop naming our address", .ownAddress,
            header("X-MS-Exchange-Inbox-Rules-Loop", "FormacionOCM@icetex.gov.co")),
        Row("Sender: one of our addresses", .ownAddress, header("Sender", "Formación OCM <formacionocm@icetex.gov.co>")),
        Row("Exchange NDR mark", .bounce, header("X-MS-Exchange-Message-Is-Ndr", "")),
        Row("Exchange plain-text NDR", .bounce) {
            $0.from = "MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@icetex.gov.co"
            $0.fromName = "Microsoft Outlook"
            $0.subject = "No se puede entregar: Solicitud capacitación"
        },
        Row("Undeliverable: subject", .bounce) { $0.subject = "Undeliverable: Solicitud capacitación" },
        Row("Message-ID in our reply shape", .ownAddress) { $0.messageID = "<OCM-2026-0001.r1.observaciones@ocm.icetex.gov.co>" },
        // Controls: a person's mail that must be answered.
        Row("control: X-Auto-Response-Suppress for receipts only", nil, header("X-Auto-Response-Suppress", "DR, RN, NRN")),
        Row("control: an area answering our reply", nil) {
            $0.headers.append(("In-Reply-To", "<OCM-2026-0001.r1.observaciones@ocm.icetex.gov.co>"))
            $0.headers.append(("References", "<OCM-2026-0001.r1.observaciones@ocm.icetex.gov.co>"))
            $0.headers.append(("Return-Path", "<amperez@icetex.gov.co>"))
            $0.headers.append(("Sender", "Asistente <asistente.fondos@icetex.gov.co>"))
        },
    ] }

    func testEveryScreeningReason() throws {
        for row in Self.rows {
            var mail = try RequestMailBuilder.fondosCompleto()
            row.change(&mail)
            let inspection = mail.inspect()
            XCTAssertEqual(inspection.skipReason, row.reason?.rawValue, row.name, line: row.source)
            if row.reason == nil {
                XCTAssertEqual(inspection.reply, "aprobacion", row.name, line: row.source)
            } else {
                XCTAssertEqual(inspection.reply, "ninguna", row.name, line: row.source)
                XCTAssertEqual(inspection.viable, false, row.name, line: row.source)
                XCTAssertEqual(inspection.missing, [], row.name, line: row.source)
                XCTAssertEqual(inspection.observations, [], row.name, line: row.source)
                XCTAssertNil(inspection.plan, row.name, line: row.source)
            }
        }
    }

    /// A delivery status notification for one of our replies, as Exchange writes it.
    func testDeliveryReportIsABounce() {
        let report = """
        From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@icetex.gov.co>
        To: aseguramientoocm@icetex.gov.co
        Subject: No se puede entregar: [OCM-2026-0001] Observaciones a su solicitud
        Date: Mon, 16 Feb 2026 09:20:00 -0500
        Message-ID: <dsn-1@icetex.gov.co>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"

        --dsn
        Content-Type: text/plain; charset="utf-8"

        No se pudo entregar el mensaje a amperez@icetex.gov.co. Capacitación, test, material de apoyo.

        --dsn
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mail.icetex.gov.co

        Final-Recipient: rfc822; amperez@icetex.gov.co
        Action: failed
        Status: 5.1.1

        --dsn
        Content-Type: message/rfc822-headers

        From: aseguramientoocm@icetex.gov.co
        To: amperez@icetex.gov.co
        Subject: [OCM-2026-0001] Observaciones a su solicitud

        --dsn--
        """.replacingOccurrences(of: "\n", with: "\r\n")
        let message = MessageParser.parse(Array(report.utf8))
        let inspection = RequestMailBuilder.inspector.inspect(message, file: "dsn.eml", now: nil)
        XCTAssertEqual(inspection.skipReason, "bounce")
        XCTAssertEqual(inspection.reply, "ninguna")
    }

    func testNotARequest() throws {
        let rows: [(name: String, subject: String, intro: String, attachments: [RequestMailBuilder.Attachment], reason: SkipReason?, source: UInt)] = [
            ("a colleague asking about lunch", "Almuerzo del viernes",
             "Hola, ¿almorzamos el viernes a la 1 en el restaurante de la esquina? Confirmo la reserva.", [], .notARequest, #line),
            ("lunch, with the menu photo attached", "Almuerzo del viernes",
             "Hola, ¿almorzamos el viernes? Te envío la foto del menú.", [RequestMailBuilder.png("menu.png")], .notARequest, #line),
            ("a request in prose alone is a request", "Capacitación proveedor",
             "Hola, necesitamos una capacitación para el proveedor sobre el nuevo canal.", [], nil, #line),
            ("a presentation alone is a request", "Material",
             "Hola, te envío el material.", [try RequestMailBuilder.pptx("Presentación canal.pptx", titles: ["Canal"])], nil, #line),
        ]
        for row in rows {
            var mail = RequestMailBuilder()
            mail.from = "carlos.diaz@icetex.gov.co"
            mail.fromName = "Carlos Díaz"
            mail.subject = row.subject
            mail.intro = row.intro
            mail.signature = "Saludos,\n\nCarlos"
            mail.attachments = row.attachments
            let inspection = mail.inspect()
            XCTAssertEqual(inspection.skipReason, row.reason?.rawValue, row.name, line: row.source)
            // Answered, but neither area nor kind can be told from these: a note to OCM staff.
            XCTAssertEqual(inspection.reply, row.reason == nil ? "revision-manual" : "ninguna", row.name, line: row.source)
        }
    }
}
