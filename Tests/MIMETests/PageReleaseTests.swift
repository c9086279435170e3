import XCTest
@testable import MIME

/// `MessageParser.parse(releasing:)` hands the raw pages of large decoded parts back to the
/// kernel while parsing (issue 11, memory). It must give exactly `parse`'s message, whatever the
/// base64 looks like, and release nothing but whole pages of the decoded part.
final class PageReleaseTests: XCTestCase {
    /// Deterministic bytes of every value (xorshift), so base64 uses the whole alphabet.
    static func payload(_ count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
    }

    /// Standard base64 of `bytes` in lines of `width` characters (0: one line).
    static func base64(_ bytes: [UInt8], width: Int) -> String {
        let text = Data(bytes).base64EncodedString()
        guard width > 0 else { return text }
        var lines: [Substring] = []
        var i = text.startIndex
        while i < text.endIndex {
            let j = text.index(i, offsetBy: width, limitedBy: text.endIndex) ?? text.endIndex
            lines.append(text[i..<j])
            i = j
        }
        return lines.joined(separator: "\r\n")
    }

    static func message(_ parts: [(headers: String, body: String)]) -> [UInt8] {
        var s = "From: a@b.co\r\nSubject: big\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n"
        for p in parts { s += "--XX\r\n\(p.headers)\r\n\r\n\(p.body)\r\n" }
        return Array((s + "--XX--\r\n").utf8)
    }

    func assertSameParse(_ raw: [UInt8], _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        let whole = MessageParser.parse(raw)
        let released = MessageParser.parse(releasing: raw)
        XCTAssertEqual(MessageOutline(released).jsonLine(file: label), MessageOutline(whole).jsonLine(file: label), label, file: file, line: line)
        XCTAssertEqual(released.allParts.map(\.content), whole.allParts.map(\.content), label, file: file, line: line)
        XCTAssertEqual(released.warnings.map(\.kind), whole.warnings.map(\.kind), label, file: file, line: line)
    }

    func testSameMessageForEveryShapeOfLargePart() {
        let pdf = Self.payload(1_600_007)
        let b64 = "Content-Type: application/pdf; name=\"a.pdf\"\r\nContent-Transfer-Encoding: base64"
        var odd = Self.base64(pdf, width: 76)
        odd.insert("*", at: odd.index(odd.startIndex, offsetBy: 1_200_003))
        let halves = Self.base64(Array(pdf[..<800_000]), width: 76) + "\r\n" + Self.base64(Array(pdf[800_000...]), width: 76)
        let cases: [(String, [(String, String)])] = [
            ("76 columns", [("Content-Type: text/plain", "Hola"), (b64, Self.base64(pdf, width: 76))]),
            ("75 columns: groups span lines", [(b64, Self.base64(pdf, width: 75))]),
            ("one long line", [(b64, Self.base64(pdf, width: 0))]),
            ("junk in the middle", [(b64, odd)]),
            ("padding in the middle", [(b64, halves)]),
            ("8bit", [("Content-Type: application/octet-stream; name=\"x.bin\"\r\nContent-Transfer-Encoding: 8bit",
                       String(repeating: "línea de texto plano\r\n", count: 120_000))]),
            ("quoted-printable", [("Content-Type: text/csv; name=\"t.csv\"\r\nContent-Transfer-Encoding: quoted-printable",
                                   String(repeating: "a=3Db;c=\r\nd\r\n", count: 200_000))]),
        ]
        for (label, parts) in cases {
            assertSameParse(Self.message(parts.map { (headers: $0.0, body: $0.1) }), label)
        }
        // A base64 message/rfc822 is parsed from its own decoded array: nothing of it is
        // released through the outer message's pages.
        let inner = Self.message([(headers: b64, body: Self.base64(pdf, width: 76))])
        assertSameParse(Self.message([(headers: "Content-Type: message/rfc822\r\nContent-Transfer-Encoding: base64",
                                       body: Self.base64(inner, width: 76))]), "nested in base64")
    }

    func testCallersCopyIsNeverReleased() {
        let raw = Self.message([(headers: "Content-Type: application/pdf; name=\"a.pdf\"\r\nContent-Transfer-Encoding: base64",
                                 body: Self.base64(Self.payload(2 * 1024 * 1024), width: 76))])
        let before = raw
        _ = MessageParser.parse(releasing: raw)
        XCTAssertTrue(raw == before && !raw.isEmpty)
        XCTAssertTrue(raw[(raw.count / 2)...].contains { $0 != 0 })
    }

    func testReleasesOnlyWholePagesInsideTheRange() throws {
        var bytes = [UInt8](repeating: 0xAB, count: 4 * 1024 * 1024 + 123)
        bytes.withUnsafeMutableBufferPointer { _ in }
        let pages = try XCTUnwrap(PageRelease(bytes))
        XCTAssertTrue(pages.owns(bytes))
        XCTAssertFalse(pages.owns(bytes.map { $0 }))
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let base = Int(bitPattern: pages.base)
        let range = 1_000..<3_000_000
        pages.release(range)
        let first = (base + range.lowerBound + page - 1) / page * page - base
        let last = (base + range.upperBound) / page * page - base
        XCTAssertTrue(bytes[..<first].allSatisfy { $0 == 0xAB }, "before the first whole page")
        XCTAssertTrue(bytes[first..<last].allSatisfy { $0 == 0 }, "the whole pages inside")
        XCTAssertTrue(bytes[last...].allSatisfy { $0 == 0xAB }, "after the last whole page")
    }
}
