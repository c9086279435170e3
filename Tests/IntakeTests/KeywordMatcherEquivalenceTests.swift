import Foundation
import XCTest
@testable import Intake

/// The byte-level `TextNormalizer.key`/`fold` and `KeywordMatcher` (Aho–Corasick) must read text exactly as
/// the Character-by-Character definitions they replaced; these tables compare them.
final class KeywordMatcherEquivalenceTests: XCTestCase {
    static let texts = [
        "", " ", "FECHA DE SALIDA A PRODUCCIÓN:", "Fecha de salida a produccion", "Crédito\r\nEducativo\r\n",
        "Fondo de Víctimas — convocatoria Nº 3, 2026-2", "e\u{301}xito cafe\u{301} nin\u{303}o", "İstanbul ß straße",
        "ﬁn ½ ² º ª µ", "naïve façade Ærø", "\u{600}12 \u{6DD}a", "👩‍👩‍👧 🇨🇴 ok", "τεστ Κρήτη", "日本語 テスト",
        "tab\there\u{00A0}nbsp", "REFUERZO de PORTAFOLIO y refuerzo", "a\u{301}\u{302}\u{303}b", "\u{301}leading mark",
        "x\r\n\u{301}y", "Ñandú – señal", "ǅemal ǆ", "\u{1F600}\u{301}",
    ]

    func testKeyAgreesWithTheCharacterDefinition() {
        for text in Self.texts {
            XCTAssertEqual(TextNormalizer.key(text), TextNormalizer.keyByCharacters(text), text.debugDescription)
        }
    }

    func testFoldAgreesWithTheCharacterDefinition() {
        for text in Self.texts + ["a\u{0}b\r\nC", "ŉ ǰ İ"] {
            let folded = TextNormalizer.fold(text)
            XCTAssertEqual(folded, String(text.map(TextNormalizer.fold)), text.debugDescription)
            XCTAssertEqual(folded.count, text.count, "one Character out for one in: \(text.debugDescription)")
        }
        XCTAssertEqual(TextNormalizer.fold("PRODUCCIÓN Ñandú"), "produccion nandu")
    }

    func testKeyAgreesOnRandomText() {
        let alphabet = Array("aAeEéÉñÑ úÚüÜ,.:;-\t\r\n0123456789ºª\u{301}\u{303}ßİ½—“”'\u{600}😀🇨🇴ǅ")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0..<40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            XCTAssertEqual(TextNormalizer.key(text), TextNormalizer.keyByCharacters(text), text.debugDescription)
            XCTAssertEqual(TextNormalizer.fold(text), String(text.map(TextNormalizer.fold)), text.debugDescription)
        }
    }

    func testSubstringKeys() {
        let text = "Asunto: Capacitación Crédito"
        XCTAssertEqual(TextNormalizer.key(text.dropFirst(8)), "capacitacion credito")
    }

    static let keywordLists: [[String]] = [
        ["crédito", "credito educativo", "fondo", "fondo de", "beca"],
        ["refuerzo", "refuerzo de portafolio", "actualización", "nuevo"],
        ["ñandú", "NIÑO", "exito", "straße", "½"],
        [],
    ]
    static let matchTexts = [
        "Solicitud de capacitación CRÉDITO EDUCATIVO", "becario del Fondo de Víctimas", "fondo, fondo; FONDO",
        "el refuerzo de portafolio y un refuerzo", "Éxito e\u{301}xito nin\u{303}o", "sin palabras clave", "",
    ]

    /// The matcher as it was: String search of " key " in the padded key.
    func referenceFirstMatch(_ matcher: KeywordMatcher, _ text: String) -> String? {
        let padded = " " + TextNormalizer.keyByCharacters(text) + " "
        return matcher.keys.first { padded.range(of: " " + $0 + " ") != nil }
    }

    func referenceMatchCount(_ matcher: KeywordMatcher, _ text: String) -> Int {
        let padded = " " + TextNormalizer.keyByCharacters(text) + " "
        return matcher.keys.reduce(0) { $0 + (padded.range(of: " " + $1 + " ") != nil ? 1 : 0) }
    }

    func testMatcherAgreesWithStringSearch() {
        for keywords in Self.keywordLists {
            let matcher = KeywordMatcher(keywords)
            for text in Self.matchTexts + Self.texts {
                XCTAssertEqual(matcher.firstMatch(in: text), referenceFirstMatch(matcher, text), "\(keywords) in \(text)")
                XCTAssertEqual(matcher.matchCount(in: text), referenceMatchCount(matcher, text), "\(keywords) in \(text)")
                let padded = KeywordMatcher.paddedKey(text)
                XCTAssertEqual(matcher.firstMatch(inPaddedKey: padded), matcher.firstMatch(in: text))
                XCTAssertEqual(matcher.matchCount(inPaddedKey: padded), matcher.matchCount(in: text))
            }
        }
        XCTAssertEqual(KeywordMatcher(["fondo de"]).firstMatch(in: "Fondo de Víctimas"), "fondo de")
        XCTAssertNil(KeywordMatcher(["beca"]).firstMatch(in: "becario"))
        XCTAssertEqual(KeywordMatcher(["fondo", "credito"]).matchCount(in: "fondo fondo crédito"), 2)
    }

    /// namedKinds as it was: longest key first, each occurrence replaced by " | ".
    func referenceNamedCodes(_ pairs: [(code: String, key: String)], _ text: String) -> Set<String> {
        var key = " " + TextNormalizer.keyByCharacters(text) + " "
        var named = Set<String>()
        for pair in pairs.sorted(by: { $0.key.count > $1.key.count }) {
            while let range = key.range(of: " \(pair.key) ") {
                named.insert(pair.code)
                key.replaceSubrange(range, with: " | ")
            }
        }
        return named
    }

    func testNamedCodesAgreeWithReplacement() {
        let pairs: [(code: String, key: String)] = [
            ("nuevo", "refuerzo de portafolio"), ("refuerzo", "refuerzo"), ("actualizacion", "actualizacion"),
            ("adicional", "a a"), ("resultados", "a"), ("proyecto", "proyecto"), ("otro", "de portafolio y"),
        ]
        let texts = Self.matchTexts + Self.texts + [
            "a a a", "a a", " a ", "refuerzo de portafolio", "refuerzo de portafolio y un refuerzo",
            "de portafolio y refuerzo", "Actualización del proyecto; actualizacion", "a b a a b",
        ]
        for text in texts {
            XCTAssertEqual(KeywordMatcher.namedCodes(pairs, inPaddedKey: KeywordMatcher.paddedKey(text)),
                           referenceNamedCodes(pairs, text), text)
        }
        XCTAssertEqual(KeywordMatcher.namedCodes(pairs, inPaddedKey: KeywordMatcher.paddedKey("el refuerzo de portafolio")), ["nuevo"])
    }
}
