import Foundation
import XCTest
@testable import MailTransport

/// The pure pieces of the transport: command quoting, response parsing, URL parsing, trace
/// redaction, the failure line a CurlError keeps.
final class ProtocolPiecesTests: XCTestCase {
    func testQuotingEscapesAndRefusesControlCharacters() throws {
        XCTAssertEqual(try IMAPCommand.quoted("<a\"b\\c%d@x>"), "\"<a\\\"b\\\\c%25d@x>\"")
        XCTAssertThrowsError(try IMAPCommand.quoted("a\r\nA1 LOGOUT"))
        XCTAssertThrowsError(try IMAPCommand.quoted("Borradores ñ"))
        XCTAssertEqual(IMAPCommand.uidSearch(from: 5, through: 9), "UID SEARCH UID 5:9")
        XCTAssertEqual(IMAPCommand.setFlags(uid: 7, "\\Draft"), "UID STORE 7 FLAGS.SILENT (\\Draft)")
    }

    func testResponsesAreReadByLineTypeNotPosition() {
        let body = Array("* 11 EXISTS\r\n* SEARCH 3 5 8\r\n* 2 RECENT\r\n".utf8)
        XCTAssertEqual(IMAPResponse.searchUIDs(in: IMAPResponse.lines(body)), [3, 5, 8])
        XCTAssertEqual(IMAPResponse.searchUIDs(in: ["* SEARCH"]), [])
        let status = IMAPResponse.status(in: ["* OK [CLIENTBUG] Status on selected mailbox",
                                              "* STATUS \"INBOX\" (MESSAGES 5 UIDNEXT 8 UIDVALIDITY 1795912931)"])
        XCTAssertEqual(status, MailboxStatus(uidValidity: 1_795_912_931, uidNext: 8, messages: 5))
        XCTAssertNil(IMAPResponse.status(in: ["* STATUS INBOX (MESSAGES 5)"]))
        XCTAssertEqual(IMAPResponse.appendUID(in: ["A005 OK [APPENDUID 1795912931 7] Append completed."])?.uid, 7)
        XCTAssertTrue(IMAPResponse.isReadOnly(["* OK [UIDNEXT 4]", "A004 OK [READ-ONLY] Examine completed"]))
        XCTAssertFalse(IMAPResponse.isReadOnly(["A004 OK [READ-WRITE] Select completed"]))
        XCTAssertTrue(IMAPResponse.reportsSeen(["* 1 FETCH (UID 1 FLAGS (\\Seen) BODY[] {152}"]))
        XCTAssertFalse(IMAPResponse.reportsSeen(["* 1 FETCH (UID 1 BODY[] {152}", "* 2 FETCH (FLAGS (\\Draft))"]))
    }

    func testMessageIDNormalisationAndHeaderScan() {
        XCTAssertEqual(MessageID("abc@x.co")?.value, "<abc@x.co>")
        XCTAssertEqual(MessageID(" <abc@x.co> ")?.value, "<abc@x.co>")
        XCTAssertNil(MessageID("<a b@x>"))
        XCTAssertNil(MessageID("<a@x>\r\nBcc: y"))
        let raw = Array("Subject: x\r\nMessage-Id:\r\n <folded@x.co> (comment)\r\n\r\nMessage-ID: <body@x.co>\r\n".utf8)
        XCTAssertEqual(MessageID.find(in: raw)?.value, "<folded@x.co>")
        XCTAssertNil(MessageID.find(in: Array("Subject: x\r\n\r\nMessage-ID: <body@x.co>\r\n".utf8)))
    }

    func testURLsAndConfigurationNeverCarryCredentials() throws {
        guard case .imap(let server, let mailbox) = try MailServerURL(parsing: "imaps://mail.icetex.gov.co/INBOX") else { return XCTFail() }
        XCTAssertEqual(server.base, "imaps://mail.icetex.gov.co:993")
        XCTAssertEqual(mailbox, "INBOX")
        guard case .smtp(let smtp, let client) = try MailServerURL(parsing: "smtp://127.0.0.1:2525/ocm") else { return XCTFail() }
        XCTAssertEqual(smtp.port, 2525)
        XCTAssertEqual(client, "ocm")
        XCTAssertEqual(try MailServerURL(parsing: "maildir:/srv/mail/ocm"), .maildir(path: "/srv/mail/ocm"))
        XCTAssertThrowsError(try MailServerURL(parsing: "imaps://user:secret@mail.icetex.gov.co/"))
        XCTAssertThrowsError(try MailServerURL(parsing: "http://mail.icetex.gov.co/"))
        XCTAssertThrowsError(try MailServerURL(parsing: "maildir:relative"))
        let configuration = MailServerConfiguration(url: .maildir(path: "/x"), login: "ocm", secret: .password("s3cr3t"))
        XCTAssertFalse("\(configuration)".contains("s3cr3t"))
        XCTAssertFalse("\(MailServerConfiguration.Secret.oauth2Token("tok3n"))".contains("tok3n"))
    }

    func testRedactorHidesEveryLoginLineAndAllData() {
        var redactor = ProtocolTraceRedactor()
        func lines(_ direction: ProtocolTraceRedactor.Direction, _ text: String) -> [String] {
            redactor.redact(direction, Array(text.utf8))
        }
        XCTAssertEqual(lines(.toServer, "A001 AUTHENTICATE PLAIN AGFuYQBwdy1hbmE=\r\n"), ["> A001 AUTHENTICATE PLAIN [redacted]"])
        XCTAssertEqual(lines(.fromServer, "A001 OK Logged in\r\n"), ["< A001 OK Logged in"])
        XCTAssertEqual(lines(.toServer, "A002 LOGIN ana pw-ana\r\n"), ["> A002 LOGIN [redacted]"])
        XCTAssertEqual(lines(.fromServer, "A002 OK\r\n"), ["< A002 OK"])
        // SMTP AUTH LOGIN: user and password travel as separate base64 lines after 334 challenges.
        XCTAssertEqual(lines(.toServer, "AUTH LOGIN\r\n"), ["> AUTH LOGIN [redacted]"])
        XCTAssertEqual(lines(.fromServer, "334 VXNlcm5hbWU6\r\n"), ["< 334 VXNlcm5hbWU6"])
        XCTAssertEqual(lines(.toServer, "YW5h\r\n"), ["> [redacted]"])
        XCTAssertEqual(lines(.fromServer, "334 UGFzc3dvcmQ6\r\n"), ["< 334 UGFzc3dvcmQ6"])
        XCTAssertEqual(lines(.toServer, "cHctYW5h\r\n"), ["> [redacted]"])
        XCTAssertEqual(lines(.fromServer, "235 2.7.0 Authentication successful\r\n"), ["< 235 2.7.0 Authentication successful"])
        XCTAssertEqual(lines(.toServer, "MAIL FROM:<ana@icetex.gov.co>\r\n"), ["> MAIL FROM:<ana@icetex.gov.co>"])
        XCTAssertEqual(lines(.dataToServer, "Subject: secreto\r\n\r\ncuerpo\r\n"), ["=> 28 bytes of data"])
        XCTAssertEqual(lines(.dataFromServer, "cuerpo"), ["<= 6 bytes of data"])
    }

    func testFailureLinePrefersTheRefusalOverTheGoodbye() {
        XCTAssertEqual(CurlError.failureLine(in: ["250 ok\r\n", "550 5.1.1 <nadie@x>: User unknown\r\n", "221 2.0.0 Bye\r\n"]),
                       "550 5.1.1 <nadie@x>: User unknown")
        XCTAssertEqual(CurlError.failureLine(in: ["A005 NO [NONEXISTENT] Mailbox doesn't exist\r\n", "* BYE Logging out\r\n", "A006 OK Logout completed.\r\n"]),
                       "A005 NO [NONEXISTENT] Mailbox doesn't exist")
        let busy = CurlError(code: 21, message: "Quote command returned error", serverResponse: "A5 NO [UNAVAILABLE] Temporary failure")
        XCTAssertEqual(busy.disposition, .transient)
        let gone = CurlError(code: 21, message: "Quote command returned error", serverResponse: "A5 NO [NONEXISTENT] no such mailbox")
        XCTAssertEqual(gone.disposition, .permanent)
        let refusedRcpt = CurlError(code: 55, message: "RCPT failed: 550", serverResponse: "550 5.1.1 unknown")
        XCTAssertEqual(refusedRcpt.disposition, .permanent)
        let later = CurlError(code: 55, message: "RCPT failed: 451", serverResponse: "451 4.3.0 try later")
        XCTAssertEqual(later.disposition, .transient)
        XCTAssertEqual(CurlError(code: 56, message: "recv").disposition, .connectionUnusable)
    }
}
