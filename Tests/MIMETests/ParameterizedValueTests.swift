import XCTest
import MIME

final class ParameterizedValueTests: XCTestCase {
    struct Case {
        let name: String
        let raw: [UInt8]
        let value: String
        /// `name=value` in order.
        let parameters: [String]
        var issues: [MIMEWarning.Kind] = []

        init(_ name: String, _ raw: String, _ value: String, _ parameters: [String], _ issues: [MIMEWarning.Kind] = []) {
            self.init(name, Array(raw.utf8), value, parameters, issues)
        }

        init(_ name: String, _ raw: [UInt8], _ value: String, _ parameters: [String], _ issues: [MIMEWarning.Kind] = []) {
            self.name = name
            self.raw = raw
            self.value = value
            self.parameters = parameters
            self.issues = issues
        }
    }

    static let cases: [Case] = [
        Case("simple", "text/plain; charset=utf-8", "text/plain", ["charset=utf-8"]),
        Case("value lowercased, quoted boundary", "Multipart/Mixed; boundary=\"----=_Part_1\"",
             "multipart/mixed", ["boundary=----=_Part_1"]),
        Case("trailing semicolon", "text/plain;", "text/plain", []),
        Case("spaces everywhere", "text / plain ; charset = \"us-ascii\"", "text/plain", ["charset=us-ascii"]),
        Case("missing subtype", "text", "text", []),
        Case("empty", "", "", []),
        Case("no leading value", "; charset=utf-8", "", ["charset=utf-8"]),
        Case("comments", "text/plain (body); charset=utf-8 (unicode); format=flowed",
             "text/plain", ["charset=utf-8", "format=flowed"]),
        Case("names lowercased, values not", "text/plain; CharSet=UTF-8", "text/plain", ["charset=UTF-8"]),
        Case("quoted with escapes", "attachment; filename=\"a \\\"b\\\" c.pdf\"", "attachment", ["filename=a \"b\" c.pdf"]),
        Case("extra semicolons", "text/plain; charset=utf-8;;  ;", "text/plain", ["charset=utf-8"]),
        Case("missing semicolon before parameter", "text/html charset=utf-8", "text/html", ["charset=utf-8"],
             [.malformedParameter]),
        Case("unterminated quote", "attachment; filename=\"abc.pdf", "attachment", ["filename=abc.pdf"], [.malformedParameter]),
        Case("name without value", "attachment; filename; size=10", "attachment", ["size=10"], [.malformedParameter]),
        Case("empty value", "attachment; filename=", "attachment", ["filename="]),
        Case("unquoted with spaces", "attachment; filename=Informe final.pdf", "attachment", ["filename=Informe final.pdf"]),
        Case("unquoted raw UTF-8", "attachment; filename=año.pdf", "attachment", ["filename=año.pdf"]),
        Case("unquoted raw Windows-1252", Array("attachment; filename=a".utf8) + [0xF1] + Array("o.pdf".utf8),
             "attachment", ["filename=año.pdf"], [.undeclared8Bit]),
        Case("duplicates: first wins", "text/plain; name=a; name=b", "text/plain", ["name=a"]),
        Case("2231 single", "attachment; filename*=utf-8''Presentaci%C3%B3n.pptx", "attachment",
             ["filename=Presentación.pptx"]),
        Case("2231 latin1 with language", "attachment; filename*=iso-8859-1'es'Informe%20a%F1o.pdf", "attachment",
             ["filename=Informe año.pdf"]),
        Case("2231 quoted", "attachment; filename*=\"utf-8''%C3%B1.pdf\"", "attachment", ["filename=ñ.pdf"]),
        Case("2231 without charset quotes", "attachment; filename*=abc%20d", "attachment", ["filename=abc d"],
             [.malformedParameter]),
        Case("2231 continuations in order",
             "attachment; filename*0*=utf-8''Presentaci%C3%B3n; filename*1=\" Fondo\"; filename*2=\".pptx\"",
             "attachment", ["filename=Presentación Fondo.pptx"]),
        Case("2231 continuations out of order", "attachment; filename*1=\".pptx\"; filename*0=\"informe\"",
             "attachment", ["filename=informe.pptx"]),
        Case("2231 missing piece", "attachment; filename*0=\"a\"; filename*2=\"c\"", "attachment", ["filename=ac"],
             [.malformedParameter]),
        Case("2231 UTF-8 split across encoded sections", "attachment; filename*0*=utf-8''a%C3; filename*1*=%B1o",
             "attachment", ["filename=año"]),
        Case("2231 latin1 sections, mixed", "text/plain; title*0*=iso-8859-1''a%F1o; title*1=\" nuevo\"",
             "text/plain", ["title=año nuevo"]),
        Case("2231 wins over plain", "attachment; filename=\"plain.pdf\"; filename*=utf-8''real.pdf; size=3",
             "attachment", ["filename=real.pdf", "size=3"]),
        Case("bad percent kept", "attachment; filename*=utf-8''100%.pdf", "attachment", ["filename=100%.pdf"],
             [.malformedParameter]),
        Case("Outlook encoded word in quotes",
             "attachment; filename=\"=?utf-8?B?UHJlc2VudGFjacOzbiBGb25kby5wcHR4?=\"", "attachment",
             ["filename=Presentación Fondo.pptx"]),
        Case("Outlook encoded words in 2231 sections",
             "application/pdf; name*0=\"=?utf-8?B?UHJlc2VudGFjacOz?=\"; name*1=\" =?utf-8?B?biBGb25kby5wcHR4?=\"",
             "application/pdf", ["name=Presentación Fondo.pptx"]),
        Case("Outlook Q word in quotes", "attachment; filename=\"=?iso-8859-1?Q?a=F1o.pdf?=\"", "attachment",
             ["filename=año.pdf"]),
        // QUIRK (mime4j russian.msg): an unquoted encoded word.
        Case("unquoted encoded word", "attachment; filename==?koi8-r?B?89DJ08/LLmRvYw==?=", "attachment",
             ["filename=Список.doc"]),
        // QUIRK (mime4j multi-2evil.msg): quoted-pair escapes, then words glued to text, one with a language.
        Case("escapes and glued words in quotes",
             "inline; filename=\"of\\path-=?ISO-8859-1?Q?=63?=om=?US-ASCII*EN?Q?pr?=ess.gif\"", "inline",
             ["filename=ofpath-compress.gif"]),
        // QUIRK (Stalwart legacy/023.eml, Eudora 4): raw Latin-1 in a quoted filename.
        Case("quoted raw Latin-1", Array("attachment; filename=\"Fr".utf8) + [0xF6] + Array("sche.txt\"".utf8),
             "attachment", ["filename=Frösche.txt"], [.undeclared8Bit]),
        // QUIRK (Stalwart malformed/017.eml): folded into the parameter without `;`.
        Case("missing semicolon, folded", "multipart/mixed\tboundary=\"b\"", "multipart/mixed", ["boundary=b"],
             [.malformedParameter]),
    ]

    func testTable() {
        for c in Self.cases {
            let result = ParameterizedValue.parse(c.raw)
            XCTAssertEqual(result.value, c.value, "value, case: \(c.name)")
            XCTAssertEqual(result.parameters.map { "\($0.name)=\($0.value)" }, c.parameters, "parameters, case: \(c.name)")
            XCTAssertEqual(result.issues, c.issues, "issues, case: \(c.name)")
        }
    }

    func testSubscriptIsCaseInsensitive() {
        let result = ParameterizedValue.parse(Array("text/plain; Charset=utf-8".utf8))
        XCTAssertEqual(result["CHARSET"], "utf-8")
        XCTAssertNil(result["boundary"])
    }

    func testHostileInputIsBounded() {
        let inputs = [
            "a; " + String(repeating: "x*99999999=1; ", count: 5_000),
            "a; " + String(repeating: "(", count: 100_000),
            "a; " + String(repeating: "n*7*=%", count: 15_000),
            "a; " + String(repeating: "p=\"", count: 30_000),
        ]
        let clock = ContinuousClock()
        for (i, input) in inputs.enumerated() {
            let elapsed = clock.measure { _ = ParameterizedValue.parse(Array(input.utf8)) }
            XCTAssertLessThan(elapsed, .seconds(1), "input \(i)")
        }
    }
}
