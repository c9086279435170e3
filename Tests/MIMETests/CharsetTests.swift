import XCTest
@testable import MIME

final class CharsetTests: XCTestCase {
    struct Case {
        let name: String
        let bytes: [UInt8]
        let declared: String?
        let text: String
        var issues: [MIMEWarning.Kind] = []
    }

    static let anio: [UInt8] = [0x41, 0xC3, 0xB1, 0x6F]  // "Año" in UTF-8
    static let pena: [UInt8] = [0x50, 0x65, 0xF1, 0x61]  // "Peña" in Latin-1 / Windows-1252

    static let cases: [Case] = [
        Case(name: "utf-8", bytes: anio, declared: "utf-8", text: "Año"),
        Case(name: "UTF8 alias, upper case", bytes: anio, declared: "UTF8", text: "Año"),
        Case(name: "quoted name", bytes: anio, declared: "\"utf-8\"", text: "Año"),
        Case(name: "RFC 2231 language suffix", bytes: anio, declared: "utf-8*es", text: "Año"),
        Case(name: "unicode-1-1-utf-8", bytes: anio, declared: "unicode-1-1-utf-8", text: "Año"),
        Case(name: "utf-8 BOM stripped", bytes: [0xEF, 0xBB, 0xBF] + anio, declared: "utf-8", text: "Año"),
        Case(name: "us-ascii", bytes: Array("hello".utf8), declared: "us-ascii", text: "hello"),
        Case(name: "no charset, ascii", bytes: Array("hola".utf8), declared: nil, text: "hola"),
        Case(name: "latin1", bytes: pena, declared: "latin1", text: "Peña"),
        Case(name: "l1", bytes: pena, declared: "l1", text: "Peña"),
        Case(name: "iso_8859-1", bytes: pena, declared: "iso_8859-1", text: "Peña"),
        Case(name: "ISO-8859-1:1987", bytes: pena, declared: "ISO-8859-1:1987", text: "Peña"),
        Case(name: "iso-8859-1 carrying 1252 quotes", bytes: [0x93, 0x61, 0x94], declared: "iso-8859-1", text: "“a”"),
        Case(name: "cp1252", bytes: pena, declared: "cp1252", text: "Peña"),
        Case(name: "1252 0x80-0x9F", bytes: Array(0x80...0x9F), declared: "windows-1252",
             text: "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ"),
        Case(name: "1252 0xA4 is currency sign", bytes: [0xA4], declared: "windows-1252", text: "¤"),
        Case(name: "8859-15 0xA4 is euro", bytes: [0xA4], declared: "iso-8859-15", text: "€"),
        Case(name: "8859-15 Œœ Ÿ", bytes: [0xBC, 0xBD, 0xBE], declared: "ISO8859-15", text: "ŒœŸ"),
        Case(name: "8859-15 0x80 stays C1", bytes: [0x80], declared: "latin9", text: "\u{80}"),
        Case(name: "undeclared valid utf-8", bytes: anio, declared: nil, text: "Año", issues: [.undeclared8Bit]),
        Case(name: "us-ascii with 1252 bytes", bytes: pena, declared: "us-ascii", text: "Peña", issues: [.undeclared8Bit]),
        Case(name: "x-unknown with utf-8", bytes: anio, declared: "x-unknown", text: "Año", issues: [.undeclared8Bit]),
        Case(name: "utf-8 declared, 1252 bytes", bytes: Array("Informaci".utf8) + [0xF3, 0x6E], declared: "utf-8",
             text: "Información", issues: [.invalidBytesForCharset]),
        Case(name: "utf-8 with one stray 1252 dash", bytes: anio + [0x20, 0x96, 0x20] + anio, declared: "utf-8",
             text: "Año – Año", issues: [.invalidBytesForCharset]),
        Case(name: "utf-8 truncated at end", bytes: anio + [0xC3], declared: "utf-8",
             text: "AñoÃ", issues: [.invalidBytesForCharset]),
        Case(name: "unknown name, utf-8 bytes", bytes: anio, declared: "x-made-up", text: "Año", issues: [.unknownCharset]),
        Case(name: "unknown name, latin bytes", bytes: pena, declared: "x-made-up", text: "Peña",
             issues: [.unknownCharset, .undeclared8Bit]),
        Case(name: "utf-16 LE BOM", bytes: [0xFF, 0xFE, 0x41, 0x00, 0xF1, 0x00], declared: "utf-16", text: "Añ"),
        Case(name: "utf-16 BE BOM", bytes: [0xFE, 0xFF, 0x00, 0x41, 0x00, 0xF1], declared: "utf-16", text: "Añ"),
        Case(name: "utf-16 LE no BOM", bytes: [0x41, 0x00, 0xF1, 0x00], declared: "UTF-16", text: "Añ"),
        Case(name: "utf-16 BE no BOM", bytes: [0x00, 0x41, 0x00, 0xF1], declared: "utf-16", text: "Añ"),
        Case(name: "utf-16le", bytes: [0x41, 0x00, 0x07, 0x04], declared: "utf-16le", text: "AЇ"),
        Case(name: "iso-2022-jp", bytes: [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x38, 0x6C, 0x1B, 0x28, 0x42],
             declared: "iso-2022-jp", text: "日本語"),
        Case(name: "koi8-r", bytes: [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], declared: "koi8-r", text: "Привет"),
        Case(name: "gb2312", bytes: [0xD6, 0xD0, 0xCE, 0xC4], declared: "gb2312", text: "中文"),
        Case(name: "gbk", bytes: [0xD6, 0xD0, 0xCE, 0xC4], declared: "GBK", text: "中文"),
        Case(name: "shift_jis", bytes: [0x93, 0xFA, 0x96, 0x7B], declared: "Shift_JIS", text: "日本"),
        Case(name: "big5", bytes: [0xA4, 0xA4, 0xA4, 0xE5], declared: "big5", text: "中文"),
        Case(name: "ks_c_5601-1987 (Outlook Korean)", bytes: [0xC7, 0xD1, 0xB1, 0xB9], declared: "ks_c_5601-1987", text: "한국"),
        Case(name: "shift_jis invalid byte replaced, rest kept", bytes: [0x93, 0xFA, 0xFF, 0x41], declared: "shift_jis",
             text: "日\u{FFFD}A", issues: [.invalidBytesForCharset]),
        Case(name: "shift_jis truncated at end", bytes: [0x41, 0x93], declared: "shift_jis",
             text: "A\u{FFFD}", issues: [.invalidBytesForCharset]),
    ]

    func testTable() {
        for c in Self.cases {
            let result = Charset.decode(c.bytes, declared: c.declared)
            XCTAssertEqual(result.text, c.text, "case: \(c.name)")
            XCTAssertEqual(result.issues, c.issues, "issues, case: \(c.name)")
        }
    }

    func testLargeIconvInputCrossesChunks() {
        let unit: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4]
        let bytes = Array(repeating: unit, count: 20_000).flatMap { $0 }
        let result = Charset.decode(bytes, declared: "gb2312")
        XCTAssertEqual(result.text.count, 40_000)
        XCTAssertTrue(result.text.allSatisfy { $0 == "中" || $0 == "文" })
        XCTAssertEqual(result.issues, [])
    }

    func testEveryByteSurvivesTheGuess() {
        let bytes = (0...255).map { UInt8($0) }
        let result = Charset.decode(bytes, declared: nil)
        XCTAssertEqual(result.text.unicodeScalars.count, 256)
        XCTAssertEqual(result.issues, [.undeclared8Bit])
    }
}
