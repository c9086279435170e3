import XCTest
@testable import MIME

final class HeaderBlockTests: XCTestCase {
    func block(_ s: String, limits: ParseLimits = .default, isPart: Bool = false) -> (HeaderBlock, [UInt8]) {
        let b = Array(s.utf8)
        return (HeaderBlock.parse(b, in: 0..<b.count, limits: limits, isPart: isPart), b)
    }

    func body(_ r: (HeaderBlock, [UInt8])) -> String {
        String(decoding: r.1[r.0.bodyStart...], as: UTF8.self)
    }

    func testLineEndingsSplitHeaderFromBody() {
        let cases: [(String, String)] = [
            ("Subject: a\r\nTo: b\r\n\r\nbody\r\n", "body\r\n"),
            ("Subject: a\nTo: b\n\nbody\n", "body\n"),
            ("Subject: a\rTo: b\r\rbody", "body"),          // bare CR
            ("Subject: a\r\nTo: b\r\n", ""),                // no body, no blank line
            ("Subject: a\r\nTo: b", ""),                    // no final line break
        ]
        for (input, expected) in cases {
            let r = block(input)
            XCTAssertEqual(r.0.fields.fields.map(\.name), ["Subject", "To"], input.debugDescription)
            XCTAssertEqual(body(r), expected, input.debugDescription)
        }
    }

    func testUnfoldingKeepsWhitespaceAndRawBytes() {
        let r = block("Subject: Solicitud\r\n capacitaci\u{F3}n\r\n\tfin  \r\n\r\n")
        XCTAssertEqual(String(decoding: r.0.fields["subject"]!.rawValue, as: UTF8.self), "Solicitud capacitaci\u{F3}n\tfin")
    }

    func testDuplicatesKeptInOrderWithOffsets() {
        let r = block("Received: one\r\nReceived: two\r\nTo: x\r\n\r\n")
        XCTAssertEqual(r.0.fields.all("received").map { String(decoding: $0.rawValue, as: UTF8.self) }, ["one", "two"])
        XCTAssertEqual(r.0.fields.fields.map(\.offset), [0, 15, 30])
    }

    func testMboxFromLineAndJunkSkippedWithWarning() {
        let r = block("From MAILER-DAEMON Fri Jul  8 12:08:34 2011\r\nSubject: x\r\nthis is junk\r\n: empty name\r\nTo: y\r\n\r\nb")
        XCTAssertEqual(r.0.fields.fields.map(\.name), ["Subject", "To"])
        XCTAssertEqual(r.0.warnings.filter { $0.kind == .malformedHeaderLine }.count, 3)
        XCTAssertEqual(body(r), "b")
    }

    func testObsoleteSpaceBeforeColon() {
        let r = block("Subject : hola\r\n\r\n")
        XCTAssertEqual(r.0.fields["Subject"]?.rawValue, Array("hola".utf8))
    }

    /// QUIRK (mime4j obsolete.msg, Stalwart malformed/019.eml): on the very first line too, with
    /// a folded line of blanks only (obs-FWS); Python's `email` reads the whole message as body.
    func testObsoleteSpaceBeforeColonOnTheFirstLine() {
        let r = block("Subject :hola\r\n   \r\n mundo\r\nDate    :  x\r\n\r\nbody")
        XCTAssertEqual(r.0.fields.fields.map(\.name), ["Subject", "Date"])
        XCTAssertEqual(r.0.fields["Subject"]?.text, "hola    mundo")
        XCTAssertEqual(body(r), "body")
    }

    func testPartStartingWithContentHasNoHeader() {
        let r = block("Hello there\r\nmore\r\n", isPart: true)
        XCTAssertTrue(r.0.fields.fields.isEmpty)
        XCTAssertEqual(body(r), "Hello there\r\nmore\r\n")
    }

    func testHeaderByteLimitStopsButFindsBody() {
        let big = (0..<1000).map { "X-Filler-\($0): " + String(repeating: "a", count: 100) }.joined(separator: "\r\n")
        let r = block("Subject: s\r\n" + big + "\r\n\r\nthe body", limits: ParseLimits(maxHeaderBytes: 4096))
        XCTAssertLessThan(r.0.fields.fields.count, 50)
        XCTAssertEqual(r.0.fields.fields.first?.name, "Subject")
        XCTAssertTrue(r.0.warnings.contains { $0.kind == .headerTooLarge })
        XCTAssertEqual(body(r), "the body")
    }

    func testHeaderFieldLimit() {
        let many = (0..<100).map { "X-\($0): v" }.joined(separator: "\r\n")
        let r = block(many + "\r\n\r\nbody", limits: ParseLimits(maxHeaderFields: 10))
        XCTAssertEqual(r.0.fields.fields.count, 10)
        XCTAssertEqual(r.0.warnings.filter { $0.kind == .tooManyHeaderFields }.count, 1)
        XCTAssertEqual(body(r), "body")
    }

    func testFiveMegabyteHeaderIsFast() {
        let line = Array("X-Junk: ".utf8) + [UInt8](repeating: 0x61, count: 990) + [0x0D, 0x0A]
        var bytes: [UInt8] = []
        for _ in 0..<5_000 { bytes += line }
        bytes += Array("\r\nbody".utf8)
        let start = Date()
        let m = MessageParser.parse(bytes)
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        XCTAssertTrue(kinds(m).contains(.headerTooLarge))
        XCTAssertEqual(text(m.root), "body")
    }
}
