import Foundation
import XCTest

/// check-config refuses what would leak a secret or corrupt an IMAP command (issue 5/9).
extension DaemonCommandTests {
    func testSecretFileReadableByItsGroupIsRefused() throws {
        let secret = root.appendingPathComponent("imap.secret")
        try "pw-grupo".write(to: secret, atomically: true, encoding: .utf8)
        for mode in [0o640, 0o660, 0o604] {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: secret.path)
            try write(config: "", replacing: ("url: maildir:mail/formacionocm", "url: imaps://127.0.0.1:1/INBOX\n    secret_file: \(secret.path)"))
            let result = try CommandLineTests.run(["check-config", "--config", configPath])
            XCTAssertEqual(result.status, 2, "mode \(String(mode, radix: 8))")
            XCTAssertTrue(result.stderr.contains("readable by others"), result.stderr)
            XCTAssertFalse(result.stderr.contains("pw-grupo"), "the secret never appears")
        }
    }

    func testMailURLErrorsHideThePasswordAndCheckPortsAndNames() throws {
        let cases: [(String, String, String)] = [
            ("password in the URL", "imaps://ana:Secreto123@127.0.0.1/INBOX", "credentials do not belong"),
            ("port 99999", "imaps://127.0.0.1:99999/INBOX", "key 'url'"),
            ("port 0", "imaps://127.0.0.1:0/INBOX", "port 0"),
            ("NUL in the mailbox", "imaps://127.0.0.1/IN%00BOX", "control characters"),
            ("CR LF in the mailbox", "imaps://127.0.0.1/INBOX%0D%0AA1%20LOGOUT", "control characters"),
        ]
        for (name, url, message) in cases {
            try write(config: "", replacing: ("url: maildir:mail/formacionocm", "url: \(url)\n    secret_env: HOME"))
            let result = try CommandLineTests.run(["check-config", "--config", configPath])
            XCTAssertEqual(result.status, 2, "\(name): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(message), "\(name): \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("Secreto123"), "\(name): \(result.stderr)")
        }
        try write(config: "", replacing: ("url: maildir:mail/formacionocm", "url: maildir:mail/formacionocm\n    drafts_folder: \"Drafts\\r\\nA1 LOGOUT\""))
        let drafts = try CommandLineTests.run(["check-config", "--config", configPath])
        XCTAssertEqual(drafts.status, 2, drafts.stderr)
        XCTAssertTrue(drafts.stderr.contains("key 'drafts_folder'"), drafts.stderr)
    }

    /// Subject and From of a mail arrive decoded; terminal controls in them are shown escaped.
    func testTerminalControlsAreEscapedInMimeAndInspect() throws {
        let mail = root.appendingPathComponent("controles.eml")
        let subject = "=?UTF-8?B?" + Data("Solicitud \u{1B}]0;pwned\u{07} \u{202E}xcod.exe \u{9B}31m".utf8).base64EncodedString() + "?="
        try """
        From: =?UTF-8?Q?Ana_=1B[2J?= <amperez@icetex.gov.co>\r
        To: aseguramientoocm@icetex.gov.co\r
        Subject: \(subject)\r
        Date: Mon, 16 Feb 2026 09:12:00 -0500\r
        Message-ID: <controles@icetex.gov.co>\r
        \r
        Buenos días.\r

        """.write(to: mail, atomically: true, encoding: .utf8)
        for command in [["mime", mail.path], ["inspect", mail.path, "--config-dir", CommandLineTests.packageRoot.appendingPathComponent("config").path]] {
            let result = try CommandLineTests.run(command)
            XCTAssertEqual(result.status, 0, result.stderr)
            for control in ["\u{1B}", "\u{07}", "\u{202E}", "\u{9B}"] {
                XCTAssertFalse(result.stdout.contains(control), "\(command[0]) printed U+\(String(control.unicodeScalars.first!.value, radix: 16))")
            }
            XCTAssertTrue(result.stdout.contains("\\u{202E}xcod.exe"), result.stdout)
            XCTAssertTrue(result.stdout.contains("\\u{1B}]0;pwned"), result.stdout)
        }
    }
}
