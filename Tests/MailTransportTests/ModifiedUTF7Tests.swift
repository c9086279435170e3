import CCurl
import XCTest
@testable import MailTransport

/// Modified UTF-7 (RFC 3501 §5.1.3), the APPENDLIMIT readers and the throttling rules: pure.
final class ModifiedUTF7Tests: XCTestCase {
    func testKnownEncodings() {
        let cases = [
            ("Borradores", "Borradores"), ("Elementos enviados", "Elementos enviados"),
            ("Información", "Informaci&APM-n"), ("&", "&-"), ("Ventas & Mercadeo", "Ventas &- Mercadeo"),
            ("Capacitación/Año 2026", "Capacitaci&APM-n/A&APE-o 2026"),
            // RFC 3501's own example.
            ("~peter/mail/日本語/台北", "~peter/mail/&ZeVnLIqe-/&U,BTFw-"),
            ("Señal 📎", "Se&APE-al &2D3czg-"),
        ]
        for (name, wire) in cases {
            XCTAssertEqual(ModifiedUTF7.encode(name), wire, name)
            XCTAssertEqual(ModifiedUTF7.decode(wire), name, wire)
        }
    }

    func testRoundTripsOfRandomNames() {
        var generator = SystemRandomNumberGenerator()
        let pool: [Unicode.Scalar] = ["a", "Z", " ", "&", "-", "/", ",", "+", "ñ", "ó", "Ñ", "€", "日", "😀", "\u{FFFD}", "~"]
        for _ in 0..<2_000 {
            var name = ""
            for _ in 0..<Int.random(in: 1...12, using: &generator) { name.unicodeScalars.append(pool.randomElement(using: &generator)!) }
            let wire = ModifiedUTF7.encode(name)
            XCTAssertTrue(wire.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }, wire)
            XCTAssertEqual(ModifiedUTF7.decode(wire), name, wire)
        }
    }

    /// Not valid modified UTF-7: shown as the server sent it, never a crash or a wrong name.
    func testInvalidInputIsRefused() {
        for wire in ["&APM", "&APM-n&", "&AGE-", "Informaci&APM=-n", "&2D0-", "ó", "&A-", "&APO-", "tab\there"] {
            XCTAssertNil(ModifiedUTF7.decode(wire), wire)
        }
    }

    func testListEntriesAreDecoded() {
        let entry = IMAPResponse.listEntry(#"* LIST (\HasNoChildren) "/" Informaci&APM-n"#)
        XCTAssertEqual(entry?.name, "Información")
        XCTAssertEqual(IMAPResponse.listEntry(#"* LIST (\Sent) "/" "Elementos enviados""#)?.name, "Elementos enviados")
        XCTAssertEqual(try IMAPCommand.examine("Información"), #"EXAMINE "Informaci&APM-n""#)
    }

    func testAppendLimitIsRead() {
        XCTAssertEqual(IMAPResponse.appendLimit(inCapability: ["* CAPABILITY IMAP4rev1 APPENDLIMIT=35882577 UIDPLUS"]), .some(35_882_577))
        XCTAssertEqual(IMAPResponse.appendLimit(inCapability: ["A1 OK [CAPABILITY IMAP4rev1 APPENDLIMIT=100] Logged in"]), .some(100))
        XCTAssertEqual(IMAPResponse.appendLimit(inCapability: ["* CAPABILITY IMAP4rev1 APPENDLIMIT"]), .some(nil))
        XCTAssertNil(IMAPResponse.appendLimit(inCapability: ["* CAPABILITY IMAP4rev1 UIDPLUS"]))
        XCTAssertEqual(IMAPResponse.appendLimit(inStatus: [#"* STATUS "Borradores" (APPENDLIMIT 1048576)"#]), 1_048_576)
        XCTAssertNil(IMAPResponse.appendLimit(inStatus: [#"* STATUS "Borradores" (APPENDLIMIT NIL)"#]))
    }

    func testThrottlingAnswersAndBackoff() {
        func error(_ line: String) -> CurlError { CurlError(code: Int(CURLE_QUOTE_ERROR.rawValue), message: "x", serverResponse: line) }
        for line in ["A7 NO [THROTTLED] Request is throttled.", "A7 NO [UNAVAILABLE] Try later", "* BYE [UNAVAILABLE] Server busy", "* BYE Server busy"] {
            XCTAssertTrue(ThrottleBackoff.isThrottling(error(line)), line)
            XCTAssertEqual(error(line).disposition == .permanent, false, line)
        }
        for line in ["A7 NO [NONEXISTENT] no such mailbox", "* BYE Logging out", "A7 NO [LIMIT] too large", "A7 OK done"] {
            XCTAssertFalse(ThrottleBackoff.isThrottling(error(line)), line)
        }
        let backoff = ThrottleBackoff(retries: 5, initial: .seconds(2), maximum: .seconds(10))
        XCTAssertEqual((0..<5).map { backoff.delay(before: $0) }, [.seconds(2), .seconds(4), .seconds(8), .seconds(10), .seconds(10)])
    }
}
