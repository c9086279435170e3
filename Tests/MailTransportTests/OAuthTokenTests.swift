import Foundation
import XCTest
@testable import MailTransport

/// The pure pieces of the OAuth client: refresh margin, form encoding, challenge decoding.
final class OAuthTokenTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: 1_800_000_000)

    func testTheRefreshMarginIsTenPercentOfTheLifetimeAtMostFiveMinutes() {
        let hour = OAuthToken(value: "t", issuedAt: start, expiresAt: start.addingTimeInterval(3600))
        XCTAssertEqual(hour.refreshMargin, 300, "Microsoft's 60-90 min tokens: 5 minutes")
        let short = OAuthToken(value: "tok3n-value", issuedAt: start, expiresAt: start.addingTimeInterval(20))
        XCTAssertEqual(short.refreshMargin, 2, accuracy: 0.001, "a 20 s test token: 2 s, not a fixed 5 min that would never be usable")
        XCTAssertTrue(short.isUsable(at: start.addingTimeInterval(17.9)))
        XCTAssertFalse(short.isUsable(at: start.addingTimeInterval(18)))
        XCTAssertFalse("\(short)".contains("tok3n-value"), "description redacts")
        XCTAssertTrue("\(short)".contains("[redacted]"))
    }

    func testFormEncodingEscapesEverythingButUnreserved() {
        XCTAssertEqual(OAuthTokenClient.formEncoded("https://outlook.office365.com/.default"),
                       "https%3A%2F%2Foutlook.office365.com%2F.default")
        XCTAssertEqual(OAuthTokenClient.formEncoded("a+b c&d=é~_-."), "a%2Bb%20c%26d%3D%C3%A9~_-.")
    }

    func testTheServersErrorChallengeIsDecodedFromIMAPAndSMTPLines() {
        let json = #"{"status":"401","schemes":"bearer","scope":"mail"}"#
        let encoded = Data(json.utf8).base64EncodedString()
        XCTAssertEqual(OAuthLoginRefusal.challenge(in: ["* OK hi\r\n", "+ \(encoded)\r\n", "A2 NO [AUTHENTICATIONFAILED]\r\n"]), json)
        XCTAssertEqual(OAuthLoginRefusal.challenge(in: ["334 \(encoded)\r\n", "535 5.7.8 no\r\n"]), json)
        XCTAssertNil(OAuthLoginRefusal.challenge(in: ["334 \r\n", "+ idling\r\n"]), "empty or non-JSON continuations are not challenges")
    }

    func testOnlyLoginFailuresCountAsRefusalsNotAMissingMailbox() {
        XCTAssertTrue(OAuthLoginRefusal.isLoginRefusal(CurlError(code: 67, message: "Login denied")))
        XCTAssertFalse(OAuthLoginRefusal.isLoginRefusal(CurlError(code: 67, message: "Select failed")))
        XCTAssertFalse(OAuthLoginRefusal.isLoginRefusal(CurlError(code: 56, message: "response reading failed")))
    }

    func testBase64URLRoundTrip() {
        let bytes: [UInt8] = [0xFB, 0xFF, 0x00, 0x3E, 0x3F]
        XCTAssertEqual(Base64URL.encode(bytes), "-_8APj8")
        XCTAssertEqual(Base64URL.decode("-_8APj8"), bytes)
    }
}
