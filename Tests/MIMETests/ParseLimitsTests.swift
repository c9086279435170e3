import XCTest
@testable import MIME

final class ParseLimitsTests: XCTestCase {
    /// `levels` multiparts nested inside each other around one text part.
    func nestedMultiparts(_ levels: Int) -> String {
        var s = ""
        for i in 0..<levels { s += "Content-Type: multipart/mixed; boundary=b\(i)\n\n--b\(i)\n" }
        s += "Content-Type: text/plain\n\ndeep\n"
        for i in (0..<levels).reversed() { s += "--b\(i)--\n" }
        return s
    }

    func testDepthLimitMakesOpaquePart() {
        let m = parse(nestedMultiparts(5), limits: ParseLimits(maxDepth: 2))
        XCTAssertEqual(m.allParts.map(\.path), ["", "1", "1.1"])
        guard case .opaque(let n)? = m.part("1.1")?.body else { return XCTFail("not opaque") }
        XCTAssertGreaterThan(n, 0)
        XCTAssertEqual(m.part("1.1")?.mimeType, "multipart/mixed")
        XCTAssertEqual(kinds(m), [.depthLimit])
        XCTAssertEqual(m.warnings.first?.part, "1.1")
    }

    func testDeepNestingUnderDefaultLimitsDoesNotRecurseForever() {
        let m = parse(nestedMultiparts(5_000))
        XCTAssertEqual(kinds(m), [.depthLimit])
        XCTAssertEqual(m.allParts.count, ParseLimits.default.maxDepth + 1)
    }

    func testNestedMessagesCountTowardDepth() {
        var s = "Subject: top\n\nbody"
        for _ in 0..<6 { s = "Content-Type: message/rfc822\n\n" + s }
        let m = parse(s, limits: ParseLimits(maxDepth: 3))
        XCTAssertEqual(kinds(m), [.depthLimit])
    }

    func testPartCountLimit() {
        let parts = (0..<10_000).map { "--b\nContent-Type: text/plain\n\np\($0)\n" }.joined()
        let start = Date()
        let m = parse("Content-Type: multipart/mixed; boundary=b\n\n" + parts + "--b--\n", limits: ParseLimits(maxParts: 100))
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        guard case .multipart(let children) = m.root.body else { return XCTFail("not multipart") }
        XCTAssertEqual(children.count, 100)  // 99 parts + the opaque rest (the root counts as one)
        XCTAssertEqual(text(children[98]), "p98")
        guard case .opaque(let rest) = children[99].body else { return XCTFail("rest not opaque") }
        XCTAssertGreaterThan(rest, 9_000 * 10)
        XCTAssertEqual(kinds(m), [.partLimit])
    }

    func testTenThousandPartsUnderDefaultLimitsAreFast() {
        let parts = (0..<10_000).map { "--b\n\n\($0)\n" }.joined()
        let start = Date()
        let m = parse("Content-Type: multipart/mixed; boundary=b\n\n" + parts + "--b--\n")
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        XCTAssertEqual(m.allParts.count, ParseLimits.default.maxParts + 1)
    }

    func testPartSizeLimit() {
        let big = Data(repeating: 0x41, count: 3000).base64EncodedString(options: .lineLength76Characters)
        let m = parse("""
        Content-Type: multipart/mixed; boundary=b

        --b

        small
        --b
        Content-Type: application/pdf; name=big.pdf
        Content-Transfer-Encoding: base64

        \(big)
        --b--
        """, limits: ParseLimits(maxPartDecodedBytes: 1000))
        XCTAssertEqual(text(m.part("1")), "small")
        let bigPart = m.part("2")!
        guard case .opaque(let raw) = bigPart.body else { return XCTFail("not opaque") }
        XCTAssertGreaterThan(raw, 4000)  // the raw (encoded) size is reported
        XCTAssertEqual(bigPart.decodedSize, raw)
        XCTAssertTrue(bigPart.isAttachment)  // still listed, so the reply can say it was too large
        XCTAssertEqual(kinds(m), [.partSizeLimit])
    }

    func testTotalSizeLimit() {
        let part = "--b\nContent-Type: application/octet-stream\n\n" + String(repeating: "x", count: 400) + "\n"
        let m = parse("Content-Type: multipart/mixed; boundary=b\n\n" + String(repeating: part, count: 4) + "--b--\n",
                      limits: ParseLimits(maxTotalDecodedBytes: 1000))
        XCTAssertEqual(m.ownParts.dropFirst().map { $0.content?.count }, [400, 400, nil, nil])
        XCTAssertEqual(kinds(m), [.totalSizeLimit, .totalSizeLimit])
    }

    func testHeaderBytesLimitOnPart() {
        let junk = (0..<200).map { "X-\($0): " + String(repeating: "v", count: 50) }.joined(separator: "\n")
        let m = parse("Content-Type: multipart/mixed; boundary=b\n\n--b\n\(junk)\nContent-Type: text/html\n\n<b>x</b>\n--b--\n",
                      limits: ParseLimits(maxHeaderBytes: 2048))
        // The Content-Type past the limit is ignored: the part falls back to text/plain but keeps its body.
        XCTAssertEqual(m.part("1")?.mimeType, "text/plain")
        XCTAssertEqual(text(m.part("1")), "<b>x</b>")
        XCTAssertEqual(kinds(m), [.headerTooLarge])
    }

    func testBodyTextLimit() {
        let m = parse("Subject: s\n\n" + String(repeating: "a", count: 500), limits: ParseLimits(maxBodyTextCharacters: 100))
        XCTAssertEqual(m.bodyText.count, 100)
        XCTAssertTrue(m.bodyTextResult.issues.contains(.bodyTextTruncated))
    }
}
