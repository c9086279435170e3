import XCTest
@testable import MIME

final class Base64Tests: XCTestCase {
    func testTable() {
        // (input, expected, malformed)
        let cases: [(String, String, Bool)] = [
            ("SG9sYQ==", "Hola", false),
            ("SG9sYQ", "Hola", false),                       // missing padding
            ("SG9s\r\nYQ==\r\n", "Hola", false),             // line breaks
            ("  SG 9s\tYQ = =", "Hola", false),              // whitespace anywhere
            ("SG9s*YQ==", "Hola", true),                     // junk character
            ("SG9sYQ==QUJD", "HolaABC", false),              // data after padding (concatenated chunks)
            ("", "", false),
            ("S", "", true),                                  // a lone sextet
            ("Q29uZG9uYWNpw7Nu", "Condonación", false),
        ]
        for (input, expected, malformed) in cases {
            let r = Base64.decode(Array(input.utf8))
            XCTAssertEqual(String(decoding: r.bytes, as: UTF8.self), expected, input)
            XCTAssertEqual(r.malformed, malformed, input)
        }
    }

    func testStuffAfterPaddingIsTolerated() {
        let r = Base64.decode(Array("SG9sYQ==\r\n\r\n-- end --".utf8))
        XCTAssertEqual(Array(r.bytes.prefix(4)), Array("Hola".utf8))
        XCTAssertTrue(r.malformed)
    }

    func testRoundTripAllBytes() {
        let data = Data((0..<1000).map { UInt8($0 % 256) })
        let encoded = data.base64EncodedString(options: .lineLength76Characters)
        XCTAssertEqual(Base64.decode(Array(encoded.utf8)).bytes, Array(data))
    }

    func testTenMegabytesDecodeQuickly() {
        let data = Data((0..<(10 * 1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let encoded = Array(data.base64EncodedString(options: .lineLength76Characters).utf8)
        let start = Date()
        let r = Base64.decode(encoded)
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(r.bytes.count, data.count)
        // Release target is < 100 ms; debug builds get a loose bound.
        XCTAssertLessThan(elapsed, 5, "10 MB base64 took \(elapsed) s")
        print("10 MB base64 decode: \(Int(elapsed * 1000)) ms")
    }
}
