/// Decides which material items an attachment is, from rules.yaml: by extension (a pptx is the
/// presentación), by words in the file name ("F521", "Reglamento Operativo"), and by content
/// (a slide titled "Calendario de la convocatoria" is the calendario).
public struct MaterialClassifier: Sendable {
    struct Recogniser: Sendable {
        let code: String
        let extensions: Set<String>
        let byName: KeywordMatcher
        let byContent: KeywordMatcher
        let excluded: KeywordMatcher
    }

    let recognisers: [Recogniser]

    public init(rules: Rules) {
        recognisers = rules.materials.map {
            Recogniser(code: $0.code, extensions: Set($0.extensions), byName: KeywordMatcher($0.filenameKeywords),
                       byContent: KeywordMatcher($0.contentKeywords), excluded: KeywordMatcher($0.excludedKeywords))
        }
    }

    /// A material code and why it was recognised (for reviewers and observations).
    public struct Match: Sendable, Hashable {
        public enum Basis: String, Sendable, Hashable { case extensionName, filename, content, questions }
        public var code: String
        public var basis: Basis
        public var evidence: String
    }

    /// Every item the attachment satisfies; name matches come first (the attachment's category).
    public func classify(_ attachment: AttachmentEvidence, questions: Int) -> [Match] {
        let name = attachment.filename ?? ""
        let ext = name.split(separator: ".").count > 1 ? name.split(separator: ".").last.map { $0.lowercased() } ?? "" : ""
        let base = ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
        let nameKey = KeywordMatcher.paddedKey(base)
        let titleKeys = Self.headings(of: attachment).map(KeywordMatcher.paddedKey)
        var byName: [Match] = [], byContent: [Match] = []
        let excludedIn = { (r: Recogniser) -> Bool in
            r.excluded.firstMatch(inPaddedKey: nameKey) != nil || titleKeys.contains { r.excluded.firstMatch(inPaddedKey: $0) != nil }
        }
        for r in recognisers where !excludedIn(r) {
            if let word = r.byName.firstMatch(inPaddedKey: nameKey) {
                byName.append(Match(code: r.code, basis: .filename, evidence: word))
            } else if r.extensions.contains(ext) {
                byName.append(Match(code: r.code, basis: .extensionName, evidence: ext))
            } else if let hit = titleKeys.lazy.compactMap({ r.byContent.firstMatch(inPaddedKey: $0) }).first {
                byContent.append(Match(code: r.code, basis: .content, evidence: hit))
            }
        }
        // A document made of questions is a test whatever its name says (in a deck, only
        // "Pregunta N" slides are counted: see QuestionCounter.slideQuestions).
        if questions > 0, !(byName + byContent).contains(where: { $0.code == "test" }),
           let test = recognisers.first(where: { $0.code == "test" }), attachment.format == .pptx || !excludedIn(test) {
            byContent.append(Match(code: "test", basis: .questions, evidence: "\(questions) preguntas"))
        }
        return byName + byContent
    }

    /// Text lines of a PDF's first page read as headings: Word's "Guardar como PDF" leaves
    /// /Title empty or set to the author's name, and a reviewer reads the heading on page one.
    static let pdfHeadingLines = 3

    /// What a reviewer looks at first: the titles, and for a PDF its first lines of text.
    static func headings(of attachment: AttachmentEvidence) -> [String] {
        guard attachment.format == .pdf else { return attachment.titles }
        let text = attachment.lines.dropFirst(attachment.titles.count).filter { !$0.isBlank }
        return attachment.titles + text.prefix(pdfHeadingLines)
    }
}
