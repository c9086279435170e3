import Foundation
import MIME
import XCTest
import ZIPFixture
@testable import Intake

/// Requests sent from Outlook in rich-text format: the files (and sometimes the only text)
/// come inside winmail.dat. The engine must judge the files inside, not the wrapper.
final class WinmailRequestTests: XCTestCase {
    typealias B = RequestMailBuilder

    /// Packs attachments into a winmail.dat part, long names as PR_ATTACH_LONG_FILENAME
    /// (UTF-16) behind an 8.3 title, as Outlook does.
    static func winmail(_ files: [B.Attachment], body: String? = nil, subject: String? = nil) -> B.Attachment {
        let packed = files.enumerated().map { index, file in
            TNEFFixture.File(name: file.filename, data: [UInt8](file.data), title: "ATT\(index + 1).DAT", unicodeLongName: true)
        }
        let tnef = TNEFFixture.winmail(subject: subject, body: body, files: packed)
        return B.Attachment(filename: "winmail.dat", contentType: "application/ms-tnef", data: Data(tnef.bytes))
    }

    static let body = """
        Buenos días, solicitamos la capacitación del tema que se describe a continuación.\r
        ASUNTO DEL CORREO: Condonación Fondos en Administración - Comunidades Negras\r
        FECHA DE SALIDA A PRODUCCIÓN: 15/06/2026\r
        \r
        Cordialmente,\r
        \r
        Ana María Pérez\r
        Profesional Vicepresidencia de Fondos en Administración\r
        ICETEX\r
        """

    /// An RTF mail: empty MIME body, everything inside winmail.dat.
    static func rtfMail() throws -> RequestMailBuilder {
        var mail = RequestMailBuilder()
        mail.intro = ""
        mail.signature = nil
        mail.attachments = [winmail([
            try B.pptx("Presentación Capacitación.pptx", titles: ["Fondo Comunidades Negras", "Preguntas frecuentes"]),
            B.pdf("Reglamento Operativo.pdf", title: "Reglamento Operativo del Fondo", text: "Artículo 1"),
        ], body: body)]
        return mail
    }

    func testFilesAndTextInsideWinmailFeedTheRequest() throws {
        let mail = try Self.rtfMail()
        XCTAssertTrue(mail.message.bodyText.allSatisfy(\.isWhitespace), "the MIME body must be empty for this test")
        let inspection = mail.inspect()
        XCTAssertNil(inspection.skipReason)
        XCTAssertEqual(inspection.attachments.map(\.filename), ["Presentación Capacitación.pptx", "Reglamento Operativo.pdf"])
        XCTAssertEqual(inspection.attachments.map(\.category), ["presentacion", "reglamento"])
        XCTAssertEqual(inspection.attachments.first?.contentType, B.pptxType)
        XCTAssertEqual(inspection.productionDate, "2026-06-15")
        XCTAssertEqual(inspection.area, "fondos")
        XCTAssertEqual(inspection.topic, "Condonación Fondos en Administración - Comunidades Negras")
        let missing = inspection.missing ?? []
        for found in ["presentacion", "reglamento", "fecha_produccion"] {
            XCTAssertFalse(missing.contains(found), "\(found) reported missing: \(missing)")
        }
        XCTAssertEqual(mail.read().warnings, [])
    }

    /// The JSON line of `inspect --json` lists the inner files with their categories.
    func testInspectJSONListsTheInnerFiles() throws {
        let data = try JSONEncoder().encode(try Self.rtfMail().inspect())
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let attachments = object?["attachments"] as? [[String: Any]] ?? []
        XCTAssertEqual(attachments.compactMap { $0["filename"] as? String }, ["Presentación Capacitación.pptx", "Reglamento Operativo.pdf"])
        XCTAssertEqual(attachments.compactMap { $0["category"] as? String }, ["presentacion", "reglamento"])
    }

    /// The complete Fondos request judged the same whether its eight files come as parts or
    /// inside one winmail.dat.
    func testCompleteRequestInsideWinmailGetsTheSameVerdict() throws {
        let plain = try B.fondosCompleto()
        var wrapped = plain
        wrapped.attachments = [Self.winmail(plain.attachments)]
        let (a, b) = (plain.inspect(), wrapped.inspect())
        XCTAssertEqual(b.viable, true)
        XCTAssertEqual(b.missing, a.missing)
        XCTAssertEqual(b.questions, a.questions)
        XCTAssertEqual(b.attachments, a.attachments)
        XCTAssertEqual(b.reply, a.reply)
    }

    /// The mail's own text wins; winmail.dat's body is only a fallback.
    func testOwnBodyWinsOverTheWinmailBody() throws {
        var mail = try B.fondosCompleto()
        mail.attachments.append(Self.winmail([], body: "FECHA DE SALIDA A PRODUCCIÓN: 01/09/2026"))
        let inspection = mail.inspect()
        XCTAssertEqual(inspection.productionDate, "2026-06-15")
        XCTAssertEqual(inspection.attachments.count, 8, "a winmail.dat with no files adds none")
    }

    func testUnreadableWinmailStaysAFileWithAWarning() throws {
        var mail = try Self.rtfMail()
        mail.attachments = [B.Attachment(filename: "winmail.dat", contentType: "application/ms-tnef", data: Data("basura".utf8))]
        let request = mail.read()
        XCTAssertEqual(request.attachments.map(\.filename), ["winmail.dat"])
        XCTAssertEqual(request.warnings.count, 1)
        XCTAssertTrue(request.warnings.first?.hasPrefix("winmail.dat: malformedTNEF") ?? false, "\(request.warnings)")
    }

    /// Skipped mails (no reply) still list what they carried, unwrapped the same way.
    func testSkippedMailListsTheInnerFiles() throws {
        var mail = try Self.rtfMail()
        mail.from = "alguien@gmail.com"
        let inspection = mail.inspect()
        XCTAssertEqual(inspection.skipReason, "sender_not_allowed")
        XCTAssertEqual(inspection.attachments.map(\.filename), ["Presentación Capacitación.pptx", "Reglamento Operativo.pdf"])
    }

    /// A file from winmail.dat is read exactly as the same file attached as a MIME part.
    func testFileEvidenceMatchesPartEvidence() throws {
        for file in [try B.pptx("Presentación.pptx", titles: ["Uno", "Dos"]), try B.testDocx(),
                     B.pdf("Reglamento.pdf", title: "Reglamento", text: "Artículo 1")] {
            var mail = RequestMailBuilder()
            mail.attachments = [file]
            guard let part = mail.message.attachments.first else { return XCTFail("no part for \(file.filename)") }
            let fromPart = AttachmentEvidence(part: part)
            let fromBytes = AttachmentEvidence(filename: file.filename, contentType: file.contentType, data: [UInt8](file.data))
            XCTAssertEqual(fromBytes, fromPart, file.filename)
            XCTAssertFalse(fromBytes.lines.isEmpty, file.filename)
        }
        let omitted = AttachmentEvidence(filename: "Grande.pdf", contentType: "application/pdf", data: nil, byteCount: 9_000_000)
        XCTAssertEqual(omitted.bytes, 9_000_000)
        XCTAssertEqual(omitted.warnings, ["parte no leída: supera los límites de tamaño"])
    }
}
