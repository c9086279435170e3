import XCTest
@testable import MIME

/// Checks that need the header-VALUE layer (Charset, EncodedWord, ParameterizedValue RFC 2231,
/// AddressList, MailDate). They may fail against its placeholders; run them after the merge.
final class MessageIntegrationTests: XCTestCase {
    func testEncodedWordSubjectAndFrom() {
        let m = parse("""
        From: Ana =?utf-8?q?Mar=C3=ADa_P=C3=A9rez?= <amperez@icetex.gov.co>
        To: a@icetex.gov.co, "OCM, Formación" <formacionocm@icetex.gov.co>
        Cc: Equipo: b@x.co, c@x.co;
        Reply-To: <respuesta@icetex.gov.co>
        Subject: Solicitud =?utf-8?q?capacitaci=C3=B3n=3A_Condonaci=C3=B3n?= Fondos en
         =?utf-8?q?Administraci=C3=B3n?=
        Date: Mon, 16 Feb 2026 09:12:00 -0500

        x
        """)
        XCTAssertEqual(m.subject, "Solicitud capacitación: Condonación Fondos en Administración")
        XCTAssertEqual(m.from, Mailbox(displayName: "Ana María Pérez", address: "amperez@icetex.gov.co"))
        XCTAssertEqual(m.to.map(\.address), ["a@icetex.gov.co", "formacionocm@icetex.gov.co"])
        XCTAssertEqual(m.cc.map(\.address), ["b@x.co", "c@x.co"])
        XCTAssertEqual(m.replyTo.map(\.address), ["respuesta@icetex.gov.co"])
        XCTAssertEqual(m.date?.offsetMinutes, -300)
    }

    func testRFC2231AndOutlookEncodedFilenames() {
        let m = parse("""
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: application/pdf
        Content-Disposition: attachment; filename*=utf-8''T%C3%A9rminos%20y%20condiciones.pdf

        x
        --b
        Content-Type: application/pdf; name="=?utf-8?B?UmVnbGFtZW50byBPcGVyYXRpdm8ucGRm?="
        Content-Disposition: attachment; filename="=?utf-8?B?UmVnbGFtZW50byBPcGVyYXRpdm8ucGRm?="

        y
        --b
        Content-Type: application/pdf
        Content-Disposition: attachment; filename*0*=utf-8''Presentaci%C3%B3n%20; filename*1="final.pptx"

        z
        --b--
        """)
        XCTAssertEqual(m.attachments.map(\.filename), ["Términos y condiciones.pdf", "Reglamento Operativo.pdf", "Presentación final.pptx"])
    }

    func testLatin1BodyAndEncodedSubjectOfAttachedMessage() {
        let m = MessageParser.parse(Array("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n".utf8)
            + [0x43, 0x6F, 0x6E, 0x64, 0x6F, 0x6E, 0x61, 0x63, 0x69, 0xF3, 0x6E]
            + Array("\r\n--b\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\nSubject: =?iso-8859-1?q?Petici=F3n?=\r\n\r\nx\r\n--b--\r\n".utf8))
        XCTAssertEqual(m.textBody, "Condonación")
        XCTAssertEqual(m.warnings, [])
        XCTAssertEqual(m.attachments.map(\.filename), ["Petición.eml"])
    }

    func testOutlookExamplesDecodeCompletely() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/examples").standardized
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path).filter({ $0.hasSuffix(".eml") }),
              !files.isEmpty else { throw XCTSkip("no examples at \(dir.path)") }
        for file in files.sorted() {
            let m = MessageParser.parse(Array(try Data(contentsOf: dir.appendingPathComponent(file))))
            XCTAssertFalse(m.subject?.contains("=?") ?? true, file)
            XCTAssertFalse(m.from?.displayName?.contains("=?") ?? false, file)
            XCTAssertNotNil(m.date, file)
            for a in m.attachments { XCTAssertFalse(a.filename?.contains("=?") ?? true, "\(file): \(a.filename ?? "nil")") }
        }
    }
}
