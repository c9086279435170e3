import Foundation
import XCTest
@testable import Intake

/// Hostile and broken attachments: each must end as a warning, quickly, in bounded memory.
final class OfficeInspectorLimitTests: XCTestCase {
    private let deck: [OfficeFixture.Slide] = [
        .init(title: "Uno", texts: ["a"]), .init(title: "Dos", texts: ["b"]), .init(title: "Tres", texts: ["c"]),
    ]

    func testZipBombIsRefusedOnItsDeclaredRatio() throws {
        let size: Int64 = 50 * 1_024 * 1_024
        let entries = OfficeFixture.pptxEntries([.init(title: "Uno", texts: [])])
            .filter { $0.0 != "ppt/slides/slide1.xml" }
        let data = try OfficeFixture.zeros(path: "ppt/slides/slide1.xml", size: size, extra: entries)
        XCTAssertLessThan(data.count, 200_000)
        let (document, warnings) = OfficeInspector.inspect(data, filename: "bomb.pptx")
        guard case .compressionRatioExceeded(let entry, _, let inflated, 100)? = warnings.first else {
            return XCTFail("expected a ratio warning, got \(warnings)")
        }
        XCTAssertEqual(entry, "ppt/slides/slide1.xml")
        XCTAssertEqual(inflated, UInt64(size), "refused on the declared size, before inflating")
        XCTAssertEqual(document?.slides, [])
    }

    func testZipBombWithLyingDirectoryStopsWhileInflating() throws {
        let size: Int64 = 50 * 1_024 * 1_024
        var data = try OfficeFixture.zeros(path: "word/document.xml", size: size,
                                           extra: OfficeFixture.docxEntries([]).filter { $0.0 != "word/document.xml" })
        // Claim 1,000 inflated bytes in the local and central headers of the bomb.
        let name = Array("word/document.xml".utf8)
        let bytes = [UInt8](data)
        var patched = 0
        for i in 0..<(bytes.count - 46) {
            let signature = bytes[i..<(i + 4)]
            if signature.elementsEqual([0x50, 0x4B, 0x03, 0x04]), bytes[(i + 30)..<(i + 30 + name.count)].elementsEqual(name) {
                data.replaceSubrange((i + 22)..<(i + 26), with: [0xE8, 0x03, 0, 0]); patched += 1
            }
            if signature.elementsEqual([0x50, 0x4B, 0x01, 0x02]), bytes[(i + 46)..<min(bytes.count, i + 46 + name.count)].elementsEqual(name) {
                data.replaceSubrange((i + 24)..<(i + 28), with: [0xE8, 0x03, 0, 0]); patched += 1
            }
        }
        XCTAssertEqual(patched, 2)
        let (document, warnings) = OfficeInspector.inspect(data)
        guard case .compressionRatioExceeded("word/document.xml", let compressed, let inflated, _)? = warnings.first else {
            return XCTFail("expected a ratio warning, got \(warnings)")
        }
        // Stopped one byte past the ratio cap (100 × compressed, at least 1 MiB), far below 50 MiB.
        XCTAssertEqual(inflated, max(compressed * 100, 1_024 * 1_024) + 1)
        XCTAssertLessThan(inflated, 10 * 1_024 * 1_024)
        XCTAssertEqual(document?.paragraphs, [])
    }

    func testHugeEntryPastEntryLimitIsRefused() throws {
        var limits = OfficeLimits()
        limits.maxCompressionRatio = 10_000
        let data = try OfficeFixture.zeros(path: "word/document.xml", size: 30 * 1_024 * 1_024,
                                           extra: OfficeFixture.docxEntries([]).filter { $0.0 != "word/document.xml" })
        let (_, warnings) = OfficeInspector.inspect(data, limits: limits)
        XCTAssertEqual(warnings, [.entryTooLarge(entry: "word/document.xml", bytes: 30 * 1_024 * 1_024,
                                                 limit: 20 * 1_024 * 1_024)])
    }

    func testTotalInflatedBudgetStopsLaterParts() throws {
        var limits = OfficeLimits()
        limits.maxTotalInflatedBytes = 2_000
        let big = String(repeating: "texto largo ", count: 200)
        let data = try OfficeFixture.pptx([.init(title: "Uno", texts: [big]), .init(title: "Dos", texts: [big])])
        let (document, warnings) = OfficeInspector.inspect(data, limits: limits)
        XCTAssertTrue(warnings.contains { if case .totalInflatedBytesExceeded = $0 { return true }; return false }, "\(warnings)")
        XCTAssertLessThan(document?.slides.count ?? 0, 2)
    }

    func testTooManyEntries() throws {
        var limits = OfficeLimits()
        limits.maxEntries = 20
        let entries = OfficeFixture.docxEntries([.paragraph("x")])
            + (0..<20).map { ("customXml/item\($0).xml", Data("<a/>".utf8)) }
        let (document, warnings) = OfficeInspector.inspect(try OfficeFixture.zip(entries), limits: limits)
        XCTAssertNil(document)
        XCTAssertEqual(warnings, [.tooManyEntries(limit: 20)])
        // The same package under the default limit reads fine.
        XCTAssertNotNil(OfficeInspector.inspect(try OfficeFixture.zip(entries)).0)
    }

    func testTruncatedZip() throws {
        let data = try OfficeFixture.pptx(deck)
        for cut in [data.count / 2, data.count - 10, 30] {
            let (document, warnings) = OfficeInspector.inspect(data.prefix(cut), filename: "cut.pptx")
            XCTAssertNil(document, "cut at \(cut)")
            guard case .unreadableArchive? = warnings.first, warnings.count == 1 else {
                return XCTFail("cut at \(cut): \(warnings)")
            }
        }
    }

    /// A deflate stream that never ends (a stored block longer than the file) spins
    /// ZIPFoundation 0.9.20's Linux inflater forever; the probe must turn it into a warning.
    func testDeflateStreamRunningPastTheEntryDoesNotHang() throws {
        let text = String(repeating: "Pregunta de prueba número uno. ", count: 40)
        var entries = OfficeFixture.docxEntries([.paragraph(text)])
        let main = entries.firstIndex { $0.0 == "word/document.xml" }!
        entries.insert(entries.remove(at: main), at: 0)
        var data = try OfficeFixture.zip(entries)
        // Local header at 0: data starts after 30 bytes + name; make it a non-final stored
        // block claiming 65,535 bytes.
        let start = 30 + Int(data[26]) + Int(data[27]) << 8 + Int(data[28]) + Int(data[29]) << 8
        data.replaceSubrange(start..<(start + 5), with: [0x00, 0xFF, 0xFF, 0x00, 0x00])

        let done = expectation(description: "inspection returns")
        let box = ResultBox()
        let payload = data
        Thread.detachNewThread {
            box.warnings = OfficeInspector.inspect(payload).1
            done.fulfill()
        }
        wait(for: [done], timeout: 10)
        guard case .unreadableEntry("word/document.xml", _)? = box.warnings?.first else {
            return XCTFail("\(String(describing: box.warnings))")
        }
    }

    func testRandomBytesAndNearZips() {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<4_096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var bytes = random
        bytes[0] = 0x00
        let (document, warnings) = OfficeInspector.inspect(bytes)
        XCTAssertNil(document)
        guard case .notAZip? = warnings.first else { return XCTFail("\(warnings)") }

        let fake = [0x50, 0x4B, 0x03, 0x04] + random
        let (fakeDocument, fakeWarnings) = OfficeInspector.inspect(fake, filename: "x.docx")
        XCTAssertNil(fakeDocument)
        guard case .unreadableArchive? = fakeWarnings.first else { return XCTFail("\(fakeWarnings)") }

        XCTAssertEqual(OfficeInspector.inspect([UInt8]()).1, [.emptyInput])
        XCTAssertEqual(OfficeInspector.inspect(Array("%PDF-1.4".utf8)).1, [.notAZip(leadingBytesHex: "25 50 44 46 2D 31 2E 34")])
    }

    func testOLECompoundFiles() {
        let header = OfficeInspector.oleSignature + [UInt8](repeating: 0, count: 504)
        let legacy = OfficeInspector.inspect(header + Array("WordDocument".utf8), filename: "viejo.doc")
        XCTAssertNil(legacy.0)
        XCTAssertEqual(legacy.1, [.legacyOfficeFormat(filename: "viejo.doc")])

        let encryptedName: [UInt8] = "EncryptedPackage".utf16.flatMap { [UInt8(truncatingIfNeeded: $0), 0] }
        let encrypted = OfficeInspector.inspect(header + [0, 0] + encryptedName, filename: "clave.docx")
        XCTAssertNil(encrypted.0)
        XCTAssertEqual(encrypted.1, [.encryptedOOXML])
    }

    func testMalformedSlideKeepsTheOtherSlides() throws {
        let broken = Data("<p:sld xmlns:p=\"p\" xmlns:a=\"a\"><p:cSld><a:p><a:t>roto</a:p></p:cSld>".utf8)
        // Slide part 2 is the second slide in show order (parts are numbered in reverse).
        let data = try OfficeFixture.pptx(deck, replacing: ["ppt/slides/slide2.xml": broken])
        let (document, warnings) = OfficeInspector.inspect(data)
        XCTAssertEqual(warnings.count, 1)
        guard case .malformedXML("ppt/slides/slide2.xml", let line, _, _)? = warnings.first else {
            return XCTFail("\(warnings)")
        }
        XCTAssertEqual(line, 1)
        // The broken slide keeps its place (numbers stay aligned with the deck) but has no text.
        XCTAssertEqual(document?.slides.map(\.title), ["Uno", nil, "Tres"])
        XCTAssertEqual(document?.slides[1].paragraphs, [])
    }

    func testEntityExpansionBombIsRefused() throws {
        var dtd = "<!DOCTYPE w:document [<!ENTITY l0 \"lollollollollollollollollollol\">"
        for i in 1...9 { dtd += "<!ENTITY l\(i) \"" + String(repeating: "&l\(i - 1);", count: 10) + "\">" }
        let xml = Data("<?xml version=\"1.0\"?>\(dtd)]><w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>".utf8)
        let entries = OfficeFixture.docxEntries([]).map { $0.0 == "word/document.xml" ? ($0.0, xml) : $0 }
        let (document, warnings) = OfficeInspector.inspect(try OfficeFixture.zip(entries))
        XCTAssertEqual(warnings.count, 1)
        switch warnings.first {
        case .malformedXML("word/document.xml", _, _, _)?, .textTruncated("word/document.xml", _)?: break
        default: XCTFail("\(warnings)")
        }
        XCTAssertLessThanOrEqual(document?.text.count ?? 0, OfficeLimits.default.maxTextCharacters)
    }

    func testDeepXMLStopsAtTheDepthLimit() throws {
        let depth = 300
        let deep = String(repeating: "<a:p>", count: depth) + String(repeating: "</a:p>", count: depth)
        let slide = Data("<p:sld xmlns:p=\"p\" xmlns:a=\"a\">\(deep)</p:sld>".utf8)
        let data = try OfficeFixture.pptx(deck, replacing: ["ppt/slides/slide3.xml": slide])
        let (document, warnings) = OfficeInspector.inspect(data)
        XCTAssertEqual(warnings, [.xmlTooDeep(entry: "ppt/slides/slide3.xml", limit: 128)])
        XCTAssertEqual(document?.slides.count, 3)
    }

    func testTextBeyondTheBudgetIsCut() throws {
        var limits = OfficeLimits()
        limits.maxTextCharacters = 50
        let data = try OfficeFixture.docx((0..<20).map { .paragraph("Párrafo número \($0)") })
        let (document, warnings) = OfficeInspector.inspect(data, limits: limits)
        XCTAssertEqual(warnings, [.textTruncated(entry: "word/document.xml", limit: 50)])
        let kept = document?.paragraphs.map(\.text.count).reduce(0, +) ?? .max
        XCTAssertLessThanOrEqual(kept, 50)
        XCTAssertGreaterThan(kept, 0)
    }
}

private final class ResultBox: @unchecked Sendable {
    var warnings: [InspectionWarning]?
}
