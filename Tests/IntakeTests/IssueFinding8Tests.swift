import Foundation
import XCTest
@testable import Intake

/// 8 (issue 9): most real PDFs compress their pages (FlateDecode). A Fondos request whose test
/// comes as "Anexo 2.pdf", untitled, its questions only in a compressed stream, is complete when
/// the stream is inflated (a document made of questions is a test whatever its name); the same
/// file with a damaged stream gives no questions, and the declared test is asked for.
final class IssueFinding8Tests: XCTestCase {
    typealias B = RequestMailBuilder

    static func mail(stream: [UInt8]) throws -> B {
        var mail = try B.fondosCompleto()
        let untitled = PDFFlateTests.pdf([("/Filter /FlateDecode", stream)], title: "()")
        mail.attachments[mail.attachments.count - 1] = B.Attachment(filename: "Anexo 2.pdf", contentType: "application/pdf",
                                                                     data: Data(untitled))
        return mail
    }

    static let page: [UInt8] = {
        var text = ""
        for n in 1...5 {
            text += "BT (Pregunta \(n). Quien puede postularse a la convocatoria \(n)?) Tj ET\nBT (a\\) Cualquier persona) Tj ET\nBT (b\\) Solo egresados) Tj ET\n"
        }
        return Array(text.utf8)
    }()

    func testTestInsideACompressedPDFIsRead() throws {
        let read = try Self.mail(stream: PDFFlateTests.zlib(Self.page)).inspect()
        XCTAssertEqual(read.attachments.first { $0.filename == "Anexo 2.pdf" }?.category, "test")
        XCTAssertEqual(read.questions, 5)
        XCTAssertEqual(read.viable, true, "\(read.missing ?? [])")
        XCTAssertEqual(read.reply, "aprobacion")

        let damaged = try Self.mail(stream: Array(PDFFlateTests.zlib(Self.page).prefix(6)) + [0xFF, 0xFF, 0xFF]).inspect()
        XCTAssertEqual(damaged.missing, ["test"])
        XCTAssertEqual(damaged.reply, "observaciones")
        XCTAssertTrue(damaged.observations?.contains { $0.contains("no encontramos el test adjunto") } == true, "\(damaged.observations ?? [])")
    }
}
