import Foundation
import XCTest
@testable import Intake

/// The real attachments of the shared example mails: what areas actually send.
/// Skipped with a notice when ../shared/examples (beside the package) is not there.
final class ExampleAttachmentTests: XCTestCase {
    static let examples = RulesTests.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/examples")

    struct Part {
        var contentType: String
        var data: Data
    }

    /// Base64 parts of an .eml with their Content-Type, found by scanning the text: enough for
    /// the corpus, not a MIME parser.
    static func parts(of file: String) throws -> [Part] {
        let url = examples.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { throw XCTSkip("\(url.path) absent") }
        // "\r\n" is one Character in Swift, and a newline.
        let lines = try String(contentsOf: url, encoding: .utf8)
            .split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        var parts: [Part] = []
        var i = 0
        while i < lines.count {
            guard lines[i].lowercased().hasPrefix("content-type: application/") else { i += 1; continue }
            let type = String(lines[i].dropFirst("content-type: ".count).split(separator: ";")[0])
            while i < lines.count, !lines[i].isEmpty { i += 1 }
            var base64 = ""
            i += 1
            while i < lines.count, !lines[i].hasPrefix("--"), !lines[i].isEmpty { base64 += lines[i]; i += 1 }
            if let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) {
                parts.append(Part(contentType: type, data: data))
            }
        }
        return parts
    }

    func testEveryOfficeAttachmentInTheCorpusReadsWithoutWarnings() throws {
        let files = ["ex01-fondos-completa.eml", "ex02-fondos-falta.eml", "ex03-credito-completo.eml",
                     "ex04-becas-test-corto.eml", "ex05-fondos-tarde.eml", "ex06-proyecto-sin-contexto.eml"]
        var office = 0
        for file in files {
            for part in try Self.parts(of: file) where part.contentType.contains("openxmlformats") {
                let (document, warnings) = OfficeInspector.inspect(part.data, contentType: part.contentType)
                XCTAssertEqual(warnings, [], "\(file) \(part.contentType)")
                XCTAssertEqual(document?.isEmpty, false, "\(file) \(part.contentType)")
                office += 1
            }
        }
        XCTAssertEqual(office, 23)
    }

    func testFondosMailContent() throws {
        let parts = try Self.parts(of: "ex01-fondos-completa.eml")
        let documents = parts.compactMap { OfficeInspector.inspect($0.data, contentType: $0.contentType).0 }
        let deck = try XCTUnwrap(documents.first { $0.kind == .pptx })
        XCTAssertEqual(deck.slides.map(\.title), ["Convocatoria 2026-2", "Requisitos de postulación",
                                                  "Condiciones de condonación", "Calendario de la convocatoria",
                                                  "Preguntas frecuentes y contingencias"])
        let test = try XCTUnwrap(documents.first { $0.paragraphs.contains { $0.text.hasPrefix("6. ¿Qué sucede") } })
        XCTAssertEqual(test.paragraphs.first?.headingLevel, 1)
        XCTAssertEqual(test.paragraphs.first?.text, "Evaluación de la capacitación")
        XCTAssertTrue(documents.contains { $0.sheets.first?.rows.contains(["Documento de identidad"]) == true })

        let pdfs = parts.filter { $0.contentType == "application/pdf" }.compactMap { PDFText.titleAndText($0.data) }
        XCTAssertEqual(pdfs.count, 2)
        XCTAssertTrue(pdfs.contains { $0.text == "Reglamento Operativo del Fondo Comunidades Negras" }, "\(pdfs)")
    }

    /// Speed target: a typical mail's Office attachments in well under 50 ms (release build;
    /// the bound here is loose enough for debug builds on a busy 2-core machine).
    func testInspectingAMailsAttachmentsIsFast() throws {
        let parts = try Self.parts(of: "ex01-fondos-completa.eml")
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for part in parts {
                if part.contentType == "application/pdf" { _ = PDFText.titleAndText(part.data) }
                else { _ = OfficeInspector.inspect(part.data, contentType: part.contentType) }
            }
        }
        print("ex01: \(parts.count) attachments inspected in \(elapsed)")
        XCTAssertEqual(parts.count, 7)
        XCTAssertLessThan(elapsed, .milliseconds(500))
    }
}
