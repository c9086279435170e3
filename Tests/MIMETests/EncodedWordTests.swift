import XCTest
import MIME

final class EncodedWordTests: XCTestCase {
    struct Case {
        let name: String
        let raw: [UInt8]
        let text: String
        var issues: [MIMEWarning.Kind] = []

        init(_ name: String, _ raw: String, _ text: String, _ issues: [MIMEWarning.Kind] = []) {
            self.init(name, Array(raw.utf8), text, issues)
        }

        init(_ name: String, _ raw: [UInt8], _ text: String, _ issues: [MIMEWarning.Kind] = []) {
            self.name = name
            self.raw = raw
            self.text = text
            self.issues = issues
        }
    }

    static let cases: [Case] = [
        Case("Q with underscore", "=?utf-8?q?Ana_Mar=C3=ADa?=", "Ana María"),
        Case("Q lowercase hex", "=?utf-8?q?d=c3=ada?=", "día"),
        Case("B utf-8 filename", "=?UTF-8?B?UHJlc2VudGFjacOzbiBGb25kby5wcHR4?=", "Presentación Fondo.pptx"),
        Case("word inside text", "Re: =?iso-8859-1?Q?Informaci=F3n?= del curso", "Re: Información del curso"),
        Case("adjacent words lose the space", "=?utf-8?q?Hola_?= =?utf-8?q?mundo?=", "Hola mundo"),
        Case("adjacent words, folding whitespace", "=?utf-8?q?a?=  \t =?utf-8?q?b?=", "ab"),
        Case("UTF-8 character split across B words",
             "=?utf-8?B?SW5mb3JtYWNpww==?= =?utf-8?B?s24gdMOpY25pY2E=?=", "Información técnica"),
        Case("adjacent words, different charsets", "=?iso-8859-1?q?a=F1o?= =?utf-8?q?_d=C3=ADa?=", "año día"),
        Case("text around words keeps its spaces", "a =?utf-8?q?b?= c", "a b c"),
        Case("RFC 2231 language in word", "=?utf-8*es?q?d=C3=ADa?=", "día"),
        Case("glued after text (Outlook)", "RE:=?utf-8?q?d=C3=ADa?=", "RE:día"),
        Case("glued before text", "=?utf-8?q?informe?=.pdf", "informe.pdf"),
        Case("windows-1252 Q", "=?windows-1252?Q?=93Hola=94_=80?=", "“Hola” €"),
        Case("ISO-2022-JP B", "=?ISO-2022-JP?B?GyRCRnxLXBsoQg==?=", "日本"),
        Case("missing ?= at end", "=?utf-8?q?d=C3=ADa", "día", [.malformedEncodedWord]),
        Case("missing ?= before space", "=?utf-8?q?hola mundo", "hola mundo", [.malformedEncodedWord]),
        Case("missing = of ?=", "=?utf-8?q?hola?", "hola", [.malformedEncodedWord]),
        Case("base64 without padding", "=?utf-8?B?SG9sYQ?=", "Hola", [.malformedEncodedWord]),
        Case("base64 with stray character", "=?utf-8?B?SG9s*YQ==?=", "Hola", [.malformedEncodedWord]),
        Case("unknown encoding letter kept", "=?utf-8?X?abc?= y", "=?utf-8?X?abc?= y", [.malformedEncodedWord]),
        Case("empty encoded text", "=?utf-8?q??=x", "x", [.malformedEncodedWord]),
        Case("lone = in Q", "=?utf-8?q?a=zz?=", "a=zz", [.malformedEncodedWord]),
        Case("not a word", "a=?b c", "a=?b c"),
        Case("question marks in plain text", "¿Qué tal?", "¿Qué tal?"),
        Case("unknown charset in word", "=?x-foo?q?abc?=", "abc", [.unknownCharset]),
        Case("us-ascii word with 8-bit", "=?us-ascii?q?a=F1o?=", "año", [.undeclared8Bit]),
        Case("raw UTF-8 (RFC 6532)", [0x41, 0xC3, 0xB1, 0x6F], "Año"),
        Case("raw Windows-1252 bytes", [0x50, 0x65, 0xF1, 0x61, 0x20, 0x96], "Peña –", [.undeclared8Bit]),
        // QUIRK (Stalwart legacy/010.eml, Eudora 4 and Outlook 2000): raw Latin-1 in a Subject.
        Case("raw Latin-1 subject", Array("Die Fr".utf8) + [0xF6] + Array("sche".utf8), "Die Frösche", [.undeclared8Bit]),
        Case("raw bytes next to a word", [0xF1, 0x20] + Array("=?utf-8?q?=C3=B1?=".utf8), "ñ ñ", [.undeclared8Bit]),
        Case("empty", "", ""),
    ]

    func testTable() {
        for c in Self.cases {
            let result = EncodedWord.decodeHeaderText(c.raw)
            XCTAssertEqual(result.text, c.text, "case: \(c.name)")
            XCTAssertEqual(result.issues, c.issues, "issues, case: \(c.name)")
        }
    }

    /// 100 KB of hostile or long input stays linear.
    func testLargeHeadersAreBounded() {
        let inputs: [[UInt8]] = [
            Array(String(repeating: "=?", count: 50_000).utf8),
            Array(String(repeating: "=?utf-8?q?a?= ", count: 7_000).utf8),
            Array(("=?utf-8?q?" + String(repeating: "x", count: 100_000)).utf8),
            Array(String(repeating: "=?" + String(repeating: "c", count: 60) + "?", count: 1_600).utf8),
        ]
        let clock = ContinuousClock()
        for (i, input) in inputs.enumerated() {
            var result = DecodedText("")
            let elapsed = clock.measure { result = EncodedWord.decodeHeaderText(input) }
            XCTAssertLessThan(elapsed, .seconds(1), "input \(i)")
            XCTAssertFalse(result.text.isEmpty, "input \(i)")
        }
        XCTAssertEqual(EncodedWord.decodeHeaderText(inputs[1]).text, String(repeating: "a", count: 7_000) + " ")
    }
}
