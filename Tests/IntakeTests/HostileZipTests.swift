import Foundation
import ZIPFixture
import XCTest
@testable import Intake

/// The crash classes found by mutating mails (issue 5/9), each rebuilt from its description:
/// every one must end as a warning, quickly, without a trap, a libxml2 crash or a hang.
final class HostileZipTests: XCTestCase {
    private func docx(_ text: String = "Pregunta 1. ¿Cuál es el plazo?") throws -> Data {
        try OfficeFixture.docx([.paragraph(text)])
    }

    /// Offset of the last end-of-central-directory record.
    private func eocd(_ data: Data) -> Int {
        let bytes = [UInt8](data)
        return (0...(bytes.count - 22)).reversed().first { bytes[$0..<($0 + 4)].elementsEqual([0x50, 0x4B, 0x05, 0x06]) }!
    }

    /// Offsets of the central directory entries, in order.
    private func centralEntries(_ data: Data) -> [Int] {
        let bytes = [UInt8](data)
        return (0...(bytes.count - 4)).filter { bytes[$0..<($0 + 4)].elementsEqual([0x50, 0x4B, 0x01, 0x02]) }
    }

    private func patch32(_ data: inout Data, at offset: Int, _ value: UInt32) {
        data.replaceSubrange(offset..<(offset + 4), with: [0, 8, 16, 24].map { UInt8(truncatingIfNeeded: value >> $0) })
    }

    /// Runs the inspection on another thread and fails if it does not come back in 10 s.
    private func inspectReturns(_ data: Data, file: StaticString = #filePath, line: UInt = #line) -> (OfficeDocument?, [InspectionWarning]) {
        let done = expectation(description: "inspection returns")
        let box = OfficeResultBox()
        Thread.detachNewThread {
            box.result = OfficeInspector.inspect(data, filename: "x.docx")
            done.fulfill()
        }
        wait(for: [done], timeout: 10)
        return box.result ?? (nil, [])
    }

    private func assertUnreadableArchive(_ data: Data, _ name: String, line: UInt = #line) {
        let (document, warnings) = inspectReturns(data)
        XCTAssertNil(document, name, line: line)
        guard case .unreadableArchive? = warnings.first, warnings.count == 1 else {
            return XCTFail("\(name): \(warnings)", line: line)
        }
    }

    func testCentralDirectoryOffsetPastTheEnd() throws {
        var data = try docx()
        patch32(&data, at: eocd(data) + 16, UInt32(data.count + 1_000))
        assertUnreadableArchive(data, "directory offset past the end")
        var huge = try docx()
        patch32(&huge, at: eocd(huge) + 12, 0xFFFF_FFF0)
        assertUnreadableArchive(huge, "directory size past the end")
    }

    func testLocalHeaderOffsetPastTheEnd() throws {
        for (index, value) in [(0, UInt32(0x7FFF_FFFF)), (1, 0xFFFF_FFF0), (2, 0)] {
            var data = try docx()
            let entry = centralEntries(data)[index]
            patch32(&data, at: entry + 42, value == 0 ? UInt32(data.count - 10) : value)
            assertUnreadableArchive(data, "local header of entry \(index) at \(value)")
        }
    }

    func testCompressedSizePastTheEnd() throws {
        var data = try docx()
        let entry = centralEntries(data).last!
        patch32(&data, at: entry + 20, UInt32(data.count * 4))
        assertUnreadableArchive(data, "compressed size past the end")
    }

    func testDuplicateNamesAreRefused() throws {
        let entries = OfficeFixture.docxEntries([.paragraph("uno")])
        let same = try OfficeFixture.zip(entries + [("word/document.xml", Data("<w:document/>".utf8))])
        assertUnreadableArchive(same, "same name twice")
        let cased = try OfficeFixture.zip(entries + [("Word/Document.XML", Data("<w:document/>".utf8))])
        assertUnreadableArchive(cased, "same name in other case")
    }

    func testOverlappingEntriesAreRefused() throws {
        var data = try docx()
        let entries = centralEntries(data)
        // Point the second entry's header at the first one's: two names, one stream.
        patch32(&data, at: entries[1] + 42, 0)
        assertUnreadableArchive(data, "two entries over one stream")
    }

    /// A ZIP64 end record pointing at a decoy directory whose document.xml is cut short (a
    /// stored block that never ends inside it). The classic record decides unless it is
    /// saturated; either way one reader checks and inflates the same stream.
    func testZIP64DecoyDirectory() throws {
        let good = try docx()
        let end = eocd(good)
        let directoryOffset = Int(good[end + 16]) | Int(good[end + 17]) << 8 | Int(good[end + 18]) << 16
        var decoy = Data(good[directoryOffset..<end])
        let last = centralEntries(decoy).last!
        patch32(&decoy, at: last + 20, 3)
        var data = Data(good[..<end])
        let decoyOffset = data.count
        data.append(decoy)
        let zip64End = data.count
        data.le32(0x0606_4B50); data.le32(44); data.le32(0); data.le32(0); data.le32(0); data.le32(0)
        let count = UInt32(centralEntries(decoy).count)
        data.le32(count); data.le32(0); data.le32(count); data.le32(0)
        data.le32(UInt32(decoy.count)); data.le32(0); data.le32(UInt32(decoyOffset)); data.le32(0)
        data.le32(0x0706_4B50); data.le32(0); data.le32(UInt32(zip64End)); data.le32(0); data.le32(1)
        var classic = Data(good[end...])
        let (plain, plainWarnings) = inspectReturns(data + classic)
        XCTAssertEqual(plain?.paragraphs.map(\.text), ["Pregunta 1. ¿Cuál es el plazo?"], "\(plainWarnings)")
        classic.replaceSubrange(8..<12, with: [0xFF, 0xFF, 0xFF, 0xFF])
        let (_, warnings) = inspectReturns(data + classic)
        XCTAssertTrue(warnings.contains { if case .unreadableEntry("word/document.xml", _) = $0 { return true }; return false },
                      "\(warnings)")
    }

    func testXMLInOtherEncodingsIsRefusedBeforeTheParser() throws {
        let body = "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>Pregunta ñandú ü</w:t></w:r></w:p></w:body></w:document>"
        var cases: [(String, Data)] = ["UTF-32", "EBCDIC-US", "UTF-7", "ISO-8859-1", "UTF-16"].map {
            ($0, Data("<?xml version=\"1.0\" encoding=\"\($0)\"?>\(body)".utf8))
        }
        cases.append(("UTF-32", Data([0xFF, 0xFE, 0, 0]) + Data("<?xml version=\"1.0\"?>".utf8)))
        cases.append(("EBCDIC", Data([0x4C, 0x6F, 0xA7, 0x94, 0x93, 0x40])))
        for (encoding, xml) in cases {
            let entries = OfficeFixture.docxEntries([]).map { $0.0 == "word/document.xml" ? ($0.0, xml) : $0 }
            let (document, warnings) = inspectReturns(try OfficeFixture.zip(entries))
            XCTAssertEqual(warnings, [.unsupportedXMLEncoding(entry: "word/document.xml", encoding: encoding)], encoding)
            XCTAssertEqual(document?.paragraphs ?? [], [], encoding)
        }
    }

    func testUTF16PartsAreRead() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\" standalone=\"yes\"?>\n<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>Pregunta ñandú</w:t></w:r></w:p></w:body></w:document>"
        for (name, encoded) in [("LE", Data([0xFF, 0xFE]) + xml.data(using: .utf16LittleEndian)!),
                                ("BE", Data([0xFE, 0xFF]) + xml.data(using: .utf16BigEndian)!)] {
            let entries = OfficeFixture.docxEntries([]).map { $0.0 == "word/document.xml" ? ($0.0, encoded) : $0 }
            let (document, warnings) = inspectReturns(try OfficeFixture.zip(entries))
            XCTAssertEqual(warnings, [], name)
            XCTAssertEqual(document?.paragraphs.map(\.text), ["Pregunta ñandú"], name)
        }
    }

    /// Every byte of the directory and end record set to 0x00, 0xFF and 0x7F in turn: each
    /// mutant returns a document or warnings, never a trap.
    func testEveryDirectoryByteMutated() throws {
        let good = try docx()
        let start = centralEntries(good).first!
        var returned = 0
        for offset in start..<good.count {
            for value: UInt8 in [0x00, 0xFF, 0x7F] {
                var data = good
                data[offset] = value
                _ = OfficeInspector.inspect(data)
                returned += 1
            }
        }
        XCTAssertEqual(returned, (good.count - start) * 3)
    }
}

private final class OfficeResultBox: @unchecked Sendable {
    var result: (OfficeDocument?, [InspectionWarning])?
}
