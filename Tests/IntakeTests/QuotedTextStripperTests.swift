import XCTest
import Intake

final class QuotedTextStripperTests: XCTestCase {
    func testOutlookSpanishReplyIsCutAndItsFieldsIgnored() {
        let body = """
        Buenos días, adjuntamos el F521 que faltaba.

        Cordialmente,

        Jorge Ruiz
        Profesional Fondos en Administración
        ICETEX

        ________________________________
        De: Aseguramiento OCM <aseguramientoocm@icetex.gov.co>
        Enviado: lunes, 16 de febrero de 2026 10:30
        Para: Jorge Ruiz <jruiz@icetex.gov.co>
        Asunto: [OCM-2026-0002] Observaciones a su solicitud

        Asunto: Convocatoria Fondo de Reparación para Víctimas 2026-2
        Fecha de salida a producción: 1 de junio de 2026
        """
        let cleaned = QuotedTextStripper.clean(body)
        XCTAssertEqual(cleaned.text, "Buenos días, adjuntamos el F521 que faltaba.")
        XCTAssertEqual(cleaned.signature,
                       "Cordialmente,\n\nJorge Ruiz\nProfesional Fondos en Administración\nICETEX")
        XCTAssertEqual(cleaned.quoted?.hasPrefix("________________________________\nDe: Aseguramiento OCM"), true)
        XCTAssertTrue(LabeledFieldExtractor.extract(from: cleaned.text).isEmpty)
        XCTAssertEqual(LabeledFieldExtractor.extract(from: cleaned.quoted ?? "").fields.map(\.key),
                       [.asunto, .asunto, .fechaProduccion])
    }

    func testOutlookOriginalMessageRule() {
        let body = """
        Asunto: Becas Colombia-Francia 2026
        Fecha de salida a producción: 20 de mayo de 2026

        -----Mensaje original-----
        De: Camilo Torres
        Fecha de salida a producción: 1 de mayo de 2026
        """
        let cleaned = QuotedTextStripper.clean(body)
        let fields = LabeledFieldExtractor.extract(from: cleaned.text)
        XCTAssertEqual(fields.all(.fechaProduccion).map(\.value), ["20 de mayo de 2026"])
        XCTAssertEqual(cleaned.signature, nil)
        XCTAssertEqual(cleaned.quoted?.components(separatedBy: "\n").first, "-----Mensaje original-----")
    }

    func testOutlookHeaderFlattenedOnOneLine() {
        let body = "Va el test corregido.\nDe: OCM Enviado: lunes Para: Ana Asunto: RE: solicitud\nTest: 3 preguntas"
        let cleaned = QuotedTextStripper.clean(body)
        XCTAssertEqual(cleaned.text, "Va el test corregido.")
        XCTAssertNil(LabeledFieldExtractor.extract(from: cleaned.text)[.test])
    }

    func testGmailSpanishAttributionIncludingAWrappedOne() {
        let oneLine = """
        Fecha de salida a producción: 30/05/2026

        El lun, 16 feb 2026 a las 9:12, Aseguramiento OCM (<aseguramientoocm@icetex.gov.co>) escribió:
        > Fecha de salida a producción: 15/05/2026
        """
        let wrapped = """
        Fecha de salida a producción: 30/05/2026

        El lun, 16 feb 2026 a las 9:12, Aseguramiento OCM <aseguramientoocm@icetex.gov.co>
        escribió:

        Fecha de salida a producción: 15/05/2026
        """
        for (body, line) in [(oneLine, #line), (wrapped, #line)] as [(String, UInt)] {
            let cleaned = QuotedTextStripper.clean(body)
            XCTAssertEqual(cleaned.text, "Fecha de salida a producción: 30/05/2026", line: line)
            let fields = LabeledFieldExtractor.extract(from: cleaned.text)
            XCTAssertEqual(fields.all(.fechaProduccion).map(\.value), ["30/05/2026"], line: line)
            XCTAssertEqual(cleaned.quoted?.hasPrefix("El lun, 16 feb 2026"), true, line: line)
        }
    }

    func testEnglishAttribution() {
        let body = "Test: adjunto\n\nOn Mon, Feb 16, 2026 at 9:12 AM OCM <ocm@icetex.gov.co> wrote:\n> Test: nada"
        let cleaned = QuotedTextStripper.clean(body)
        XCTAssertEqual(LabeledFieldExtractor.extract(from: cleaned.text)[.test]?.value, "adjunto")
        XCTAssertEqual(cleaned.quoted, "On Mon, Feb 16, 2026 at 9:12 AM OCM <ocm@icetex.gov.co> wrote:\n> Test: nada")
    }

    func testInterleavedAngleQuotesAreSetAside() {
        let body = """
        > ASUNTO DEL CORREO: Fondo viejo
        > FECHA DE SALIDA A PRODUCCIÓN: 01/01/2026
        Corrijo la fecha:
        FECHA DE SALIDA A PRODUCCIÓN: 01/03/2026
        """
        let cleaned = QuotedTextStripper.clean(body)
        XCTAssertEqual(cleaned.text, "Corrijo la fecha:\nFECHA DE SALIDA A PRODUCCIÓN: 01/03/2026")
        XCTAssertEqual(cleaned.quoted,
                       "> ASUNTO DEL CORREO: Fondo viejo\n> FECHA DE SALIDA A PRODUCCIÓN: 01/01/2026")
        let fields = LabeledFieldExtractor.extract(from: cleaned.text)
        XCTAssertEqual(fields.fields.map(\.key), [.fechaProduccion])
        XCTAssertEqual(fields[.fechaProduccion]?.value, "01/03/2026")
    }

    func testSignatureKinds() {
        struct Case {
            var body: String, text: String, signature: String?, line: UInt
            init(body: String, text: String, signature: String?, line: UInt = #line) {
                (self.body, self.text, self.signature, self.line) = (body, text, signature, line)
            }
        }
        let cases: [Case] = [
            Case(body: "Test: adjunto\n\nAtentamente,\nAna María Pérez\nVicepresidencia de Fondos en Administración",
                 text: "Test: adjunto",
                 signature: "Atentamente,\nAna María Pérez\nVicepresidencia de Fondos en Administración"),
            Case(body: "Test: adjunto\nSaludos,\nCamilo", text: "Test: adjunto", signature: "Saludos,\nCamilo"),
            Case(body: "Test: adjunto\n\nCordial saludo.\n\nDiana Castro\nGerencia de Proyecto Core Bancario",
                 text: "Test: adjunto",
                 signature: "Cordial saludo.\n\nDiana Castro\nGerencia de Proyecto Core Bancario"),
            Case(body: "Test: adjunto\n-- \nLuisa Gómez\nCrédito y Cobranza", text: "Test: adjunto",
                 signature: "Luisa Gómez\nCrédito y Cobranza"),
            // A greeting is not a signature, even when it is a closing word.
            Case(body: "Cordial saludo. Remito material.\n\nAsunto: Fondo\nTest: adjunto",
                 text: "Cordial saludo. Remito material.\n\nAsunto: Fondo\nTest: adjunto", signature: nil),
            Case(body: "Cordial saludo,\n\nAsunto: Fondo\nTest: adjunto",
                 text: "Cordial saludo,\n\nAsunto: Fondo\nTest: adjunto", signature: nil),
            // A closing followed by a long block is not a signature either.
            Case(body: "Hola\nSaludos,\n" + (1...10).map { "Línea \($0)" }.joined(separator: "\n"),
                 text: "Hola\nSaludos,\n" + (1...10).map { "Línea \($0)" }.joined(separator: "\n"), signature: nil),
        ]
        for c in cases {
            let cleaned = QuotedTextStripper.clean(c.body)
            XCTAssertEqual(cleaned.text, c.text, line: c.line)
            XCTAssertEqual(cleaned.signature, c.signature, line: c.line)
            XCTAssertNil(cleaned.quoted, line: c.line)
        }
    }

    func testBareForwardKeepsTheForwardedRequestAndSetsItsHeaderAside() {
        let body = """
        ________________________________
        De: Ana María Pérez <amperez@icetex.gov.co>
        Enviado: viernes, 13 de febrero de 2026 17:02
        Para: Director Fondos
        Asunto: Solicitud capacitación Fondo Comunidades Negras

        ASUNTO DEL CORREO: Condonación Fondos en Administración - Comunidades Negras
        FECHA DE SALIDA A PRODUCCIÓN: 15/06/2026

        Cordialmente,
        Ana María Pérez
        """
        let cleaned = QuotedTextStripper.clean(body)
        let fields = LabeledFieldExtractor.extract(from: cleaned.text)
        XCTAssertEqual(fields.fields.map(\.key), [.asunto, .fechaProduccion])
        XCTAssertEqual(fields[.asunto]?.value, "Condonación Fondos en Administración - Comunidades Negras")
        XCTAssertEqual(cleaned.signature, "Cordialmente,\nAna María Pérez")
        XCTAssertEqual(cleaned.quoted?.components(separatedBy: "\n").count, 5)
    }

    func testForwardWithACommentWhenTheSubjectSaysSo() {
        let body = """
        Reenvío para su gestión.

        ---------- Mensaje reenviado ---------
        De: Luisa Gómez <lgomez@icetex.gov.co>
        Date: lun, 2 mar 2026 a las 9:12
        Subject: Solicitud
        To: <director@icetex.gov.co>

        Fecha de salida a producción: 2026-07-01

        El dom, 1 mar 2026 a las 8:00, OCM <ocm@icetex.gov.co> escribió:
        > Fecha de salida a producción: 2026-01-01
        """
        let asReply = QuotedTextStripper.clean(body)
        XCTAssertEqual(asReply.text, "Reenvío para su gestión.")
        let asForward = QuotedTextStripper.clean(body, forwarded: true)
        XCTAssertEqual(asForward.text, "Reenvío para su gestión.\n\nFecha de salida a producción: 2026-07-01")
        XCTAssertEqual(asForward.quoted?.hasSuffix("escribió:\n> Fecha de salida a producción: 2026-01-01"), true)
    }

    func testCRLFBodies() {
        let body = "Test: adjunto\r\n\r\nCordialmente,\r\nAna\r\n\r\n-----Original Message-----\r\nTest: viejo"
        let cleaned = QuotedTextStripper.clean(body)
        XCTAssertEqual(cleaned.text, "Test: adjunto")
        XCTAssertEqual(cleaned.signature, "Cordialmente,\nAna")
        XCTAssertEqual(cleaned.quoted, "-----Original Message-----\nTest: viejo")
    }
}
