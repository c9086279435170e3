import XCTest
import ZIPFixture
@testable import MIME

/// Outlook's winmail.dat: files, body and subject out of streams `TNEFFixture` writes, and
/// hostile streams (cut, lying lengths, bad checksums, too many files) that must only warn.
final class TNEFTests: XCTestCase {
    static let pptx: [UInt8] = Array("PK\u{3}\u{4} presentación de prueba".utf8) + (0..<300).map { UInt8($0 % 251) }
    static let pdf: [UInt8] = Array("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".utf8)
    static let body = "Buenos días,\r\nFECHA DE SALIDA A PRODUCCIÓN: 15/06/2026\r\n"

    static func outlook() -> TNEFFixture {
        TNEFFixture.winmail(subject: "Solicitud capacitación", body: body, files: [
            .init(name: "Presentación Capacitación.pptx", data: pptx, title: "PRESEN~1.PPT", unicodeLongName: true),
            .init(name: "Reglamento Operativo.pdf", data: pdf),
        ])
    }

    func kinds(_ content: TNEFContent) -> [MIMEWarning.Kind] { content.warnings.map(\.kind) }

    func testFilesBodyAndSubjectOfAnOutlookStream() {
        let content = TNEF.decode(Self.outlook().bytes)
        XCTAssertTrue(content.isReadable)
        XCTAssertEqual(content.warnings, [])
        XCTAssertEqual(content.attachments.map(\.filename), ["Presentación Capacitación.pptx", "Reglamento Operativo.pdf"])
        XCTAssertEqual(content.attachments.map(\.data), [Self.pptx, Self.pdf])
        XCTAssertEqual(content.attachments.map(\.byteCount), [Self.pptx.count, Self.pdf.count])
        XCTAssertEqual(content.attachments.map(\.mediaType),
                       ["application/vnd.openxmlformats-officedocument.presentationml.presentation", "application/pdf"])
        XCTAssertEqual(content.bodyText, Self.body)
        XCTAssertEqual(content.subject, "Solicitud capacitación")
    }

    /// The 8.3 title gives way to PR_ATTACH_LONG_FILENAME in UTF-16, read past a named property.
    func testLongUnicodeFilenameWinsOverTheShortTitle() {
        let name = "Presentación Capacitación — Fondo Comunidades Negras 2026.pptx"
        let tnef = TNEFFixture.winmail(files: [.init(name: name, data: [1, 2, 3], title: "PRESEN~1.PPT", unicodeLongName: true,
                                                     mimeTag: "Application/VND.openxmlformats-officedocument.presentationml.presentation")])
        let content = TNEF.decode(tnef.bytes)
        XCTAssertEqual(content.warnings, [])
        XCTAssertEqual(content.attachments.first?.filename, name)
        XCTAssertEqual(content.attachments.first?.contentType, "application/vnd.openxmlformats-officedocument.presentationml.presentation")
        XCTAssertEqual(content.attachments.first?.data, [1, 2, 3])
    }

    func testShortTitleWithoutProperties() {
        let tnef = TNEFFixture.winmail(files: [.init(name: "ACTA.PDF", data: Self.pdf)])
        XCTAssertEqual(TNEF.decode(tnef.bytes).attachments.map(\.filename), ["ACTA.PDF"])
    }

    func testFileStoredAsAttachDataProperty() {
        let tnef = TNEFFixture.winmail(files: [.init(name: "Términos.pdf", data: Self.pdf, unicodeLongName: true, dataAsProperty: true)])
        let content = TNEF.decode(tnef.bytes)
        XCTAssertEqual(content.warnings, [])
        XCTAssertEqual(content.attachments.map(\.filename), ["Términos.pdf"])
        XCTAssertEqual(content.attachments.first?.data, Self.pdf)
    }

    /// PR_BODY and PR_SUBJECT (attMsgProps) win over the attributes they duplicate.
    func testMessagePropertiesWinOverAttributes() {
        let tnef = TNEFFixture.winmail(subject: "viejo", body: "viejo", messageProperties: [
            .unicode(0x0037, "Capacitación nueva"), .unicode(0x1000, "Cuerpo en Unicode: ÁREA Crédito"),
            .binary(0x1009, [0x10, 0, 0, 0]),
        ], files: [])
        let content = TNEF.decode(tnef.bytes)
        XCTAssertEqual(content.warnings, [])
        XCTAssertEqual(content.subject, "Capacitación nueva")
        XCTAssertEqual(content.bodyText, "Cuerpo en Unicode: ÁREA Crédito")
    }

    func testHTMLBodyReadAsTextWhenThereIsNoPlainOne() {
        let html = Array("<html><body><p>TEMA: Condonaci\u{F3}n</p></body></html>".utf8)
        let tnef = TNEFFixture.winmail(messageProperties: [.binary(0x1013, html)], files: [])
        XCTAssertEqual(TNEF.decode(tnef.bytes).bodyText?.trimmingCharacters(in: .whitespacesAndNewlines), "TEMA: Condonación")
    }

    func testRTFOnlyBodyIsNotedNotRead() {
        let tnef = TNEFFixture.winmail(messageProperties: [.binary(0x1009, [0x2A, 0, 0, 0, 0x2E, 0, 0, 0])], files: [])
        let content = TNEF.decode(tnef.bytes)
        XCTAssertNil(content.bodyText)
        XCTAssertEqual(kinds(content), [.tnefUnreadContent])
    }

    /// attOemCodepage decides how 8-bit strings read (here UTF-8, as some gateways write).
    func testCodePageAttribute() {
        var tnef = TNEFFixture()
        tnef.outlookHeader(codePage: 65001)
        tnef.attribute(level: 2, id: TNEFFixture.renderData, [UInt8](repeating: 0, count: 14))
        tnef.attribute(level: 2, id: TNEFFixture.attachTitle, Array("Información.pdf".utf8) + [0])
        tnef.attribute(level: 2, id: TNEFFixture.attachData, Self.pdf)
        XCTAssertEqual(TNEF.decode(tnef.bytes).attachments.map(\.filename), ["Información.pdf"])
    }

    // MARK: Hostile streams

    func testBadSignatureIsNotReadable() {
        var bytes = Self.outlook().bytes
        bytes[0] ^= 0xFF
        let content = TNEF.decode(bytes)
        XCTAssertFalse(content.isReadable)
        XCTAssertEqual(content.attachments, [])
        XCTAssertEqual(kinds(content), [.malformedTNEF])
        XCTAssertFalse(TNEF.decode(Array("not tnef at all".utf8)).isReadable)
        XCTAssertFalse(TNEF.decode([]).isReadable)
    }

    /// Cut at every offset: never a crash; intact exactly at attribute boundaries (where the
    /// only possible complaint is a named file whose data was cut off); and a file is either
    /// whole or absent, never partial.
    func testTruncatedAtEveryOffset() {
        let tnef = Self.outlook()
        let full = TNEF.decode(tnef.bytes)
        for n in 0..<tnef.bytes.count {
            let cut = TNEF.decode(Array(tnef.bytes.prefix(n)))
            if tnef.boundaries.contains(n) {
                XCTAssertEqual(cut.warnings.filter { !$0.detail.hasSuffix("has no data") }, [], "cut at \(n)")
            } else {
                XCTAssertFalse(cut.warnings.isEmpty, "cut at \(n) went unnoticed")
            }
            XCTAssertEqual(cut.isReadable, n >= 4, "cut at \(n)")
            XCTAssertLessThanOrEqual(cut.attachments.count, full.attachments.count)
            for (a, b) in zip(cut.attachments, full.attachments) {
                XCTAssertEqual(a.data, b.data, "cut at \(n): partial file")
            }
        }
    }

    func testHugeDeclaredLengthStopsWithAWarning() {
        var tnef = TNEFFixture.winmail(files: [.init(name: "Reglamento.pdf", data: Self.pdf)])
        tnef.attribute(level: 2, id: TNEFFixture.renderData, [UInt8](repeating: 0, count: 14))
        var bytes = tnef.bytes
        // A second file whose attAttachData claims 4 GB but holds 8 bytes.
        bytes += [2] + TNEFFixture.le32(TNEFFixture.attachData) + TNEFFixture.le32(0xFFFF_FFF0) + [UInt8](repeating: 7, count: 8)
        let content = TNEF.decode(bytes)
        XCTAssertEqual(content.attachments.map(\.filename), ["Reglamento.pdf"])
        XCTAssertEqual(kinds(content), [.malformedTNEF])
        XCTAssertTrue(content.warnings.first?.detail.contains("4294967280") ?? false, "\(content.warnings)")
    }

    func testChecksumMismatchKeepsTheData() {
        var tnef = TNEFFixture()
        tnef.outlookHeader()
        tnef.attribute(level: 2, id: TNEFFixture.renderData, [UInt8](repeating: 0, count: 14))
        tnef.attribute(level: 2, id: TNEFFixture.attachTitle, TNEFFixture.string8("Lista de chequeo.xlsx"))
        tnef.attribute(level: 2, id: TNEFFixture.attachData, [9, 8, 7], checksum: 0xBEEF)
        let content = TNEF.decode(tnef.bytes)
        XCTAssertEqual(content.attachments.first?.data, [9, 8, 7])
        XCTAssertEqual(kinds(content), [.tnefChecksumMismatch])
        XCTAssertTrue(content.warnings.first?.detail.contains("48879") ?? false)
    }

    func testTooManyFilesAreCapped() {
        let files = (1...205).map { TNEFFixture.File(name: "f\($0).txt", data: [UInt8($0)]) }
        let content = TNEF.decode(TNEFFixture.winmail(files: files).bytes)
        XCTAssertEqual(content.attachments.count, 200)
        XCTAssertEqual(content.attachments.last?.filename, "f200.txt")
        XCTAssertEqual(kinds(content), [.tnefAttachmentLimit])
        let fewer = TNEF.decode(TNEFFixture.winmail(files: files).bytes, limits: ParseLimits(maxTNEFAttachments: 3))
        XCTAssertEqual(fewer.attachments.map(\.filename), ["f1.txt", "f2.txt", "f3.txt"])
    }

    func testTotalBytesLimitOmitsLaterData() {
        let files = [TNEFFixture.File(name: "a.pdf", data: [UInt8](repeating: 1, count: 60)),
                     TNEFFixture.File(name: "b.pdf", data: [UInt8](repeating: 2, count: 60))]
        let content = TNEF.decode(TNEFFixture.winmail(files: files).bytes, limits: ParseLimits(maxTotalDecodedBytes: 100))
        XCTAssertEqual(content.attachments.map(\.filename), ["a.pdf", "b.pdf"])
        XCTAssertEqual(content.attachments.map(\.isDataOmitted), [false, true])
        XCTAssertEqual(content.attachments.map(\.byteCount), [60, 60])
        XCTAssertEqual(kinds(content), [.totalSizeLimit])
    }

    /// Property blocks that lie about their counts and types: earlier properties and files kept.
    func testHostilePropertyBlocks() {
        let lies: [[UInt8]] = [
            TNEFFixture.le32(0xFFFF_FFFF),                                                    // count with nothing behind it
            TNEFFixture.le32(1) + TNEFFixture.le16(0x101F) + TNEFFixture.le16(0x3707) + TNEFFixture.le32(0x4000_0000), // 1G values
            TNEFFixture.le32(1) + TNEFFixture.le16(0x001F) + TNEFFixture.le16(0x3707) + TNEFFixture.le32(1) + TNEFFixture.le32(0xFFFF_FFFF),
            TNEFFixture.le32(2) + TNEFFixture.le16(0x0003) + TNEFFixture.le16(0x3705) + TNEFFixture.le32(1) + TNEFFixture.le16(0x0999) + TNEFFixture.le16(0x3707),
            TNEFFixture.le32(1) + TNEFFixture.le16(0x000B) + TNEFFixture.le16(0x8001) + [UInt8](repeating: 0, count: 16) + TNEFFixture.le32(7),
            [1, 2],
        ]
        for (index, block) in lies.enumerated() {
            var tnef = TNEFFixture()
            tnef.outlookHeader()
            tnef.attribute(level: 2, id: TNEFFixture.renderData, [UInt8](repeating: 0, count: 14))
            tnef.attribute(level: 2, id: TNEFFixture.attachTitle, TNEFFixture.string8("F521.xlsx"))
            tnef.attribute(level: 2, id: TNEFFixture.attachData, [5, 5])
            tnef.attribute(level: 2, id: TNEFFixture.attachment, block)
            tnef.attribute(level: 1, id: TNEFFixture.messageProperties, block)
            let content = TNEF.decode(tnef.bytes)
            XCTAssertEqual(content.attachments.map(\.filename), ["F521.xlsx"], "block \(index)")
            XCTAssertEqual(content.attachments.first?.data, [5, 5], "block \(index)")
            XCTAssertEqual(kinds(content), [.malformedTNEF, .malformedTNEF], "block \(index): \(content.warnings)")
        }
    }

    /// Random damage to a valid stream: whatever comes out, nothing traps and the warning list stays bounded.
    func testRandomlyDamagedStreams() {
        let valid = Self.outlook().bytes
        var state: UInt64 = 0x5EED
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<2_000 {
            var bytes = valid
            for _ in 0..<(1 + next() % 4) { bytes[next() % bytes.count] = UInt8(truncatingIfNeeded: next()) }
            let content = TNEF.decode(bytes)
            XCTAssertLessThanOrEqual(content.warnings.count, TNEFDecoder.maxWarnings + 1)
            XCTAssertLessThanOrEqual(content.attachments.reduce(0) { $0 + $1.data.count }, bytes.count)
        }
    }

    func testWarningsAreBounded() {
        var tnef = TNEFFixture()
        for _ in 0..<1_000 { tnef.attribute(level: 1, id: TNEFFixture.subject, [65], checksum: 0) }
        let content = TNEF.decode(tnef.bytes)
        XCTAssertEqual(content.warnings.count, TNEFDecoder.maxWarnings + 1)
        XCTAssertEqual(content.subject, "A")
    }

    // MARK: In a mail

    func testMIMEPartAccessor() {
        let winmail = Data(Self.outlook().bytes).base64EncodedString(options: .lineLength76Characters)
            .replacingOccurrences(of: "\r\n", with: "\n")
        for (type, name) in [("application/ms-tnef", "winmail.dat"), ("application/octet-stream", "WINMAIL.DAT"), ("application/ms-tnef", "x.bin")] {
            let m = parse("""
            From: ana@icetex.gov.co
            Subject: Solicitud
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain; charset=utf-8

            Adjunto el material.
            --b
            Content-Type: \(type); name="\(name)"
            Content-Transfer-Encoding: base64
            Content-Disposition: attachment; filename="\(name)"

            \(winmail)
            --b--
            """)
            let part = m.attachments.first
            XCTAssertEqual(part?.isTNEF, true, type)
            XCTAssertEqual(part?.tnefContent()?.attachments.map(\.filename), ["Presentación Capacitación.pptx", "Reglamento Operativo.pdf"])
            XCTAssertEqual(m.tnefContents.count, 1)
            XCTAssertNil(m.root.tnefContent(), "a multipart is no TNEF")
            // `ocm-intake mime` shows the files inside, as the daemon reads them.
            let outline = MessageOutline(m)
            let inner = outline.root.children.last?.children ?? []
            XCTAssertEqual(inner.map(\.filename), ["Presentación Capacitación.pptx", "Reglamento Operativo.pdf"])
            XCTAssertEqual(inner.map(\.path), ["2.tnef.1", "2.tnef.2"])
            XCTAssertEqual(inner.map(\.bytes), [Self.pptx.count, Self.pdf.count])
            XCTAssertTrue(outline.text.contains("2.tnef.2 application/pdf tnef attachment name=\"Reglamento Operativo.pdf\""), outline.text)
        }
    }
}
