// The dedupe key: SHA-256 against FIPS 180-4 examples, Message-ID normalization, header extraction.
import Foundation
@testable import Ledger
import XCTest

final class MessageKeyTests: XCTestCase {
    func testSHA256Vectors() {
        XCTAssertEqual(SHA256.hex([UInt8]()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1000)),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        XCTAssertEqual(SHA256.hex(Array((0...255).map(UInt8.init)) + (0...255).map(UInt8.init) + (0...255).map(UInt8.init)),
                       "f3a25aa93aa2fbba28d79260535bbd6a5eb0fc1c24a8b0f04e12b484c1dfe363")
    }

    func testMessageIDNormalization() {
        XCTAssertEqual(MessageKey.normalize(messageID: "<a@b>"), "<a@b>")
        XCTAssertEqual(MessageKey.normalize(messageID: " a@b \r\n"), "<a@b>")
        XCTAssertEqual(MessageKey.normalize(messageID: "\t<a@b>"), "<a@b>")
        XCTAssertNil(MessageKey.normalize(messageID: "  "))
        XCTAssertNil(MessageKey.normalize(messageID: "<>"))
        XCTAssertNil(MessageKey.normalize(messageID: nil))
    }

    func testHeaderWithoutTraceStopsAtTheBodyAndDropsTraceFields() {
        let raw = Array("Received: from a\r\n by b\r\nFrom: x@y\r\nRETURN-PATH: <x@y>\r\nSubject: s\r\n t\r\n\r\nFrom: body@z\r\n".utf8)
        XCTAssertEqual(String(decoding: MessageKey.headerWithoutTrace(raw), as: UTF8.self), "From: x@y\r\nSubject: s t\r\n")
        XCTAssertEqual(MessageKey.headerWithoutTrace(Array("From: x@y".utf8)), Array("From: x@y\r\n".utf8), "no body, no final newline")
    }
}
