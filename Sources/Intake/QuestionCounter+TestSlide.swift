/// A deck that carries its test on one slide titled as a test ("Evaluación", "Test") with the
/// questions numbered in its body: those lines are the test (4.2.1), unlike "¿…?" lines on an
/// FAQ slide. The slide's lines run from its title to the next slide's title.
extension QuestionCounter {
    static let testSlideTitles: Set<String> = ["evaluacion", "test", "cuestionario", "test de conocimiento", "evaluacion de conocimiento",
                                               "evaluacion de conocimientos", "preguntas de evaluacion", "evaluacion de la capacitacion"]

    public static func testSlideQuestions(titles: [String], lines: [String]) -> QuestionCount {
        let keys = titles.map { TextNormalizer.key($0) }
        guard let title = keys.first(where: testSlideTitles.contains),
              let start = lines.firstIndex(where: { TextNormalizer.key($0) == title }) else { return QuestionCount() }
        let others = Set(keys).subtracting([title])
        let slide = lines[(start + 1)...].prefix { !others.contains(TextNormalizer.key($0)) }
        return count(lines: Array(slide))
    }
}
