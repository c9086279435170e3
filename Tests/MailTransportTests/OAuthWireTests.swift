import Foundation
import OAuthWire
import XCTest

/// The readers of OAuth server bytes: what they take from a token answer and a refused login,
/// what they refuse, and every fuzz finding for them (`IntakeTests/Fixtures/fuzz/oauth/`, written
/// by `scripts/fuzz oauth`) replayed through the same calls as Fuzz/oauth.swift.
final class OAuthWireTests: XCTestCase {
    func testTokenAnswerIsRead() {
        let body = Array(#"{"token_type":"Bearer","expires_in":3599,"access_token":"abc.def"}"#.utf8)
        XCTAssertEqual(OAuthTokenResponse.read(httpStatus: 200, body: body), .token(value: "abc.def", expiresIn: 3599))
        let text = Array(#"{"expires_in":"20","access_token":"t"}"#.utf8)
        XCTAssertEqual(OAuthTokenResponse.read(httpStatus: 200, body: text), .token(value: "t", expiresIn: 20))
    }

    /// A token with CR/LF would let the endpoint inject IMAP commands into the SASL line; an
    /// absurd lifetime must not overflow a date or make a token immortal.
    func testHostileTokenAnswersAreRefusedOrBounded() {
        let injected = Array(#"{"expires_in":60,"access_token":"a\r\nP2 DELETE INBOX"}"#.utf8)
        guard case .unreadable = OAuthTokenResponse.read(httpStatus: 200, body: injected) else { return XCTFail("CR/LF token accepted") }
        for expiry in ["1e308", "-5", "0", "\"NaN\"", "\"inf\"", "[1]", "null"] {
            let body = Array(#"{"expires_in":\#(expiry),"access_token":"t"}"#.utf8)
            switch OAuthTokenResponse.read(httpStatus: 200, body: body) {
            case .token(_, let seconds):
                XCTAssertEqual(expiry, "1e308")
                XCTAssertEqual(seconds, OAuthTokenResponse.longestLifetime)
            case .unreadable: XCTAssertNotEqual(expiry, "1e308")
            case .refused: XCTFail(expiry)
            }
        }
        guard case .unreadable = OAuthTokenResponse.read(httpStatus: 200, body: Array(#"{"token_type":7,"expires_in":9,"access_token":"t"}"#.utf8)) else {
            return XCTFail("token_type of the wrong type accepted")
        }
        guard case .unreadable = OAuthTokenResponse.read(httpStatus: 200, body: Array("not json".utf8)) else { return XCTFail() }
    }

    func testRefusalKeepsPrintableBoundedErrorFields() {
        let long = String(repeating: "x", count: 5_000)
        let body = Array(#"{"error":"invalid_client\u0007","error_description":"\#(long)"}"#.utf8)
        guard case .refused(401, let error, let description) = OAuthTokenResponse.read(httpStatus: 401, body: body) else { return XCTFail() }
        XCTAssertEqual(error, "invalid_client")
        XCTAssertEqual(description?.count, OAuthTokenResponse.longestErrorText)
        XCTAssertEqual(OAuthTokenResponse.read(httpStatus: 503, body: []), .refused(httpStatus: 503, error: nil, description: nil))
    }

    func testErrorChallengeIsDecoded() {
        let json = #"{"status":"401","schemes":"bearer","scope":"https://outlook.office365.com/.default"}"#
        let line = "+ " + Data(json.utf8).base64EncodedString()
        XCTAssertEqual(OAuthErrorChallenge.json(in: ["* OK", line, "P1 NO [AUTHENTICATIONFAILED] failed"]), json)
        XCTAssertEqual(OAuthErrorChallenge.json(in: ["334 " + Data(json.utf8).base64EncodedString()]), json)
        XCTAssertEqual(OAuthErrorChallenge.status(ofJSON: json), "401")
        XCTAssertNil(OAuthErrorChallenge.json(in: ["+ not base64 at all", "334 " + Data("plain".utf8).base64EncodedString()]))
    }

    func testSASLRepliesAreSorted() {
        XCTAssertEqual(SASLReply.classify("+ eyJ9", imapTag: "P1"), .challenge)
        XCTAssertEqual(SASLReply.classify("P1 OK done", imapTag: "P1"), .loggedIn)
        XCTAssertEqual(SASLReply.classify("P1 NO [AUTHENTICATIONFAILED]", imapTag: "P1"), .refused)
        XCTAssertEqual(SASLReply.classify("* CAPABILITY IMAP4rev1", imapTag: "P1"), .other)
        XCTAssertEqual(SASLReply.classify("334 eyJ9", imapTag: nil), .challenge)
        XCTAssertEqual(SASLReply.classify("235 2.7.0 ok", imapTag: nil), .loggedIn)
        XCTAssertEqual(SASLReply.classify("535-5.7.3 first line", imapTag: nil), .other)
        XCTAssertEqual(SASLReply.classify("535 5.7.3 Authentication unsuccessful", imapTag: nil), .refused)
    }

    func testFuzzFindingsStayFixed() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("IntakeTests/Fixtures/fuzz/oauth")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        for name in names where !name.hasPrefix(".") {
            let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent(name)))
            for status in [200, 400] { _ = OAuthTokenResponse.read(httpStatus: status, body: bytes) }
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if let json = OAuthErrorChallenge.json(in: lines) { _ = OAuthErrorChallenge.status(ofJSON: json) }
            _ = OAuthErrorChallenge.status(ofJSON: String(decoding: bytes, as: UTF8.self))
            for line in lines.prefix(64) { _ = (SASLReply.classify(line, imapTag: "P1"), SASLReply.classify(line, imapTag: nil)) }
        }
    }
}
