import Foundation
import XCTest
@testable import MIME

/// `MessageOutline.jsonLine` replaces `JSONEncoder` in `mime --json`; it must write the same bytes.
final class MessageOutlineJSONTests: XCTestCase {
    /// The shape `mime --json` encoded before: `file` plus the outline, nil top-level members as null.
    private struct Reference: Encodable {
        let file: String
        let outline: MessageOutline
        enum CodingKeys: String, CodingKey { case file, subject, from, messageID, root, warnings }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(file, forKey: .file)
            try c.encode(outline.subject, forKey: .subject)
            try c.encode(outline.from, forKey: .from)
            try c.encode(outline.messageID, forKey: .messageID)
            try c.encode(outline.root, forKey: .root)
            try c.encode(outline.warnings, forKey: .warnings)
        }
    }

    private func assertSameAsEncoder(_ outline: MessageOutline, file: String, line: UInt = #line) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(Reference(file: file, outline: outline)), as: UTF8.self)
        XCTAssertEqual(outline.jsonLine(file: file), expected, line: line)
    }

    func testEveryControlCharacterQuoteBackslashSlashAndNonASCII() throws {
        let nasty = String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self) + "\"\\/\u{7F}ñ€😀\u{2028}"
        var outline = MessageOutline(parse("Subject: x\n\nhola\n"))
        outline.subject = nasty
        outline.from = "a\\b \"c\" <a@b.co>"
        outline.messageID = nil
        outline.warnings = [nasty, "", "/"]
        outline.root.filename = nasty
        outline.root.contentID = "id/1\t"
        outline.root.disposition = "attachment"
        outline.root.nestedSubject = "\u{0}"
        outline.root.bytes = nil
        outline.root.attachment = true
        outline.root.opaque = true
        try assertSameAsEncoder(outline, file: nasty)
    }

    func testNestedPartsAttachmentsAndWarnings() throws {
        let m = parse("""
        From: =?utf-8?q?Jos=C3=A9_P=C3=A9rez?= <jose@example.com>
        Subject: =?utf-8?b?U29saWNpdHVkIGRlIGNhcGFjaXRhY2nDs24=?=
        Message-ID: <a/b"c@x>
        Content-Type: multipart/mixed; boundary="B"

        --B
        Content-Type: text/plain; charset=utf-8

        Hola
        --B
        Content-Type: message/rfc822

        Subject: inner "quoted"

        body
        --B
        Content-Type: application/pdf; name="informe\\\\final.pdf"
        Content-Disposition: attachment; filename="informe/final.pdf"
        Content-Transfer-Encoding: base64
        Content-ID: <c1@x>

        SG9s*YQ
        """)
        let outline = MessageOutline(m)
        XCTAssertFalse(outline.root.children.isEmpty)
        XCTAssertFalse(outline.warnings.isEmpty)
        try assertSameAsEncoder(outline, file: "solicitud.eml")
    }

    func testFixtureMails() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixture.dir.path).filter { $0.hasSuffix(".eml") }
        XCTAssertFalse(names.isEmpty)
        for name in names {
            try assertSameAsEncoder(MessageOutline(MessageParser.parse(try Fixture.bytes(name))), file: name)
        }
    }
}
