import XCTest
@testable import MIME

final class MultipartSplitterTests: XCTestCase {
    func split(_ s: String, boundary: String = "b") -> (MultipartSplitter.Result, [String]) {
        let bytes = mail(s)
        let result = MultipartSplitter.split(bytes, in: 0..<bytes.count, boundary: Array(boundary.utf8))
        return (result, result.parts.map { String(decoding: bytes[$0], as: UTF8.self) })
    }

    func testPartsBetweenBoundaries() {
        let (result, parts) = split("preamble\n--b\n\none\n--b\n\ntwo\n--b--\nepilogue\n")
        XCTAssertEqual(parts, ["\r\none", "\r\ntwo"])
        XCTAssertTrue(result.foundBoundary)
        XCTAssertTrue(result.closed)
    }

    /// RFC 2046's delimiter is CRLF + `--boundary`: two boundary lines in a row hold no part between them.
    func testDoubledBoundaryLineEnclosesNoPart() {
        let (result, parts) = split("--b\n\nfirst\n--b\n--b\nContent-Type: text/html\n\nsecond\n--b--\n")
        XCTAssertEqual(parts, ["\r\nfirst", "Content-Type: text/html\r\n\r\nsecond"])
        XCTAssertTrue(result.closed)
    }

    /// A blank line between two boundary lines is an empty part (empty header, no body), not a doubled line.
    func testBlankLineBetweenBoundariesIsAnEmptyPart() {
        let (_, parts) = split("--b\n\n--b\n\nsecond\n--b--\n")
        XCTAssertEqual(parts, ["", "\r\nsecond"])
    }

    func testDoubledBoundaryDoesNotStealTheBody() {
        let m = parse("Content-Type: multipart/mixed; boundary=b\n\n--b\n--b\nContent-Type: text/plain\n\nhola\n--b--\n")
        XCTAssertEqual(m.allParts.map(\.path), ["", "1"])
        XCTAssertEqual(m.bodyText, "hola")
        XCTAssertEqual(m.warnings, [])
    }

    func testDoubledCloseDelimiterLeavesAnEmptyMultipart() {
        let m = parse("Content-Type: multipart/mixed; boundary=b\n\n--b\n--b--\n")
        XCTAssertEqual(kinds(m), [.emptyMultipart])
    }
}
