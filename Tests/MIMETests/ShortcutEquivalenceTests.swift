import XCTest
@testable import MIME

/// The byte-level shortcuts taken for speed (ASCII names, types and encodings; header text
/// without `=?`; the two common charset spellings) must answer what the general definitions
/// answer, for ASCII and non-ASCII input alike.
final class ShortcutEquivalenceTests: XCTestCase {
    static let alphabet: [String] = ["a", "A", "z", "Z", "@", "`", "[", "{", "-", "/", " ", "\t", ";", "(", "=", "?",
                                     "é", "É", "İ", "\u{212A}", "e\u{301}", "\r\n", "ß", "\u{FF}", "*", "k", "K"]

    static func randomStrings(_ count: Int, maxLength: Int = 12) -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...maxLength, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
        }
    }

    func testCaseInsensitiveEqualsIsLowercasedEquality() {
        let names = ["Content-Type", "content-type", "CONTENT-TYPE", "Content-Typf", "Content-Typ@", "Content-Typ`",
                     "Contént-Type", "contÉnt-type", "İ", "i\u{307}", "\u{212A}", "k"]
        let pairs = names.flatMap { a in names.map { (a, $0) } } + zip(Self.randomStrings(3000, maxLength: 3), Self.randomStrings(3000, maxLength: 3)).map { ($0, $1) }
        for (a, b) in pairs {
            XCTAssertEqual(a.caseInsensitiveEquals(b), a.utf8.count == b.utf8.count && a.lowercased() == b.lowercased(), "\(a.debugDescription) \(b.debugDescription)")
        }
    }

    func testWinmailNameIsLowercasedComparison() {
        let names = ["winmail.dat", "WINMAIL.DAT", "WinMail.Dat", "winmail.da", "winmail.datx", "wınmail.dat", "winmail dat"]
            + Self.randomStrings(2000).map { $0 + "mail.dat" } + Self.randomStrings(2000)
        for name in names {
            XCTAssertEqual(TNEF.isTNEF(mimeType: "application/octet-stream", filename: name), name.lowercased() == "winmail.dat", name.debugDescription)
        }
    }

    func testTypeCheckAndEncodingTokenAgreeWithTheCharacterDefinitions() {
        let values = ["text/plain", "text/", "/plain", "text", "", "multipart/mixed x", "a/b", "image/jpeg;", "/", "é/x", "x/\u{301}y",
                      "base64", " BASE64 ", "Quoted-Printable (comment)", ";7bit", "8Bit\t", "(x", "bäse64", "x-uue;z"]
            + Self.randomStrings(3000)
        for v in values {
            XCTAssertEqual(PartMetadata.isValidType(v), Self.characterIsValidType(v), v.debugDescription)
            XCTAssertEqual(PartMetadata.token(Array(v.utf8)), PartMetadata.token(v), v.debugDescription)
        }
    }

    /// `isValidType` as it was written before its ASCII shortcut.
    static func characterIsValidType(_ v: String) -> Bool {
        guard let slash = v.firstIndex(of: "/") else { return false }
        return slash != v.startIndex && v.index(after: slash) != v.endIndex && !v.utf8.contains(0x20)
    }

    func testHeaderTextWithoutWordsIsWhatTheWordLoopGives() {
        var samples: [[UInt8]] = [[], Array("Informe final.pdf".utf8), [0x43, 0xF3, 0x6D, 0x6F], [0xE2, 0x80], Array("a = ? b".utf8), Array("?=".utf8)]
        samples += Self.randomStrings(2000).map { Array($0.utf8).filter { $0 != UInt8(ascii: "?") } }
        var generator = SystemRandomNumberGenerator()
        samples += (0..<2000).map { _ in (0..<Int.random(in: 0...16, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) } }
        for raw in samples where !EncodedWord.containsWordStart(raw) {
            XCTAssertEqual(EncodedWord.decodeHeaderText(raw), EncodedWord.decodeWords(raw), "\(raw)")
        }
        XCTAssertTrue(EncodedWord.containsWordStart(Array("x=?utf-8?Q?a?=".utf8)))
        XCTAssertEqual(EncodedWord.decodeHeaderText(Array("=?utf-8?Q?Caf=C3=A9?=".utf8)).text, "Café")
    }

    func testCommonCharsetSpellingsResolveAsTheAliasTableSays() {
        for name in ["utf-8", "UTF-8", "us-ascii", "US-ASCII"] {
            let key = String(Charset.cleanName(name).unicodeScalars.filter { $0 != "-" && $0 != "_" && $0 != " " })
            XCTAssertEqual(Charset.resolve(name), Charset.aliases[key], name)
        }
    }
}

extension ShortcutEquivalenceTests {
    func testASCIILowercasingIsLowercased() {
        var generator = SystemRandomNumberGenerator()
        let samples = (0..<3000).map { _ in (0..<Int.random(in: 0...12, using: &generator)).map { _ in UInt8.random(in: 0...0x7F, using: &generator) } }
        for bytes in samples {
            XCTAssertEqual(ParameterizedValue.Scanner.asciiLowercased(bytes), String(decoding: bytes, as: UTF8.self).lowercased(), "\(bytes)")
        }
        XCTAssertNil(ParameterizedValue.Scanner.asciiLowercased([0x41, 0xC3, 0x89]))
        XCTAssertEqual(ParameterizedValue.parse(Array("Text/PLAIN; CharSet=\"UTF-8\"; Name*0=\"a\"; NAME*1=b".utf8)),
                       ParameterizedValue(value: "text/plain", parameters: [("charset", "UTF-8"), ("name", "ab")]))
    }
}
