/// "Adjunto presentación, procedimiento y el test de 6 preguntas": the mail says a test comes
/// with it. When no test file is found, an OCM professional answers "no encontramos el test
/// adjunto" (issue 9, item 4), not the generic "Falta: Test", which would read as if the area
/// had forgotten it.
extension RequestReader {
    /// Folded words naming the test.
    static let testWords = KeywordMatcher(["test", "evaluacion", "cuestionario", "prueba de conocimiento"])
    /// Folded words saying something comes with the mail.
    static let attachWords = KeywordMatcher(["adjunto", "adjunta", "adjuntamos", "adjuntan", "adjuntos", "adjuntas",
                                             "anexo", "anexa", "anexamos", "anexos", "remito", "remitimos",
                                             "enviamos adjunto", "va adjunto", "encontraran"])

    /// Whether a sentence of `text` both names the test and says it is attached, undenied
    /// ("no adjuntamos el test" is not an announcement), and the count it declares, if any.
    func testAnnouncement(in text: String) -> (announced: Bool, declared: Int?) {
        for sentence in text.split(whereSeparator: { ".;\n".contains($0) }).map(String.init)
        where Self.testWords.firstMatch(in: sentence) != nil && Self.attachWords.firstMatch(in: sentence) != nil {
            guard affirms(Self.testWords, in: sentence), affirms(Self.attachWords, in: sentence) else { continue }
            return (true, QuestionCounter.declaredCount(in: sentence))
        }
        return (false, nil)
    }
}
