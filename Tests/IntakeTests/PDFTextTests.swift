import Foundation
import XCTest
@testable import Intake

final class PDFTextTests: XCTestCase {
    /// A one-page PDF with an Info dictionary and one uncompressed content stream.
    private func pdf(title: String?, content: String, extraObjects: String = "", trailerExtra: String = "") -> [UInt8] {
        PDFFixture.onePage(titleLiteral: title, producer: "(test)", content: content, extraObjects: extraObjects, trailerExtra: trailerExtra)
    }

    func testTitleAndShownStrings() throws {
        let bytes = pdf(title: "(Reglamento Operativo \\(versi\\363n 2\\))",
                        content: "BT /F1 12 Tf 72 720 Td (Reglamento Operativo del Fondo) Tj ET\nBT [(Comu) -20 (nidades) ( Negras)] TJ 0 -14 Td (Art\\355culo 1) Tj ET")
        let text = try XCTUnwrap(PDFText.titleAndText(bytes))
        XCTAssertEqual(text.title, "Reglamento Operativo (versión 2)")
        XCTAssertEqual(text.text, "Reglamento Operativo del Fondo\nComunidades Negras Artículo 1")
        XCTAssertEqual(text.skippedFilteredStreams, 0)
        XCTAssertFalse(text.isEncrypted)
    }

    func testHexUTF16TitleAndFilteredStreamsAreCounted() throws {
        // "Términos" in UTF-16BE with a byte-order mark, as Word's PDF export writes titles.
        let hex = "<FEFF005400E9" + "0072006D0069006E006F0073>"
        let compressed = "7 0 obj\n<< /Length 5 /Filter /FlateDecode >>\nstream\nx\u{9C}\u{03}\u{00}\u{00}\nendstream\nendobj\n"
        let bytes = pdf(title: hex, content: "BT (visible) Tj ET", extraObjects: compressed)
        let text = try XCTUnwrap(PDFText.titleAndText(bytes))
        XCTAssertEqual(text.title, "Términos")
        XCTAssertEqual(text.text, "visible")
        XCTAssertEqual(text.skippedFilteredStreams, 1)
    }

    func testEncryptedPDFYieldsNoText() throws {
        let bytes = pdf(title: "(cifrado)", content: "BT (ciphertext) Tj ET", trailerExtra: " /Encrypt 9 0 R")
        let text = try XCTUnwrap(PDFText.titleAndText(bytes))
        XCTAssertTrue(text.isEncrypted)
        XCTAssertNil(text.title)
        XCTAssertEqual(text.text, "")
    }

    func testNotAPDFAndBounds() throws {
        XCTAssertNil(PDFText.titleAndText(Array("PK\u{03}\u{04}".utf8)))
        XCTAssertNil(PDFText.titleAndText([UInt8]()))
        // An unterminated string and stream must not run past the input.
        let broken = Array("%PDF-1.7\n4 0 obj << >> stream\nBT (never closed".utf8)
        XCTAssertEqual(PDFText.titleAndText(broken)?.text, "")
        let long = pdf(title: nil, content: "BT (" + String(repeating: "a", count: 5_000) + ") Tj ET")
        XCTAssertEqual(PDFText.titleAndText(long, maxTextCharacters: 100)?.text.count, 100)
    }
}
