import XCTest
@testable import MIME

final class QuotedPrintableTests: XCTestCase {
    func testTable() {
        // (input, expected, malformed)
        let cases: [(String, String, Bool)] = [
            ("caf=C3=A9", "café", false),
            ("caf=c3=a9", "café", false),                        // lowercase hex
            ("soft=\r\nbreak", "softbreak", false),
            ("soft=\nbreak", "softbreak", false),                // LF soft break
            ("soft= \t\r\nbreak", "softbreak", false),           // whitespace after =
            ("a=ZZb", "a=ZZb", true),                            // bad escape kept
            ("end=", "end=", true),                              // lone = at end
            ("a=4", "a=4", true),                                // truncated escape
            ("line  \r\nnext\t\r\n", "line\r\nnext\r\n", false), // trailing whitespace dropped
            ("in  side", "in  side", false),
            ("trailing   ", "trailing", false),
            ("1+1=3D2", "1+1=2", false),
            ("", "", false),
        ]
        for (input, expected, malformed) in cases {
            let r = QuotedPrintable.decode(Array(input.utf8))
            XCTAssertEqual(String(decoding: r.bytes, as: UTF8.self), expected, input.debugDescription)
            XCTAssertEqual(r.malformed, malformed, input.debugDescription)
        }
    }

    func testWarningReachesMessage() {
        let m = parse("""
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        precio =ZZ caf=C3=A9
        """)
        XCTAssertEqual(m.textBody, "precio =ZZ café")
        XCTAssertEqual(kinds(m), [.malformedQuotedPrintable])
    }
}
