import CCurl
import Foundation
import XCTest
@testable import MailTransport

/// The libcurl binding end to end without a mail server: typed setopt wrappers, the write,
/// header and read callbacks with their Unmanaged context, the body cap and error sorting.
/// IMAP and SMTP themselves are proven against real Dovecot and Postfix in the server tests.
final class CurlEasyTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("curl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testLinkedLibcurlSpeaksTheMailProtocols() {
        for scheme in ["imap", "imaps", "smtp", "smtps"] {
            XCTAssertTrue(CurlRuntime.supports(scheme), "libcurl lacks \(scheme)")
        }
        XCTAssertFalse(CurlRuntime.supports("gopher-over-pigeons"))
        XCTAssertTrue(CurlRuntime.version.hasPrefix("libcurl/"), CurlRuntime.version)
    }

    func testDownloadDeliversEveryByteThroughTheWriteCallback() throws {
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let file = directory.appendingPathComponent("in.bin")
        try Data(bytes).write(to: file)
        let easy = try CurlEasy()
        try easy.set(CURLOPT_URL, file.absoluteString)
        let result = try easy.perform()
        XCTAssertEqual(result.body.count, bytes.count)
        XCTAssertEqual(result.body, bytes)
    }

    func testUploadSendsEveryByteThroughTheReadCallback() throws {
        let message = Array("Subject: prueba\r\n\r\nCapacitación\r\n".utf8)
        let file = directory.appendingPathComponent("out.eml")
        let easy = try CurlEasy()
        try easy.set(CURLOPT_URL, file.absoluteString)
        _ = try easy.perform(upload: message)
        XCTAssertEqual(try Data(contentsOf: file), Data(message))
    }

    func testBodyCapAbortsTheTransferAsPermanent() throws {
        let file = directory.appendingPathComponent("big.bin")
        try Data(count: 200_000).write(to: file)
        let easy = try CurlEasy(maxBodyBytes: 50_000)
        try easy.set(CURLOPT_URL, file.absoluteString)
        XCTAssertThrowsError(try easy.perform()) { error in
            let curl = error as? CurlError
            XCTAssertEqual(curl?.code, Int(CURLE_WRITE_ERROR.rawValue))
            XCTAssertEqual(curl?.disposition, .permanent)
        }
    }

    func testRefusedConnectionIsTransientAndNamesTheCause() throws {
        let easy = try CurlEasy()
        // Port 1 on loopback: nothing listens there on these machines.
        try easy.set(CURLOPT_URL, "imap://127.0.0.1:1/INBOX")
        try easy.set(CURLOPT_CONNECTTIMEOUT, 5)
        XCTAssertThrowsError(try easy.perform()) { error in
            let curl = error as? CurlError
            XCTAssertEqual(curl?.code, Int(CURLE_COULDNT_CONNECT.rawValue))
            XCTAssertEqual(curl?.disposition, .transient)
            XCTAssertTrue(curl?.message.contains("127.0.0.1") ?? false, curl?.message ?? "")
        }
    }

    func testServerReplyDecidesUnknownCodes() {
        let temporary = CurlError(code: Int(CURLE_QUOTE_ERROR.rawValue), message: "quote", serverResponse: "451 4.3.0 try later")
        let final = CurlError(code: Int(CURLE_QUOTE_ERROR.rawValue), message: "quote", serverResponse: "550 5.1.1 no such user")
        XCTAssertEqual(temporary.disposition, .transient)
        XCTAssertEqual(final.disposition, .permanent)
        XCTAssertTrue(final.description.contains("550 5.1.1"))
    }
}
