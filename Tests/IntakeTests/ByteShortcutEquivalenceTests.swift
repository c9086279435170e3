import Foundation
import XCTest
@testable import Intake

/// The byte shortcuts of the third inspection round must answer as the Character-wise code they
/// skip: sentence cuts of the test announcement, `TextNormalizer.trimmed`, and the announcement
/// itself (with and without the text's key) on fixed, random and sample texts.
final class ByteShortcutEquivalenceTests: XCTestCase {
    static let alphabet: [Character] = Array("aAeEéÉñ úÚ,.:;-\t0123456789ºª\u{301}\u{303}\u{200D}\u{600}ß“”'😀\u{85}\u{A0}\u{37E}") + ["\r", "\n", "\r\n"]
    static let fixed = [
        "", ".", ";", "\n", "\r\n", "a.b;c\nd", "más. Ya", "x.\u{301}y", "\u{600}.z", "a\u{37E}b", "e\r\n\r\nf", ". .",
        "Adjunto el test de 6 preguntas.", "No adjuntamos el test; va adjunto el cuestionario de 5 preguntas.",
        "Remito evaluación.” Gracias", "  Adjunto\u{A0}test  ", "\ttexto\t", "ú", "a", " a", "a ", "\u{85}x", "x\u{301}",
    ]

    func randomTexts(count: Int) -> [String] {
        var generator = SplitMix64(state: 11)
        return (0..<count).map { _ in
            String((0..<Int.random(in: 0..<50, using: &generator)).map { _ in Self.alphabet.randomElement(using: &generator)! })
        }
    }

    func samples() throws -> [String] {
        let files = try FileManager.default.contentsOfDirectory(at: repositoryRoot.appendingPathComponent("Samples"), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "eml" }
        XCTAssertFalse(files.isEmpty)
        return try files.map { String(decoding: try Data(contentsOf: $0), as: UTF8.self) }
    }

    func assertSameSentences(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        var copy = text
        guard let ranges = copy.withUTF8({ RequestReader.sentenceRanges($0) }) else { return }
        let bytes = Array(text.utf8)
        let fast = ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
        let reference = text.split(whereSeparator: { ".;\n".contains($0) }).map(String.init)
        XCTAssertEqual(fast, reference, text.debugDescription, file: file, line: line)
    }

    func testSentenceRanges() throws {
        var decided = 0
        for text in try Self.fixed + randomTexts(count: 2000) + samples() {
            assertSameSentences(text)
            var copy = text
            if copy.withUTF8({ RequestReader.sentenceRanges($0) }) != nil { decided += 1 }
        }
        XCTAssertGreaterThan(decided, 500, "the byte path must decide most texts")
    }

    func testTrimmed() throws {
        for text in try Self.fixed + randomTexts(count: 2000) + samples().flatMap({ TextNormalizer.lines($0).map(String.init) }) {
            let line = Substring(text)
            let reference: Substring = {
                guard let first = line.firstIndex(where: { !$0.isWhitespace }), let last = line.lastIndex(where: { !$0.isWhitespace }) else {
                    return line[line.endIndex...]
                }
                return line[first...last]
            }()
            let fast = TextNormalizer.trimmed(line)
            XCTAssertEqual(fast, reference, text.debugDescription)
            XCTAssertEqual(fast.startIndex, reference.startIndex, text.debugDescription)
            XCTAssertEqual(fast.endIndex, reference.endIndex, text.debugDescription)
        }
    }

    func testAnnouncementSameAsByCharacters() throws {
        let reader = RequestReader(rules: try Rules(yaml: String(contentsOf: repositoryRoot.appendingPathComponent("config/rules.yaml"), encoding: .utf8),
                                                    file: "config/rules.yaml"))
        var generator = SplitMix64(state: 7)
        let words = ["adjunto", "Test", "evaluación", "no", "remito", "6 preguntas", "cuestionario", ".", ";", "\n", "\r\n", "”", "más.", "x\u{301}."]
        let built = (0..<500).map { _ in (0..<Int.random(in: 1..<12, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ") }
        var announced = 0
        for text in try Self.fixed + built + randomTexts(count: 300) + samples() {
            let reference = reader.testAnnouncementByCharacters(in: text)
            for fast in [reader.testAnnouncement(in: text), reader.testAnnouncement(in: text, paddedKey: KeywordMatcher.paddedKey(text))] {
                XCTAssertEqual(fast.announced, reference.announced, text.debugDescription)
                XCTAssertEqual(fast.declared, reference.declared, text.debugDescription)
            }
            if reference.announced { announced += 1 }
        }
        XCTAssertGreaterThan(announced, 20, "the cases must include announcements")
    }
}
