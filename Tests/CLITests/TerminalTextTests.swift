import XCTest
@testable import OCMIntakeCLI

/// `TerminalText.escaped` returns safe text unchanged after one byte scan; that shortcut must
/// give what the line-by-line, scalar-by-scalar definition gives, for safe and unsafe text.
final class TerminalTextTests: XCTestCase {
    func testShortcutAgreesWithTheDefinition() {
        let texts = [
            "", "plain\ttext\nline two\n", "Crédito “educativo” – ñandú\n", "\r\n", "a\rb", "\u{1B}[2J", "x\u{7F}",
            "\u{85}\u{9F}\u{A0}", "exe.\u{202E}txt", "\u{200E}\u{200F}\u{2066}\u{2069}\u{2065}\u{206A}", "\u{61C}\u{61B}",
            "\u{2029}\u{2028}\u{201C}\u{2013}", "e\u{301}\n\u{301}",
        ]
        for text in texts {
            XCTAssertEqual(TerminalText.escaped(text), TerminalText.escapedByLines(text), text.debugDescription)
        }
        XCTAssertEqual(TerminalText.escaped("a\u{1B}b"), "a\\u{1B}b")
        let alphabet = Array("aé\t\n\u{1B}\u{7F}\u{85}\u{A0}\u{61C}\u{200E}\u{2010}\u{202A}\u{202F}\u{2066}\u{2070}“–😀") + ["\r", "\n"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = String((0..<Int.random(in: 0..<20, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            XCTAssertEqual(TerminalText.escaped(text), TerminalText.escapedByLines(text), text.debugDescription)
        }
    }
}
