import Foundation
import MIME
import XCTest
@testable import Intake

/// Every input a fuzzer or a person found harmful, replayed through the code that failed on it
/// (`Fixtures/fuzz/TARGET/`, written by `scripts/fuzz`), and the hostile mails of issue 5/9
/// (`Fixtures/hostile/`) through the whole inspection.
final class FuzzRegressionTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    private func inputs(_ folder: String) throws -> [(String, [UInt8])] {
        let dir = Self.fixtures.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") }.sorted()
        return try names.map { ($0, [UInt8](try Data(contentsOf: dir.appendingPathComponent($0)))) }
    }

    func testFuzzFindingsStayFixed() throws {
        for (name, bytes) in try inputs("fuzz/mime") {
            let message = MessageParser.parse(bytes)
            _ = (MessageOutline(message).text, message.bodyText, message.allParts.map { $0.tnefContent() })
            XCTAssertNotNil(message.root, name)
        }
        for (_, bytes) in try inputs("fuzz/office") { _ = OfficeInspector.inspect(bytes) }
        for (_, bytes) in try inputs("fuzz/tnef") { _ = TNEF.decode(bytes) }
        for (_, bytes) in try inputs("fuzz/pdf") { _ = PDFText.titleAndText(Array("%PDF-1.7\n".utf8) + bytes) }
    }

    /// The same Office files inside a winmail.dat (Outlook's rich text): read as files, warned about.
    func testHostileOfficeFilesInsideWinmailAreInspected() throws {
        for (name, bytes) in try inputs("hostile") where name.hasSuffix(".eml") {
            let docx = try XCTUnwrap(MessageParser.parse(bytes).attachments.first?.content, name)
            var mail = try RequestMailBuilder.fondosCompleto()
            mail.attachments.append(WinmailRequestTests.winmail([
                RequestMailBuilder.Attachment(filename: "test.docx", contentType: RequestMailBuilder.docxType, data: Data(docx)),
            ]))
            let inspection = mail.inspect()
            XCTAssertNil(inspection.skipReason, name)
            XCTAssertTrue(inspection.attachments.contains { $0.filename == "test.docx" }, name)
        }
    }

    /// Each crashed or trapped `inspect` before (exit 132 or 139); now each is a mail with
    /// an unreadable attachment, or, for the decoys, one read from its classic directory.
    func testHostileMailsAreInspected() throws {
        let mails = try inputs("hostile").filter { $0.0.hasSuffix(".eml") }
        XCTAssertEqual(mails.count, 8)
        for (name, bytes) in mails {
            let message = MessageParser.parse(bytes)
            let attachment = try XCTUnwrap(message.attachments.first, name)
            let (document, warnings) = OfficeInspector.inspect(attachment.content ?? [], filename: attachment.filename)
            let readable = name.hasPrefix("zip64-decoy-plain")
            XCTAssertEqual(warnings.isEmpty, readable, "\(name): \(warnings)")
            XCTAssertEqual(document?.paragraphs.isEmpty == false, readable, name)
            let inspection = RequestMailBuilder.inspector.inspect(message, file: name, now: nil)
            // Judged, never dropped: these mails name no area, so a person decides (issue 9).
            XCTAssertEqual(inspection.reply, "revision-manual", name)
        }
    }
}
