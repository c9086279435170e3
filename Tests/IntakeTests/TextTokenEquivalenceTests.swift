import Foundation
import XCTest
@testable import Intake

/// The byte-wise `TextToken.tokenize` must cut and fold text exactly as the Character-by-Character
/// definition it replaced (`tokenizeByCharacters`): same kinds, folded texts, ranges, spacing.
final class TextTokenEquivalenceTests: XCTestCase {
    func assertSame(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let fast = TextToken.tokenize(text), reference = TextToken.tokenizeByCharacters(text)
        XCTAssertEqual(fast.count, reference.count, text.debugDescription, file: file, line: line)
        for (a, b) in zip(fast, reference) where a != b {
            XCTFail("\(text.debugDescription): \(a) != \(b)", file: file, line: line)
            return
        }
    }

    func testFixedTexts() {
        for text in KeywordMatcherEquivalenceTests.texts + KeywordMatcherEquivalenceTests.matchTexts + [
            "15/03/2026, 1ro de julio\r\n\r\nlunes 20.05.26", "a\r\n", "\r", "\r\n\u{301}x", "1\u{301}2 a\u{301}b",
            "abc\u{0085}def\u{2028}g\u{2029}h\u{000B}i\u{000C}j", "x\u{00A0}y\u{3000}z", "ÀÉÎ Õü ABCdef GHI",
        ] {
            assertSame(text)
        }
    }

    func testRandomTexts() {
        let alphabet = Array("aAzZeEéÉñÑ úÚüÜ,.:;-/\t\r\n\r\n0123456789ºª\u{301}\u{303}ßİ½—“”'\u{600}😀🇨🇴ǅ\u{85}\u{A0}") + ["\r", "\n"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1000 {
            let text = String((0..<Int.random(in: 0..<60, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            assertSame(text)
        }
    }

    /// Real bodies: every sample mail's text, tokenized both ways.
    func testSampleMails() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Samples")
        let files = try FileManager.default.contentsOfDirectory(at: samples, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "eml" }
        XCTAssertFalse(files.isEmpty)
        for file in files {
            assertSame(String(decoding: try Data(contentsOf: file), as: UTF8.self))
        }
    }
}

/// The byte-wise `TextNormalizer.lines` must cut a String where the Character-wise split does.
final class TextLinesEquivalenceTests: XCTestCase {
    func assertSame(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let fast = TextNormalizer.linesByBytes(text), reference = TextNormalizer.linesByCharacters(text)
        XCTAssertEqual(fast, reference, text.debugDescription, file: file, line: line)
        XCTAssertEqual(fast.map(\.startIndex), reference.map(\.startIndex), text.debugDescription, file: file, line: line)
        XCTAssertEqual(TextNormalizer.lines(text), reference, file: file, line: line)
    }

    func testFixedTexts() {
        for text in KeywordMatcherEquivalenceTests.texts + [
            "", "\n", "\r\n", "\r\r\n\n", "a\r\n\u{301}b", "a\u{85}b\u{2028}c\u{2029}d\u{0B}e\u{0C}f", "x\n", "\n\nx\n\n",
            "crédito\r\neducativo\r\n\r\n", "\u{2028}", "e\u{301}\r\n",
        ] {
            assertSame(text)
        }
    }

    func testRandomTexts() {
        let alphabet = Array("aé ñ\t\r\n\u{301}😀\u{85}\u{2028}\u{2029}\u{0B}\u{0C}\u{A0}:") + ["\r", "\n"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1000 {
            let text = String((0..<Int.random(in: 0..<40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            assertSame(text)
        }
    }
}
