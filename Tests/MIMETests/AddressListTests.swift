import XCTest
import MIME

final class AddressListTests: XCTestCase {
    struct Case {
        let name: String
        let raw: [UInt8]
        /// Mailboxes as `Mailbox.description`; groups as `Name: m1, m2;`.
        let entries: [String]
        var issues: [MIMEWarning.Kind] = []

        init(_ name: String, _ raw: String, _ entries: [String], _ issues: [MIMEWarning.Kind] = []) {
            self.init(name, Array(raw.utf8), entries, issues)
        }

        init(_ name: String, _ raw: [UInt8], _ entries: [String], _ issues: [MIMEWarning.Kind] = []) {
            self.name = name
            self.raw = raw
            self.entries = entries
            self.issues = issues
        }
    }

    static let cases: [Case] = [
        Case("bare address", "ana@icetex.gov.co", ["ana@icetex.gov.co"]),
        Case("name and angle address", "Ana Pérez <ana@icetex.gov.co>", ["Ana Pérez <ana@icetex.gov.co>"]),
        Case("quoted name with comma", "\"Pérez, Ana\" <ana@x.co>", ["Pérez, Ana <ana@x.co>"]),
        Case("encoded display name", "=?utf-8?q?Ana_Mar=C3=ADa?= <ana@x.co>", ["Ana María <ana@x.co>"]),
        Case("two encoded words", "=?utf-8?q?Ana?= =?utf-8?q?_Mar=C3=ADa?= <ana@x.co>", ["Ana María <ana@x.co>"]),
        Case("encoded word inside quotes", "\"=?utf-8?B?QW5hIE1hcsOtYQ==?=\" <ana@x.co>", ["Ana María <ana@x.co>"]),
        Case("encoded word with unquoted comma", "=?utf-8?Q?P=C3=A9rez,_Ana?= <ana@x.co>", ["Pérez, Ana <ana@x.co>"]),
        Case("name from comment", "ana@x.co (Ana Pérez)", ["Ana Pérez <ana@x.co>"]),
        Case("comment after angle address ignored", "Ana <ana@x.co> (OCM)", ["Ana <ana@x.co>"]),
        Case("comment name when angle has no phrase", "<ana@x.co> (Ana)", ["Ana <ana@x.co>"]),
        Case("two addresses", "a@x.co, Bob <b@y.co>", ["a@x.co", "Bob <b@y.co>"]),
        Case("empty elements", ", , a@x.co,,", ["a@x.co"]),
        Case("semicolon separators", "a@x.co; b@y.co", ["a@x.co", "b@y.co"]),
        Case("group", "Equipo OCM: a@x.co, Bob <b@y.co>;", ["Equipo OCM: a@x.co, Bob <b@y.co>;"]),
        Case("empty group", "undisclosed-recipients:;", ["undisclosed-recipients: ;"]),
        Case("group then mailbox", "Team: a@x.co;, c@z.co", ["Team: a@x.co;", "c@z.co"]),
        Case("group without closing semicolon", "Team: a@x.co, b@y.co", ["Team: a@x.co, b@y.co;"]),
        Case("obsolete route", "<@relay.x.co,@r2.y:ana@x.co>", ["ana@x.co"]),
        Case("missing closing bracket", "Ana <ana@x.co", ["Ana <ana@x.co>"], [.malformedAddress]),
        Case("missing bracket then next", "Ana <ana@x.co, Bob <bob@y.co>", ["Ana <ana@x.co>", "Bob <bob@y.co>"],
             [.malformedAddress]),
        Case("Outlook unquoted comma", "Pérez, Ana <ana@x.co>", ["Pérez, Ana <ana@x.co>"]),
        Case("Outlook unquoted commas, two", "Pérez, Ana <ana@x.co>, Gómez, Luis <luis@x.co>",
             ["Pérez, Ana <ana@x.co>", "Gómez, Luis <luis@x.co>"]),
        Case("quoted local part", "\"john doe\"@x.co", ["\"john doe\"@x.co"]),
        Case("needlessly quoted local part", "\"john\"@x.co", ["john@x.co"]),
        Case("UTF-8 address", "José <josé@ejemplo.co>", ["José <josé@ejemplo.co>"]),
        Case("dots in name", "John Q. Public <jqp@x.co>", ["John Q. Public <jqp@x.co>"]),
        Case("spaces inside addr-spec", "john . doe @ x . co", ["john.doe@x.co"]),
        Case("single-quoted name (Outlook)", "'Ana Pérez' <ana@x.co>", ["Ana Pérez <ana@x.co>"]),
        Case("raw Windows-1252 name", Array("Pe".utf8) + [0xF1] + Array("a <p@x.co>".utf8), ["Peña <p@x.co>"],
             [.undeclared8Bit]),
        Case("name without brackets", "Ana Perez ana@x.co", ["Ana Perez <ana@x.co>"], [.malformedAddress]),
        Case("local-only sender", "MAILER-DAEMON (Mail Delivery System)", ["Mail Delivery System <MAILER-DAEMON>"],
             [.malformedAddress]),
        Case("junk", "junk words here", [], [.malformedAddress]),
        Case("junk next to a good address", "junk words, a@x.co", ["a@x.co"], [.malformedAddress]),
        Case("empty angle address", "<>", [], [.malformedAddress]),
        Case("unterminated quote", "\"Ana <ana@x.co>", [], [.malformedAddress]),
        Case("empty", "", []),
    ]

    static func describe(_ entry: AddressListEntry) -> String {
        switch entry {
        case .mailbox(let m): return m.description
        case .group(let name, let members): return "\(name): \(members.map(\.description).joined(separator: ", "));"
        }
    }

    func testTable() {
        for c in Self.cases {
            let result = AddressList.parse(c.raw)
            XCTAssertEqual(result.entries.map(Self.describe), c.entries, "case: \(c.name)")
            XCTAssertEqual(result.issues, c.issues, "issues, case: \(c.name)")
        }
    }

    func testNormalizedAddressLowersDomainOnly() {
        let m = AddressList.parse(Array("Ana <Ana.Perez@ICETEX.GOV.CO>".utf8)).entries.first?.mailboxes.first
        XCTAssertEqual(m?.address, "Ana.Perez@ICETEX.GOV.CO")
        XCTAssertEqual(m?.normalizedAddress, "Ana.Perez@icetex.gov.co")
    }

    func testLargeListsAreBounded() {
        let inputs = [
            String(repeating: "Ana Pérez <ana@x.co>, ", count: 4_000),
            String(repeating: "<", count: 100_000),
            String(repeating: "(", count: 100_000),
            String(repeating: "a, ", count: 30_000),
            String(repeating: "=?a?", count: 25_000),
            String(repeating: "g:", count: 50_000),
        ]
        let clock = ContinuousClock()
        for (i, input) in inputs.enumerated() {
            var count = 0
            let elapsed = clock.measure { count = AddressList.parse(Array(input.utf8)).entries.count }
            XCTAssertLessThan(elapsed, .seconds(1), "input \(i)")
            if i == 0 { XCTAssertEqual(count, 4_000) }
        }
    }
}
