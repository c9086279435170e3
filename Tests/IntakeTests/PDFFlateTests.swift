import CZlib
import Foundation
import XCTest
@testable import Intake

/// FlateDecode content streams are read (most real PDFs compress every page); images and
/// fonts are passed over; a bomb stops at the Office limits.
final class PDFFlateTests: XCTestCase {
    static func zlib(_ bytes: [UInt8]) -> [UInt8] {
        var size = compressBound(UInt(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        _ = compress2(&out, &size, bytes, UInt(bytes.count), 6)
        return Array(out.prefix(Int(size)))
    }

    /// A PDF whose objects are given as (dictionary, stream bytes).
    static func pdf(_ streams: [(String, [UInt8])], title: String = "(Reglamento)") -> [UInt8] {
        var out = Array("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n".utf8)
        for (index, (dictionary, content)) in streams.enumerated() {
            out += Array("\(index + 10) 0 obj\n<< /Length \(content.count) \(dictionary) >>\nstream\r\n".utf8)
            out += content
            out += Array("\r\nendstream\nendobj\n".utf8)
        }
        out += Array("6 0 obj\n<< /Title \(title) >>\nendobj\ntrailer\n<< /Size 7 /Root 1 0 R /Info 6 0 R >>\n%%EOF\n".utf8)
        return out
    }

    func testFlateDecodeTextIsRead() throws {
        let page = Array("BT /F1 12 Tf 72 720 Td (Reglamento Operativo del Fondo) Tj ET\nBT [(Art) 20 (\\355culo) ( 1)] TJ ET".utf8)
        let bytes = Self.pdf([("/Filter /FlateDecode", Self.zlib(page)),
                              ("/Filter [/FlateDecode]", Self.zlib(Array("BT (Pregunta 1) Tj ET".utf8)))])
        let text = try XCTUnwrap(PDFText.titleAndText(bytes))
        XCTAssertEqual(text.text, "Reglamento Operativo del Fondo\nArtículo 1\nPregunta 1")
        XCTAssertEqual(text.skippedFilteredStreams, 0)
    }

    func testImagesAndFontsArePassedOver() throws {
        // Compressed bytes that would show text if they were read as content.
        let decoy = Self.zlib(Array("BT (no es texto) Tj ET".utf8))
        let bytes = Self.pdf([
            ("/Type /XObject /Subtype /Image /Width 1 /Height 1 /Filter /FlateDecode", decoy),
            ("/Subtype/Image /Filter /DCTDecode", [0xFF, 0xD8, 0xFF, 0xE0] + Array("BT (jpeg) Tj ET".utf8)),
            ("/Filter [/FlateDecode /DCTDecode]", decoy),
            ("/Filter /JPXDecode", Array("BT (jpx) Tj ET".utf8)),
            ("/Length1 2000 /Filter /FlateDecode", decoy),
            ("/Filter /FlateDecode", Self.zlib(Array("BT (visible) Tj ET".utf8))),
        ])
        let text = try XCTUnwrap(PDFText.titleAndText(bytes))
        XCTAssertEqual(text.text, "visible")
        XCTAssertEqual(text.skippedFilteredStreams, 0)
    }

    func testOtherFiltersAndCorruptStreamsAreCounted() throws {
        let bytes = Self.pdf([
            ("/Filter /LZWDecode", Array("BT (lzw) Tj ET".utf8)),
            ("/Filter /FlateDecode", Array("not zlib at all".utf8)),
            ("/Filter /FlateDecode /DecodeParms << /Predictor 12 >>", Self.zlib(Array("BT (p) Tj ET".utf8))),
        ])
        let text = try XCTUnwrap(PDFText.titleAndText(bytes))
        XCTAssertEqual(text.text, "")
        XCTAssertEqual(text.skippedFilteredStreams, 3)
    }

    /// 50 MiB of zeros compress to ~50 KB: past the ratio cap, the stream is skipped after
    /// inflating at most the cap, and the text after it is still read.
    func testBombStopsAtTheLimits() throws {
        let bomb = Self.zlib([UInt8](repeating: 0x20, count: 50 * 1_024 * 1_024))
        XCTAssertLessThan(bomb.count, 100_000)
        let bytes = Self.pdf([("/Filter /FlateDecode", bomb),
                              ("/Filter /FlateDecode", Self.zlib(Array("BT (despu\\351s) Tj ET".utf8)))])
        let text = try XCTUnwrap(PDFText.titleAndText(bytes))
        XCTAssertEqual(text.skippedFilteredStreams, 1)
        XCTAssertEqual(text.text, "después")

        var limits = OfficeLimits()
        limits.maxEntries = 1
        let two = Self.pdf([("/Filter /FlateDecode", Self.zlib(Array("BT (uno) Tj ET".utf8))),
                            ("/Filter /FlateDecode", Self.zlib(Array("BT (dos) Tj ET".utf8)))])
        let limited = try XCTUnwrap(PDFText.titleAndText(two, limits: limits))
        XCTAssertEqual(limited.text, "uno")
        XCTAssertEqual(limited.skippedFilteredStreams, 1)
    }

    func testTruncatedStreamKeepsWhatInflated() throws {
        let page = Array(("BT (primera linea) Tj ET\n" + (1...500).map { "BT (relleno \($0 * 7_919 % 10_007)) Tj ET\n" }.joined()).utf8)
        let compressed = Self.zlib(page)
        let bytes = Self.pdf([("/Filter /FlateDecode", Array(compressed.prefix(compressed.count / 2)))])
        let text = try XCTUnwrap(PDFText.titleAndText(bytes))
        XCTAssertTrue(text.text.hasPrefix("primera linea"), text.text)
    }
}
