import XCTest
@testable import MIME

final class AttachmentTests: XCTestCase {
    /// One part inside `enclosing` (after a text/plain body part), checked against the rule.
    struct Row {
        let name: String
        let enclosing: String
        let headers: String
        let expected: Bool
    }

    let rows: [Row] = [
        Row(name: "attachment disposition", enclosing: "mixed",
            headers: "Content-Type: application/pdf\nContent-Disposition: attachment; filename=a.pdf", expected: true),
        Row(name: "attachment disposition without filename", enclosing: "mixed",
            headers: "Content-Type: application/pdf\nContent-Disposition: attachment", expected: true),
        Row(name: "text/plain with attachment disposition", enclosing: "mixed",
            headers: "Content-Type: text/plain\nContent-Disposition: attachment; filename=notas.txt", expected: true),
        Row(name: "Outlook signature image: inline + Content-ID", enclosing: "related",
            headers: "Content-Type: image/png; name=image001.png\nContent-Disposition: inline; filename=image001.png\nContent-ID: <image001.png@01DA>", expected: false),
        Row(name: "Apple Mail: inline + filename, no Content-ID", enclosing: "mixed",
            headers: "Content-Type: application/pdf; name=a.pdf\nContent-Disposition: inline; filename=a.pdf", expected: true),
        Row(name: "inline text/plain with filename", enclosing: "mixed",
            headers: "Content-Type: text/plain\nContent-Disposition: inline; filename=body.txt", expected: false),
        Row(name: "inline without filename", enclosing: "mixed",
            headers: "Content-Type: image/jpeg\nContent-Disposition: inline", expected: false),
        Row(name: "no disposition, name only", enclosing: "mixed",
            headers: "Content-Type: application/vnd.ms-excel; name=plan.xls", expected: true),
        Row(name: "no disposition, name + Content-ID inside related", enclosing: "related",
            headers: "Content-Type: image/gif; name=logo.gif\nContent-ID: <logo>", expected: false),
        Row(name: "no disposition, name + Content-ID inside mixed", enclosing: "mixed",
            headers: "Content-Type: image/gif; name=logo.gif\nContent-ID: <logo>", expected: true),
        Row(name: "no disposition, second text/plain", enclosing: "mixed",
            headers: "Content-Type: text/plain", expected: false),
        Row(name: "no disposition, text/html alternative", enclosing: "alternative",
            headers: "Content-Type: text/html", expected: false),
        Row(name: "no disposition, unnamed pdf", enclosing: "mixed",
            headers: "Content-Type: application/pdf", expected: true),
        Row(name: "nested multipart container", enclosing: "mixed",
            headers: "Content-Type: multipart/alternative; boundary=inner", expected: false),
        Row(name: "message/rfc822 without disposition", enclosing: "mixed",
            headers: "Content-Type: message/rfc822", expected: false),
        Row(name: "message/rfc822 as attachment", enclosing: "mixed",
            headers: "Content-Type: message/rfc822\nContent-Disposition: attachment; filename=orig.eml", expected: true),
        Row(name: "signature of multipart/signed, unnamed", enclosing: "signed",
            headers: "Content-Type: application/pkcs7-signature", expected: false),
        Row(name: "message/external-body: a pointer, no content", enclosing: "mixed",
            headers: "Content-Type: message/external-body; access-type=ANON-FTP; site=\"ftp.x.org\"; name=\"f.ps\"",
            expected: false),
    ]

    func testRuleTable() {
        for row in rows {
            let m = parse("""
            Content-Type: multipart/\(row.enclosing); boundary=b

            --b
            Content-Type: text/plain

            body
            --b
            \(row.headers)

            --inner--
            --b--
            """)
            guard let part = m.part("2") else { XCTFail("no part: \(row.name)"); continue }
            XCTAssertEqual(part.isAttachment, row.expected, row.name)
            XCTAssertEqual(m.attachments.count, row.expected ? 1 : 0, row.name)
            XCTAssertFalse(m.part("1")!.isAttachment, row.name)
        }
    }

    func testChosenBodyIsNeverAnAttachment() {
        // QUIRK case: a single-part mail whose body part carries a name.
        let m = parse("Content-Type: text/plain; name=mensaje.txt\n\nhola\n")
        XCTAssertTrue(m.root.isBodyText)
        XCTAssertFalse(m.root.isAttachment)
        XCTAssertEqual(m.attachments.count, 0)
        XCTAssertEqual(m.bodyText, "hola\r\n")
    }

    func testTextAttachmentIsNotTheBody() {
        let m = parse("""
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: text/plain
        Content-Disposition: attachment; filename=log.txt

        log
        --b
        Content-Type: text/plain

        real body
        --b--
        """)
        XCTAssertEqual(m.textBody, "real body")
        XCTAssertEqual(m.attachments.map(\.filename), ["log.txt"])
    }

    func testAttachmentsAreDepthFirstAndOwnTreeOnly() {
        let m = parse(MessageParserTests.nested)
        XCTAssertEqual(m.attachments.map(\.path), ["2"])
        XCTAssertFalse(m.part("1.2")!.isAttachment)  // image001.png in related with Content-ID
    }
}
