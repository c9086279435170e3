import Foundation
import XCTest
@testable import MIME

/// The reply builder: what it writes must read back through our own parser unchanged, stay
/// within the line limits, and never let a value add a header field.
final class MessageBuilderTests: XCTestCase {
    let ana = Mailbox(displayName: "Ana María Pérez", address: "ana.perez@icetex.gov.co")
    let ocm = Mailbox(displayName: "Aseguramiento OCM", address: "aseguramientoocm@icetex.gov.co")
    let formacion = Mailbox(displayName: "Formación OCM", address: "formacionocm@icetex.gov.co")
    /// 2026-02-17 14:30:00 UTC, 09:30 in Bogotá.
    let date = Date(timeIntervalSince1970: 1_771_338_600)

    func message(subject: String, from: Mailbox? = nil, to: [Mailbox]? = nil, body: MessageBody = .plain("Hola")) -> [UInt8] {
        var builder = MessageBuilder(body: body)
        builder.add("From", mailboxes: [from ?? ocm])
        builder.add("To", mailboxes: to ?? [ana])
        builder.add("Subject", text: subject)
        builder.add("Date", date: date, offsetMinutes: -300)
        builder.add("Message-ID", messageIDs: ["OCM-2026-0001.r1.observaciones@ocm.icetex.gov.co"])
        return builder.build()
    }

    static func lines(_ raw: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for i in raw.indices where raw[i] == 0x0A {
            lines.append(raw[start..<(i > start && raw[i - 1] == 0x0D ? i - 1 : i)])
            start = i + 1
        }
        if start < raw.count { lines.append(raw[start...]) }
        return lines
    }

    static func headerLines(_ raw: [UInt8]) -> [ArraySlice<UInt8>] {
        Array(lines(raw).prefix { !$0.isEmpty })
    }

    /// CRLF everywhere: no bare CR, no bare LF, and the message ends with a line break.
    func assertCanonicalLineBreaks(_ raw: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        for i in raw.indices {
            if raw[i] == 0x0A { XCTAssertTrue(i > 0 && raw[i - 1] == 0x0D, "bare LF at \(i)", file: file, line: line) }
            if raw[i] == 0x0D { XCTAssertTrue(i + 1 < raw.count && raw[i + 1] == 0x0A, "bare CR at \(i)", file: file, line: line) }
        }
        XCTAssertEqual(raw.suffix(2), [0x0D, 0x0A], file: file, line: line)
    }

    func testPlainMessageLayout() {
        let raw = String(decoding: message(subject: "Observaciones"), as: UTF8.self)
        XCTAssertEqual(raw, """
            From: Aseguramiento OCM <aseguramientoocm@icetex.gov.co>\r
            To: =?UTF-8?Q?Ana_Mar=C3=ADa_P=C3=A9rez?= <ana.perez@icetex.gov.co>\r
            Subject: Observaciones\r
            Date: Tue, 17 Feb 2026 09:30:00 -0500\r
            Message-ID: <OCM-2026-0001.r1.observaciones@ocm.icetex.gov.co>\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Hola\r

            """)
    }

    func testRoundTripThroughParser() {
        let subject = "[OCM-2026-0001] Observaciones a su solicitud: condonación Fondos en Administración – Comunidades negras"
        let body = "Buen día, Ana María:\n\nRevisamos su solicitud «condonación» del 16/02/2026.\n\(String(repeating: "Línea larga con tildes y eñes ", count: 12))\n= fin =  \n"
        var builder = MessageBuilder(body: .plain(body))
        builder.add("From", mailboxes: [ocm])
        builder.add("To", mailboxes: [ana])
        builder.add("Cc", mailboxes: [formacion])
        builder.add("Subject", text: subject)
        builder.add("In-Reply-To", messageIDs: ["<CAF=abc@mail.icetex.gov.co>"])
        let raw = builder.build()
        assertCanonicalLineBreaks(raw)
        let parsed = MessageParser.parse(raw)
        XCTAssertEqual(parsed.subject, subject)
        XCTAssertEqual(parsed.from, ocm)
        XCTAssertEqual(parsed.to, [ana])
        XCTAssertEqual(parsed.cc, [formacion])
        XCTAssertEqual(parsed.inReplyTo, "<CAF=abc@mail.icetex.gov.co>")
        XCTAssertEqual(parsed.textBody?.replacingOccurrences(of: "\r\n", with: "\n"), body)
        XCTAssertEqual(parsed.root.transferEncoding, "quoted-printable")
        XCTAssertEqual(parsed.root.charset, "utf-8")
        XCTAssertEqual(parsed.warnings, [])
        for line in Self.lines(raw) { XCTAssertLessThanOrEqual(line.count, 78, String(decoding: line, as: UTF8.self)) }
    }

    func testAlternativeRoundTrip() {
        let plain = "Concepto viable: condonación\n"
        let html = "<p>Concepto <b>viable</b>: condonación</p>\n"
        let raw = message(subject: "Concepto viable", body: .alternative(plain: plain, html: html))
        assertCanonicalLineBreaks(raw)
        let parsed = MessageParser.parse(raw)
        XCTAssertEqual(parsed.root.mimeType, "multipart/alternative")
        XCTAssertEqual(parsed.textBody?.replacingOccurrences(of: "\r\n", with: "\n"), plain)
        XCTAssertEqual(parsed.htmlBody?.replacingOccurrences(of: "\r\n", with: "\n"), html)
        XCTAssertEqual(parsed.attachments.count, 0)
        XCTAssertEqual(parsed.warnings, [])
    }

    // MARK: header injection

    func testNoValueCanAddAHeaderField() {
        let attacks = ["Hola\r\nBcc: x@y", "Hola\nBcc: x@y", "Hola\rBcc: x@y", "Hola\r\n\r\nBcc: x@y",
                       "Hola\u{0B}\u{0C}\u{85}\u{2028}Bcc: x@y", "Hola\r\n Bcc: x@y", "Hola\0Bcc: x@y"]
        for attack in attacks {
            let from = Mailbox(displayName: attack, address: "ana@icetex.gov.co\r\nBcc: x@y")
            var builder = MessageBuilder(body: .plain("cuerpo"))
            builder.add("From", mailboxes: [from])
            builder.add("To", mailboxes: [Mailbox(displayName: nil, address: "ana@icetex.gov.co\nBcc: x@y")])
            builder.add("Subject", text: attack)
            builder.add("X-Note\r\nBcc", text: "x@y")
            builder.add("References", messageIDs: ["<a@b>\r\nBcc: x@y"])
            let raw = builder.build()
            assertCanonicalLineBreaks(raw)
            let parsed = MessageParser.parse(raw)
            let names = parsed.headers.fields.map { $0.name.lowercased() }
            XCTAssertFalse(names.contains("bcc"), "attack \(attack.debugDescription): \(names)")
            XCTAssertEqual(names, ["from", "to", "subject", "x-notebcc", "references", "mime-version", "content-type",
                                   "content-transfer-encoding"], attack.debugDescription)
            XCTAssertEqual(parsed.subject, "Hola Bcc: x@y", attack.debugDescription)
            XCTAssertEqual(parsed.from?.displayName, "Hola Bcc: x@y", attack.debugDescription)
            XCTAssertEqual(parsed.textBody, "cuerpo\r\n")
            for line in Self.headerLines(raw) {
                XCTAssertFalse(line.starts(with: Array("Bcc".utf8)), String(decoding: line, as: UTF8.self))
            }
        }
    }

    func testBodyFieldsCannotBeAddedByHand() {
        var builder = MessageBuilder(body: .plain("x"))
        builder.add("Content-Type", text: "text/html")
        builder.add("MIME-Version", text: "2.0")
        builder.add("Subject", text: "s")
        let parsed = MessageParser.parse(builder.build())
        XCTAssertEqual(parsed.headers.all("Content-Type").count, 1)
        XCTAssertEqual(parsed.root.mimeType, "text/plain")
        XCTAssertEqual(parsed.headers["MIME-Version"].map { String(decoding: $0.rawValue, as: UTF8.self) }, "1.0")
    }

    // MARK: folding and line lengths

    func testLongSubjectsFoldWithin78() {
        let subjects = [
            String(repeating: "a", count: 3000),
            String(repeating: "ñandú ", count: 400),
            String(repeating: "palabra ", count: 300),
            String(repeating: "€", count: 500),
            "Solicitud " + String(repeating: "x", count: 90) + " fin",
            String(repeating: "👩🏽‍🏫", count: 60),
        ]
        for subject in subjects {
            let raw = message(subject: subject)
            assertCanonicalLineBreaks(raw)
            for line in Self.lines(raw) {
                XCTAssertLessThanOrEqual(line.count, 78, "\(subject.prefix(20)): \(String(decoding: line, as: UTF8.self))")
            }
            let expected = HeaderText.flattened(subject)
            XCTAssertEqual(MessageParser.parse(raw).subject, expected, String(subject.prefix(20)))
        }
    }

    func testEncodedWordsAreWholeCharactersAndShort() {
        let raw = String(decoding: message(subject: String(repeating: "ñ€😀", count: 40)), as: UTF8.self)
        let words = raw.split(whereSeparator: { $0 == " " || $0 == "\r\n" }).filter { $0.hasPrefix("=?") }
        XCTAssertGreaterThan(words.count, 3)
        for word in words {
            XCTAssertLessThanOrEqual(word.count, 75)
            // Each word decodes on its own to valid UTF-8 (no character split between words).
            let decoded = EncodedWord.decodeHeaderText(Array(word.utf8))
            XCTAssertEqual(decoded.issues, [], String(word))
            XCTAssertFalse(decoded.text.contains("\u{FFFD}"), String(word))
        }
    }

    func testLongReferencesFoldOneIDPerLine() {
        let ids = (1...200).map { "<msg\($0).part@mail.icetex.gov.co>" }
        var builder = MessageBuilder()
        builder.add("References", messageIDs: ids)
        let raw = builder.build()
        for line in Self.headerLines(raw) { XCTAssertLessThanOrEqual(line.count, 78) }
        XCTAssertEqual(MessageParser.parse(raw).references, ids)
    }

    func testAbsurdTokensNeverCross998() {
        let longAddress = String(repeating: "a", count: 2500) + "@icetex.gov.co"
        let longID = String(repeating: "b", count: 3000) + "@x"
        var builder = MessageBuilder()
        builder.add("To", mailboxes: [Mailbox(displayName: String(repeating: "Nombre ", count: 300), address: longAddress)])
        builder.add("References", messageIDs: [longID])
        let raw = builder.build()
        assertCanonicalLineBreaks(raw)
        for line in Self.lines(raw) { XCTAssertLessThanOrEqual(line.count, 998) }
        XCTAssertEqual(MessageParser.parse(raw).headers.fields.count, 5)
    }

    // MARK: addresses

    func testDisplayNamesQuotedOrEncodedAsNeeded() {
        let cases: [(Mailbox, String)] = [
            (Mailbox(displayName: "Ana Perez", address: "a@x.co"), "Ana Perez <a@x.co>"),
            (Mailbox(displayName: "Perez, Ana", address: "a@x.co"), "\"Perez, Ana\" <a@x.co>"),
            (Mailbox(displayName: "John Q. Public", address: "a@x.co"), "\"John Q. Public\" <a@x.co>"),
            (Mailbox(displayName: "Say \"hi\" \\ bye", address: "a@x.co"), "\"Say \\\"hi\\\" \\\\ bye\" <a@x.co>"),
            (Mailbox(displayName: "Pérez, Ana", address: "a@x.co"), "=?UTF-8?Q?P=C3=A9rez=2C_Ana?= <a@x.co>"),
            (Mailbox(displayName: "张伟", address: "a@x.co"), "=?UTF-8?B?5byg5Lyf?= <a@x.co>"),
            (Mailbox(displayName: "=?utf-8?q?x?=", address: "a@x.co"), "=?UTF-8?Q?=3D=3Futf-8=3Fq=3Fx=3F=3D?= <a@x.co>"),
            (Mailbox(displayName: nil, address: "a@x.co"), "a@x.co"),
            (Mailbox(displayName: "  ", address: "<a@x.co>"), "a@x.co"),
        ]
        for (mailbox, expected) in cases {
            var builder = MessageBuilder()
            builder.add("To", mailboxes: [mailbox])
            let raw = builder.build()
            XCTAssertEqual(String(decoding: Self.headerLines(raw)[0], as: UTF8.self), "To: " + expected)
            let parsed = MessageParser.parse(raw).to
            let name = mailbox.displayName.map(HeaderText.flattened).flatMap { $0.isEmpty ? nil : $0 }
            XCTAssertEqual(parsed, [Mailbox(displayName: name, address: "a@x.co")], expected)
        }
    }

    func testAddressListRoundTrip() {
        let list = [ana, Mailbox(displayName: "Pérez, Luis", address: "luis@icetex.gov.co"), Mailbox(address: "c@icetex.gov.co"),
                    Mailbox(displayName: String(repeating: "Nombre Largo ", count: 10), address: "largo@icetex.gov.co")]
        var builder = MessageBuilder()
        builder.add("To", mailboxes: list)
        let raw = builder.build()
        for line in Self.headerLines(raw) { XCTAssertLessThanOrEqual(line.count, 78) }
        var expected = list
        expected[3].displayName = HeaderText.flattened(list[3].displayName!)
        XCTAssertEqual(MessageParser.parse(raw).to, expected)
    }

    // MARK: dates

    func testDateFormatting() {
        let cases: [(TimeInterval, Int, String)] = [
            (1_771_338_600, -300, "Tue, 17 Feb 2026 09:30:00 -0500"),
            (1_767_236_400, -300, "Wed, 31 Dec 2025 22:00:00 -0500"),  // 2026-01-01 03:00 UTC
            (0, 0, "Thu, 1 Jan 1970 00:00:00 +0000"),
            (-1, 0, "Wed, 31 Dec 1969 23:59:59 +0000"),
            (951_782_400, 330, "Tue, 29 Feb 2000 05:30:00 +0530"),
            (1_771_338_600.9, -300, "Tue, 17 Feb 2026 09:30:00 -0500"),
        ]
        for (seconds, offset, expected) in cases {
            let instant = Date(timeIntervalSince1970: seconds)
            XCTAssertEqual(MailDate.format(instant, offsetMinutes: offset), expected)
            let back = MailDate.parse(expected)
            XCTAssertEqual(back?.instant, Date(timeIntervalSince1970: seconds.rounded(.down)), expected)
            XCTAssertEqual(back?.offsetMinutes, offset, expected)
        }
    }

    // MARK: quoted-printable

    func testQuotedPrintableTable() {
        let cases: [(String, String)] = [
            ("Hola", "Hola"),
            ("a=b", "a=3Db"),
            ("fin ", "fin=20"),
            ("fin\t", "fin=09"),
            ("a \nb", "a=20\r\nb"),
            ("ñ", "=C3=B1"),
            ("uno\ndos\r\ntres\rcuatro", "uno\r\ndos\r\ntres\r\ncuatro"),
            ("From here", "=46rom here"),
            ("x From here", "x From here"),
            ("\n", "\r\n"),
            (String(repeating: "a", count: 76), String(repeating: "a", count: 76)),
            (String(repeating: "a", count: 77), String(repeating: "a", count: 75) + "=\r\naa"),
            (String(repeating: "a", count: 74) + "é", String(repeating: "a", count: 74) + "=\r\n=C3=A9"),
            (String(repeating: "a", count: 75) + " ", String(repeating: "a", count: 75) + "=\r\n=20"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(String(decoding: QuotedPrintable.encode(input), as: UTF8.self), expected, input.debugDescription)
        }
    }

    func testQuotedPrintableRoundTripsAndLimits() {
        var generator = SplitMix(seed: 2026)
        let alphabet: [String] = Array("abc xyz=\t.ñé€😀\n\r-_~F").map(String.init) + ["From ", "\r\n"]
        for _ in 0..<300 {
            let length = Int(generator.next() % 400)
            let text = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            let encoded = QuotedPrintable.encode(text)
            for line in Self.lines(encoded) {
                XCTAssertLessThanOrEqual(line.count, 76)
                XCTAssertFalse(line.last == 0x20 || line.last == 0x09, "trailing whitespace")
                XCTAssertTrue(line.allSatisfy { $0 == 0x09 || (0x20...0x7E).contains($0) }, "non-ASCII in QP")
            }
            assertNoBareBreaks(encoded)
            let decoded = QuotedPrintable.decode(encoded)
            XCTAssertFalse(decoded.malformed)
            XCTAssertEqual(String(decoding: decoded.bytes, as: UTF8.self), canonical(text), text.debugDescription)
        }
    }

    func canonical(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
    }

    func assertNoBareBreaks(_ bytes: [UInt8]) {
        for i in bytes.indices {
            if bytes[i] == 0x0A { XCTAssertTrue(i > 0 && bytes[i - 1] == 0x0D) }
            if bytes[i] == 0x0D { XCTAssertTrue(i + 1 < bytes.count && bytes[i + 1] == 0x0A) }
        }
    }
}

/// A small deterministic generator, so a failing case can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
