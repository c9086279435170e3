import Foundation
import MIME

/// Reads a `TrainingRequest` from a parsed mail: body text (plain, or HTML tables turned into
/// "label: value" lines), signature, subject and attachments, under the rules of rules.yaml.
/// Quoted earlier mails never feed fields; a request forwarded as an attached message is read
/// from inside.
public struct RequestReader: Sendable {
    public let rules: Rules
    let labels: FieldLabelTable
    let classifier: MaterialClassifier
    let areaMatchers: [(code: String, matcher: KeywordMatcher)]
    let kindMatchers: [(code: String, matcher: KeywordMatcher)]
    let conditionMatchers: [(code: String, matcher: KeywordMatcher)]
    /// Every kind's keywords, compiled once; and the same with the kind codes as keywords.
    let kindKeywords: CodedKeywords
    let kindKeywordsWithCodes: CodedKeywords
    /// Every area's keywords in one automaton, and the area (index of `areaMatchers`) of each
    /// pattern: a long text is scanned once for all areas, not once per area.
    let areaKeywords: KeywordAutomaton
    let areaOfPattern: [Int]
    /// Every condition's keywords in one automaton (one scan for all conditions).
    let conditionKeywords: KeywordAutomaton
    /// For pattern `i` of `conditionKeywords`, the conditions it belongs to.
    let conditionsOfPattern: [[Int]]
    let officeLimits: OfficeLimits

    public init(rules: Rules, officeLimits: OfficeLimits = .default) {
        self.rules = rules
        var synonyms = FieldLabelTable.defaultSynonyms
        for (field, words) in rules.labels {
            let key = FieldKey(rawValue: Self.camelCase(field))
            synonyms[key] = Array(Set((synonyms[key] ?? []) + words))
        }
        labels = FieldLabelTable(synonyms: synonyms)
        classifier = MaterialClassifier(rules: rules)
        areaMatchers = rules.areas.map { ($0.code, KeywordMatcher($0.keywords + [$0.name])) }
        kindMatchers = rules.kinds.map { ($0.code, KeywordMatcher($0.keywords)) }
        let kindPairs = kindMatchers.flatMap { kind in kind.matcher.keys.map { (code: kind.code, key: $0) } }
        kindKeywords = CodedKeywords(kindPairs)
        kindKeywordsWithCodes = CodedKeywords(kindPairs + Rules.kindCodes.map { (code: $0, key: $0) })
        conditionMatchers = rules.conditions.sorted { $0.key < $1.key }.map { ($0.key, KeywordMatcher($0.value)) }
        let areaKeys = areaMatchers.enumerated().flatMap { area in area.element.matcher.keys.map { (key: $0, area: area.offset) } }
        areaKeywords = KeywordAutomaton(areaKeys.map { KeywordMatcher.needle($0.key) })
        areaOfPattern = areaKeys.map(\.area)
        let conditionKeys = conditionMatchers.enumerated().flatMap { condition in
            condition.element.matcher.keys.map { (key: $0, condition: condition.offset) }
        }
        conditionKeywords = KeywordAutomaton(conditionKeys.map { KeywordMatcher.needle($0.key) })
        conditionsOfPattern = conditionKeys.map { key in conditionKeys.filter { $0.key == key.key }.map(\.condition) }
        self.officeLimits = officeLimits
    }

    /// `fecha_produccion` → `fechaProduccion`: rules.yaml speaks snake_case, FieldKey camelCase.
    static func camelCase(_ name: String) -> String {
        let parts = name.split(separator: "_")
        return (parts.first.map(String.init) ?? "") + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    public func read(_ message: Message) -> TrainingRequest {
        let source = Self.requestMessage(in: message, labels: labels)
        let attachmentParts = source.attachments
            + (source.messageID == message.messageID ? [] : message.attachments.filter { $0.mimeType != "message/rfc822" })
        let unwrapped = attachmentParts.map { (part: $0, tnef: $0.tnefContent(limits: source.limits)) }
        // Outlook's winmail.dat may hold the only readable text (an RTF mail whose MIME body is empty).
        let tnef = unwrapped.lazy.compactMap(\.tnef).first { $0.isReadable }
        let ownSubject = source.subject ?? message.subject ?? ""
        let subject = Self.strippedSubject(ownSubject.isBlank ? tnef?.subject ?? ownSubject : ownSubject)
        let forwarded = Self.isForward(message.subject ?? "")
        let ownBody = source.bodyText
        let bodyText = transposingHorizontalTables(ownBody.isBlank ? tnef?.bodyText ?? ownBody : ownBody)
        let cleaned = QuotedTextStripper.clean(bodyText, forwarded: forwarded && source.messageID == message.messageID,
                                               forwards: Self.forwardDepth(message.subject ?? ""))
        let fields = LabeledFieldExtractor.extract(from: cleaned.text, labels: labels)
        let testLines = Set(fields.all(.test).flatMap { field in (0...field.lines.count).map { field.lineIndex + $0 } })
        let prose = TextNormalizer.lines(cleaned.text).enumerated().filter { !testLines.contains($0.offset) }.map { String($0.element) }
        let requestText = ([subject] + prose).joined(separator: "\n")
        // Keyed once: the conditions are read from it twice (a forwarded thread can be megabytes).
        let requestKey = KeywordMatcher.paddedKey(requestText)
        let signature = cleaned.signature ?? ""

        var attachments: [AttachmentEvidence] = []
        var warnings: [String] = []
        for (part, tnef) in unwrapped {
            let evidence = zipMembers(of: part) ?? AttachmentEvidence.evidence(for: part, tnef: tnef, officeLimits: officeLimits)
            attachments += evidence.files
            warnings += evidence.notes
        }
        let body = bodyQuestions(fields)
        var attached = QuestionCount()
        var material: [String: [String]] = [:]
        var categories: [String?] = []
        for attachment in attachments {
            let counted = questions(in: attachment)
            let matches = classifier.classify(attachment, questions: counted.total)
            categories.append(matches.first?.code)
            for match in matches { material[match.code, default: []].append(attachment.filename ?? "(adjunto sin nombre)") }
            if matches.contains(where: { $0.code == "test" }) { attached.groups += counted.groups }
            warnings += attachment.warnings.map { "\(attachment.filename ?? "adjunto"): \($0)" }
        }
        if body.count.total > 0 { material["test", default: []].append("campo TEST del correo") }
        // The same test is often pasted in the body and attached too: count the fuller one, not both.
        let count = attached.total >= body.count.total ? attached : body.count
        if let context = fields[.contexto]?.value {
            if context.trimmingCharacters(in: .whitespacesAndNewlines).count >= 10 {
                material["contexto_proyecto", default: []].append("campo CONTEXTO DEL PROYECTO")
            }
        } else if conditions(inPaddedKey: requestKey, text: requestText).contains(Self.projectContextCondition) {
            material["contexto_proyecto", default: []].append("contexto descrito en el correo")
        }
        // The whole own text: a signature with no closing line can trail the TEST field.
        let areaText = ([subject, cleaned.text]).joined(separator: "\n")
        let area = area(fields: fields, text: areaText, signature: signature, subject: subject, sender: message.from)
        let finder = ProductionDateFinder()
        // A date written without its year ("1 de julio") is read from the mail's day.
        let sent = (source.date ?? message.date).map { CivilDate(instant: $0.instant, timeZone: CivilDate.bogotaTimeZone) }
        let reference = sent.map { DateParts(year: $0.year, month: $0.month, day: $0.day) }
        // "No aplica (proceso vigente)": no date is looked for in prose either (4.1.1 b, c).
        let notApplicable = fields.all(.fechaProduccion).contains { field in
            Self.notApplicable.firstMatch(in: field.value) != nil && SpanishDateParser.firstDate(in: field.value) == nil
        }
        // Speed: both finders read the same tokens and dates of the text, computed once.
        // The subject is the request's ASUNTO (4.2.1): "Refuerzo cartera – sesión viernes 24 de julio".
        let dated = DatedText(subject + "\n\n" + cleaned.text, reference: reference)
        let production = notApplicable ? nil
            : finder.productionDate(fields: fields, prose: dated).flatMap { CivilDate(parts: $0.parts) }
        let week = TrainingDateFinder().trainingWeek(fields: fields, prose: dated)
        let training = week ?? TrainingDateFinder().trainingDate(fields: fields, prose: dated)
        let topics = fields.topics.isEmpty ? [] : fields.topics
        var request = TrainingRequest(
            topic: fields[.asunto].flatMap { TextNormalizer.lines($0.value).first }.map { String(TextNormalizer.trimmed($0)) }
                .flatMap { isHeaderRow($0) ? nil : $0.nonEmpty } ?? subject.nonEmpty,
            area: area, kind: kind(fields: fields, text: requestText, paddedKey: requestKey, area: area),
            productionDate: production, trainingDate: training, topics: topics, questionCount: count,
            declaredQuestions: body.declared, conditions: conditions(inPaddedKey: Self.paddedKey(requestKey, joining: fields[.material]?.value ?? ""),
                                                           text: requestText + "\n" + (fields[.material]?.value ?? "")),
            material: material, attachments: attachments, categories: categories,
            // Attachments count when they are material: a photo alone does not make a request.
            // A reply's subject is the thread's ("RE: Citación capacitación…"): its own words must say it.
            looksLikeRequest: !fields.isEmpty || !material.isEmpty
                || Self.trainingWords.firstMatch(in: Self.isReply(message.subject ?? "") ? prose.joined(separator: "\n") : requestText) != nil,
            warnings: warnings)
        request.productionNotApplicable = notApplicable
        request.trainingWeek = week != nil
        let announcement = testAnnouncement(in: requestText, paddedKey: requestKey)
        request.testAnnounced = announcement.announced || body.declared != nil
        if request.declaredQuestions == nil { request.declaredQuestions = announcement.declared }
        return request
    }

    /// A value made only of other field labels ("FECHA DE SALIDA A PRODUCCIÓN: MATERIAL DE APOYO:
    /// TEST"): the 4.2.1 table laid out horizontally, its header row read as the ASUNTO value.
    func isHeaderRow(_ value: String) -> Bool {
        var key = KeywordMatcher.paddedKey(value)
        for label in rules.labels.values.joined().sorted(by: { $0.count > $1.count }) {
            key = key.replacingOccurrences(of: " \(TextNormalizer.key(label)) ", with: " ")
        }
        return !key.contains { $0.isLetter || $0.isNumber }
    }

    /// "No aplica (proceso vigente)", "N/A" in the production date field.
    static let notApplicable = KeywordMatcher(["no aplica", "n a", "na", "no requiere", "no tiene", "proceso vigente"])

    static let trainingWords = KeywordMatcher(["capacitacion", "capacitar", "formacion", "entrenamiento", "material de apoyo", "test", "socializacion",
                                               "socializar", "socializarlo", "socializarla", "socializarlos", "socializarlas"])

    /// Questions in the TEST field and the count it declares.
    func bodyQuestions(_ fields: LabeledFields) -> (count: QuestionCount, declared: Int?) {
        guard let test = fields[.test] else { return (QuestionCount(), nil) }
        let tally = QuestionCounter.tally(test.value)
        return (tally.counted, tally.declared)
    }

    /// Questions of a test document: a spreadsheet with a question column, else its lines.
    func questions(in attachment: AttachmentEvidence) -> QuestionCount {
        if !attachment.rows.isEmpty, let counted = QuestionCounter.count(rows: attachment.rows) { return counted }
        if attachment.format == .pptx {
            let slides = QuestionCounter.slideQuestions(titles: attachment.titles, lines: attachment.lines)
            // A deck named or titled as the test ("Evaluación capacitación.pptx") may number its
            // questions on one slide; in any other deck "¿…?" lines are FAQs, not a test.
            guard slides.total == 0 else { return slides }
            guard classifier.classify(attachment, questions: 0).contains(where: { $0.code == "test" }) else {
                // A test slide at the end of the training deck ("Evaluación", numbered questions).
                return QuestionCounter.testSlideQuestions(titles: attachment.titles, lines: attachment.lines)
            }
            return QuestionCounter.count(lines: attachment.lines)
        }
        guard attachment.format == .docx || attachment.format == .pdf || attachment.format == .xlsx else { return QuestionCount() }
        return QuestionCounter.count(lines: attachment.lines)
    }
}
