import XCTest
@testable import MIME

final class MessageParserTests: XCTestCase {
    static let nested = """
    From: ana@icetex.gov.co
    Subject: three levels
    MIME-Version: 1.0
    Content-Type: multipart/mixed; boundary="outer"

    preamble is ignored
    --outer
    Content-Type: multipart/related; boundary="rel"

    --rel
    Content-Type: multipart/alternative; boundary="alt"

    --alt
    Content-Type: text/plain; charset=utf-8
    Content-Transfer-Encoding: quoted-printable

    Buenos d=C3=ADas
    --alt
    Content-Type: text/html; charset=utf-8

    <p>Buenos d&iacute;as</p>
    --alt--
    --rel
    Content-Type: image/png; name="image001.png"
    Content-ID: <image001.png@01DA>
    Content-Transfer-Encoding: base64

    iVBORw0KGgo=
    --rel--
    --outer
    Content-Type: application/pdf; name="reglamento.pdf"
    Content-Disposition: attachment; filename="reglamento.pdf"
    Content-Transfer-Encoding: base64

    JVBERi0xLjQ=
    --outer--
    epilogue is ignored
    """

    func testThreeLevelsAlternativeInRelatedInMixed() {
        for crlf in [true, false] {
            let m = parse(Self.nested, crlf: crlf)
            XCTAssertEqual(m.root.mimeType, "multipart/mixed")
            XCTAssertEqual(m.allParts.map(\.path), ["", "1", "1.1", "1.1.1", "1.1.2", "1.2", "2"])
            XCTAssertEqual(m.allParts.map(\.mimeType), ["multipart/mixed", "multipart/related", "multipart/alternative",
                                                       "text/plain", "text/html", "image/png", "application/pdf"])
            XCTAssertEqual(m.textBody, "Buenos días")
            XCTAssertEqual(m.htmlBody, "<p>Buenos d&iacute;as</p>")
            XCTAssertEqual(m.bodyText, "Buenos días")
            XCTAssertEqual(m.part("1.2")?.contentID, "image001.png@01DA")
            XCTAssertEqual(m.part("1.2")?.content, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            XCTAssertEqual(m.part("2")?.content, Array("%PDF-1.4".utf8))
            XCTAssertEqual(m.attachments.map(\.filename), ["reglamento.pdf"])
            XCTAssertEqual(m.warnings, [])
        }
    }

    func testSinglePartDefaults() {
        let m = parse("Subject: x\n\nhola\n")
        XCTAssertEqual(m.root.path, "")
        XCTAssertEqual(m.root.mimeType, "text/plain")
        XCTAssertEqual(m.root.charset, "us-ascii")
        XCTAssertEqual(m.root.transferEncoding, "7bit")
        XCTAssertEqual(text(m.root), "hola\r\n")
        XCTAssertEqual(m.bodyText, "hola\r\n")
    }

    func testMessageWithoutBody() {
        let m = parse("Subject: only a header\n")
        XCTAssertEqual(m.subject, "only a header")
        XCTAssertEqual(text(m.root), "")
        XCTAssertEqual(m.bodyText, "")
    }

    func testMissingBoundaryParameterBecomesText() {
        let m = parse("Content-Type: multipart/mixed\n\n--x\nhello\n")
        XCTAssertEqual(m.root.mimeType, "text/plain")
        XCTAssertEqual(text(m.root), "--x\r\nhello\r\n")
        XCTAssertEqual(kinds(m), [.missingBoundary])
    }

    func testBoundaryNeverFoundBecomesText() {
        let m = parse("Content-Type: multipart/mixed; boundary=zzz\n\nplain body\n")
        XCTAssertEqual(m.root.mimeType, "text/plain")
        XCTAssertEqual(m.bodyText, "plain body\r\n")
        XCTAssertEqual(kinds(m), [.missingBoundary])
    }

    func testMissingFinalBoundaryKeepsLastPart() {
        let m = parse("Content-Type: multipart/mixed; boundary=b\n\n--b\n\nfirst\n--b\nContent-Type: text/html\n\n<b>second</b>\n")
        XCTAssertEqual(m.allParts.map(\.path), ["", "1", "2"])
        XCTAssertEqual(text(m.part("1")), "first")
        XCTAssertEqual(text(m.part("2")), "<b>second</b>\r\n")
        XCTAssertEqual(kinds(m), [.missingFinalBoundary])
    }

    func testBoundaryWithTransportPaddingAndPrefixOfOtherBoundary() {
        let m = parse("Content-Type: multipart/mixed; boundary=b\n\n--b  \t\n\none\n--bx\nstill one\n--b-- \n")
        XCTAssertEqual(text(m.part("1")), "one\r\n--bx\r\nstill one")
        XCTAssertEqual(m.warnings, [])
    }

    func testPartHeaderWithoutBlankLineBeforeBoundary() {
        let m = parse("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n--b\n\nsecond\n--b--\n")
        XCTAssertEqual(text(m.part("1")), "")
        XCTAssertEqual(text(m.part("2")), "second")
    }

    func testEmptyMultipart() {
        let m = parse("Content-Type: multipart/mixed; boundary=b\n\n--b--\n")
        guard case .multipart(let children) = m.root.body else { return XCTFail("not multipart") }
        XCTAssertTrue(children.isEmpty)
        XCTAssertEqual(kinds(m), [.emptyMultipart])
    }

    func testNestedRFC822Message() {
        let m = parse("""
        Subject: RV: solicitud
        Content-Type: multipart/mixed; boundary=b

        --b

        see attached
        --b
        Content-Type: message/rfc822
        Content-Disposition: attachment

        Subject: solicitud original
        Content-Type: multipart/mixed; boundary=c

        --c

        el cuerpo original
        --c
        Content-Type: application/pdf; name=f521.pdf

        %PDF
        --c--
        --b--
        """)
        XCTAssertEqual(m.allParts.map(\.path), ["", "1", "2", "2", "2.1", "2.2"])
        guard case .message(let inner)? = m.part("2")?.body else { return XCTFail("no nested message") }
        XCTAssertEqual(inner.subject, "solicitud original")
        XCTAssertEqual(inner.bodyText, "el cuerpo original")
        XCTAssertEqual(inner.attachments.map(\.filename), ["f521.pdf"])
        XCTAssertEqual(m.bodyText, "see attached")
        // The forwarded message is one attachment; its own files are not listed on the outer message.
        XCTAssertEqual(m.attachments.map(\.filename), ["solicitud original.eml"])
        XCTAssertEqual(m.allParts.filter(\.isAttachment).count, 2)
    }

    func testNestedSinglePartMessagePath() {
        let m = parse("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: message/rfc822\n\nSubject: s\n\nbody\n--b--\n")
        XCTAssertEqual(m.allParts.map(\.path), ["", "1", "1.1"])
    }

    /// QUIRK (mime4j multi-2gifs-base64.msg): Python's `email` leaves such a message undecoded.
    func testBase64EncodedRFC822() {
        let inner = Data("Subject: dentro\r\n\r\nhola".utf8).base64EncodedString()
        let m = parse("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n\(inner)\n--b--\n")
        guard case .message(let nested)? = m.part("1")?.body else { return XCTFail("no nested message") }
        XCTAssertEqual(nested.subject, "dentro")
        XCTAssertEqual(nested.bodyText, "hola")
    }

    func testDigestChildrenDefaultToRFC822() {
        let m = parse("Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: uno\n\nA\n--d\n\nSubject: dos\n\nB\n--d--\n")
        XCTAssertEqual(m.part("1")?.mimeType, "message/rfc822")
        guard case .message(let second)? = m.part("2")?.body else { return XCTFail("no message") }
        XCTAssertEqual(second.subject, "dos")
    }

    func testUnknownTransferEncodingKeepsRawBytes() {
        let m = parse("Content-Transfer-Encoding: x-strange\n\nraw")
        XCTAssertEqual(text(m.root), "raw")
        XCTAssertEqual(m.root.transferEncoding, "x-strange")
        XCTAssertEqual(kinds(m), [.unknownTransferEncoding])
    }

    func testTransferEncodingIsLowercasedAndUUEncodeDecoded() {
        let m = parse("Content-Transfer-Encoding: X-UUENCODE\n\nbegin 644 a.txt\n$:&]L80``\n`\nend\n")
        XCTAssertEqual(m.root.transferEncoding, "x-uuencode")
        XCTAssertEqual(text(m.root), "hola")
    }

    func testMalformedBase64Warning() {
        let m = parse("Content-Type: application/pdf\nContent-Transfer-Encoding: Base64\n\nJVBE*Ri0=\n")
        XCTAssertEqual(m.root.transferEncoding, "base64")
        XCTAssertEqual(kinds(m), [.malformedBase64])
    }

    func testMetadata() {
        let m = parse("""
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: application/pdf; name="from-name.pdf"
        Content-Disposition: attachment; filename="from-disposition.pdf"
        Content-ID:  <abc@x>\u{20}

        x
        --b
        Content-Type: application/octet-stream; name="only-name.bin"

        y
        --b--
        """)
        XCTAssertEqual(m.part("1")?.filename, "from-disposition.pdf")
        XCTAssertEqual(m.part("1")?.contentID, "abc@x")
        XCTAssertEqual(m.part("1")?.disposition?.value, "attachment")
        XCTAssertEqual(m.part("2")?.filename, "only-name.bin")
        XCTAssertEqual(m.part("2")?.enclosingType, "multipart/mixed")
    }

    /// RFC 2046 5.2.3: in message/external-body, `name` is the remote file, not this part's name.
    func testExternalBodyNameIsNotAFilename() {
        let m = parse("""
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: message/external-body; access-type=local-file;
         name="/u/nsb/RFC-MIME.ps"

        Content-Type: application/postscript

        --b--
        """)
        XCTAssertEqual(m.part("1")?.mimeType, "message/external-body")
        XCTAssertNil(m.part("1")?.filename)
        XCTAssertEqual(m.attachments.count, 0)
    }

    /// QUIRK (mime4j twopart.msg): trailing blanks after the encoding name.
    func testTransferEncodingWithTrailingBlanks() {
        let m = parse("Content-Type: image/jpeg; name=a.jpg\nContent-Transfer-Encoding: base64 \t\n\naG9sYQ==\n")
        XCTAssertEqual(m.root.transferEncoding, "base64")
        XCTAssertEqual(text(m.root), "hola")
    }

    /// QUIRK (CRLF files of mime4j and Stalwart): text attachments keep the line breaks they came with.
    func testTextAttachmentsKeepTheirLineBreaks() {
        let source = """
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: text/plain; name=a.txt
        Content-Transfer-Encoding: quoted-printable

        uno=
         dos
        tres

        --b
        Content-Type: text/plain; name=b.txt
        Content-Transfer-Encoding: 8bit

        uno
        dos

        --b--
        """
        let wire = parse(source)
        XCTAssertEqual(text(wire.part("1")), "uno dos\r\ntres\r\n")
        XCTAssertEqual(text(wire.part("2")), "uno\r\ndos\r\n")
        let unix = parse(source, crlf: false)
        XCTAssertEqual(text(unix.part("1")), "uno dos\ntres\n")
        XCTAssertEqual(text(unix.part("2")), "uno\ndos\n")
    }

    /// QUIRK (Stalwart malformed/017.eml): the type folded straight into `boundary=`, no `;`.
    func testFoldedBoundaryWithoutSemicolonStillSplits() {
        let m = parse("""
        Content-Type: multipart/mixed
        \tboundary="b"

        --b
        Content-Type: image/png
        Content-Transfer-Encoding: base64
        Content-Disposition: ;
                filename="image001.png"

        aG9sYQ==
        --b--
        """)
        XCTAssertEqual(m.root.mimeType, "multipart/mixed")
        XCTAssertEqual(m.part("1")?.filename, "image001.png")
        XCTAssertEqual(text(m.part("1")), "hola")
        XCTAssertEqual(kinds(m), [.malformedParameter])
    }

    func testMessageIDsAndReferences() {
        let m = parse("""
        Message-ID:  (comment) <abc@icetex.gov.co> (x)
        In-Reply-To: <one@x> <two@x>
        References: <r1@x>
         <r2@x> (old)
        References: <r3@x>

        """)
        XCTAssertEqual(m.messageID, "<abc@icetex.gov.co>")
        XCTAssertEqual(m.inReplyTo, "<one@x>")
        XCTAssertEqual(m.references, ["<r1@x>", "<r2@x>", "<r3@x>"])
        XCTAssertEqual(parse("Message-ID: bare@host\n\n").messageID, "<bare@host>")
        XCTAssertNil(parse("Subject: x\n\n").messageID)
    }

    func testMultipartReportFlag() {
        let m = parse("Content-Type: multipart/report; report-type=delivery-status; boundary=r\n\n--r\n\nfailed\n--r\nContent-Type: message/delivery-status\n\nStatus: 5.1.1\n--r--\n")
        XCTAssertTrue(m.isMultipartReport)
        XCTAssertEqual(m.attachments.count, 0)
    }

    func testOutlookExampleFiles() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/examples").standardized
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path).filter({ $0.hasSuffix(".eml") }),
              !files.isEmpty else { throw XCTSkip("no examples at \(dir.path)") }
        for f in files.sorted() {
            let m = MessageParser.parse(Array(try Data(contentsOf: dir.appendingPathComponent(f))))
            XCTAssertNotNil(m.messageID, f)
            XCTAssertFalse(m.bodyText.isEmpty, f)
            XCTAssertEqual(m.warnings.filter { $0.kind != .undeclared8Bit }, [], f)
        }
    }

    func testFixtureFile() throws {
        let m = MessageParser.parse(try Fixture.bytes("outlook-table.eml"))
        XCTAssertTrue(m.bodyText.contains("ASUNTO DEL CORREO: Condonación Fondos en Administración"), m.bodyText)
        XCTAssertEqual(m.attachments.map(\.filename), ["Presentación.pptx"])
        XCTAssertEqual(m.ownParts.filter { $0.mimeType == "image/png" }.map(\.isAttachment), [false])
    }
}

final class MessageParserPerformanceTests: XCTestCase {
    /// A realistic 150 KB Outlook mail (the ex01 example padded with attachments) parsed repeatedly.
    func testOutlookSizedMailParseTime() {
        let pdf = Data((0..<110_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }).base64EncodedString(options: .lineLength76Characters)
        let html = String(repeating: "<tr><td><p class=MsoNormal><b>CAMPO</b></p></td><td>valor &aacute;</td></tr>\n", count: 200)
        let bytes = mail(MessageParserTests.nested.replacingOccurrences(of: "JVBERi0xLjQ=", with: pdf)
            .replacingOccurrences(of: "<p>Buenos d&iacute;as</p>", with: "<table>\(html)</table>"))
        XCTAssertGreaterThan(bytes.count, 150_000)
        let start = Date()
        for _ in 0..<10 { _ = MessageParser.parse(bytes).bodyText }
        let each = Date().timeIntervalSince(start) / 10
        print("150 KB mail parse: \(String(format: "%.2f", each * 1000)) ms (release target < 5 ms)")
        XCTAssertLessThan(each, 0.5)
    }
}
