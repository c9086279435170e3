import MIME

/// Area, kind and conditions: data from rules.yaml matched against the request's own words.
extension RequestReader {
    /// Sender mapping first, then an explicit ÁREA field, then keywords weighted by where they
    /// appear (the signature names the area most reliably, then the subject, then the text).
    func area(fields: LabeledFields, text: String, signature: String, subject: String, sender: Mailbox?) -> String {
        if let address = sender?.normalizedAddress.lowercased(), let mapped = rules.areas.first(where: { $0.senders.contains(address) }) {
            return mapped.code
        }
        if let explicit = fields[.area]?.value, let match = areaMatchers.first(where: { $0.matcher.firstMatch(in: explicit) != nil }) {
            return match.code
        }
        var best: (code: String, score: Int)?
        // Keyed once for all areas: a forwarded thread can be megabytes.
        let (signatureKey, subjectKey, textKey) = (KeywordMatcher.paddedKey(signature), KeywordMatcher.paddedKey(subject), KeywordMatcher.paddedKey(text))
        let (signatureCounts, subjectCounts, textCounts) = (areaMatchCounts(signatureKey), areaMatchCounts(subjectKey), areaMatchCounts(textKey))
        for (index, code) in areaMatchers.map(\.code).enumerated() {
            let score = 3 * signatureCounts[index] + 2 * subjectCounts[index] + textCounts[index]
            if score > 0 && score > (best?.score ?? 0) { best = (code, score) }
        }
        return best?.code ?? "otra"
    }

    /// `matchCount(inPaddedKey:)` of every area's matcher, in one pass over the key.
    private func areaMatchCounts(_ paddedKey: String) -> [Int] {
        var padded = paddedKey
        let seen = padded.withUTF8 { areaKeywords.occurring(in: $0) }
        var counts = [Int](repeating: 0, count: areaMatchers.count)
        for (pattern, hit) in seen.enumerated() where hit { counts[areaOfPattern[pattern]] += 1 }
        return counts
    }

    /// Kinds named by the request win; then the area decides (projects, OCM); a misional area
    /// asking without saying otherwise asks for a new topic (4.1.1 a).
    /// `paddedKey`, when given, is `KeywordMatcher.paddedKey(text)` (speed: a long text is keyed once).
    func kind(fields: LabeledFields, text: String, paddedKey: String? = nil, area: String) -> String {
        if let explicit = fields[.tipo]?.value {
            let named = namedKinds(in: explicit, codesAsKeywords: true)
            if let code = Rules.kindCodes.first(where: named.contains) { return code }
        }
        if area == "proyecto" { return "proyecto" }
        // 4.1.1 e: OCM's self-control findings are handled as (b).
        let key = paddedKey ?? KeywordMatcher.paddedKey(text)
        if area == "ocm", conditions(inPaddedKey: key, text: text).contains(Self.selfControlCondition) { return "actualizacion" }
        let named = namedKinds(inPaddedKey: key, codesAsKeywords: false)
        // rules.yaml `kind_precedence`: which kind wins when the mail names several.
        let order = rules.kindPrecedence.filter { area != "ocm" || !Self.ocmOwnKinds.contains($0) }
        if let code = order.first(where: named.contains) { return code }
        if area == "ocm" { return "ocm" }
        if rules.area(area)?.misional == true || named.contains("nuevo") { return "nuevo" }
        return "otro"
    }

    /// 4.1.1 c: "la solicitud de reforzos o capacitaciones de nuevos productos también puede
    /// provenir desde la OCM", including "actualizaciones y/o reingeniería de sus procesos": when
    /// OCM asks, these words name its own kind (15 calendar days), not 4.1.1 a or b.
    static let ocmOwnKinds: Set<String> = ["nuevo", "refuerzo", "actualizacion"]
    /// rules.yaml condition naming the findings of OCM's own controls (4.1.1 e).
    static let selfControlCondition = "autocontrol"
    /// rules.yaml condition whose words describe a project's context and its impact on the
    /// provider in prose (4.2.1 CONTEXTO DEL PROYECTO written without its label).
    static let projectContextCondition = "contexto_proyecto"

    /// The kinds whose keywords `text` names. The longest keyword is read first and hides the
    /// shorter ones inside it: "refuerzo de portafolio" (4.1.1 a) is a new topic, not a
    /// "refuerzo". With `codesAsKeywords` the codes themselves count ("Tipo: Proyecto").
    func namedKinds(in text: String, codesAsKeywords: Bool) -> Set<String> {
        namedKinds(inPaddedKey: KeywordMatcher.paddedKey(text), codesAsKeywords: codesAsKeywords)
    }

    /// `namedKinds(in:codesAsKeywords:)` of a text already keyed (`KeywordMatcher.paddedKey`).
    func namedKinds(inPaddedKey key: String, codesAsKeywords: Bool) -> Set<String> {
        (codesAsKeywords ? kindKeywordsWithCodes : kindKeywords).named(inPaddedKey: key)
    }

    /// The conditions `text` names and does not deny ("no es condonable": see `affirms`).
    func conditions(in text: String) -> Set<String> {
        conditions(inPaddedKey: KeywordMatcher.paddedKey(text), text: text)
    }

    /// `conditions(in:)` of `text` already keyed (`KeywordMatcher.paddedKey`).
    func conditions(inPaddedKey key: String, text: @autoclosure () -> String) -> Set<String> {
        // Speed: one pass finds every condition's keywords (`conditionKeywords`), not one pass per condition.
        var padded = key
        let seen = padded.withUTF8 { conditionKeywords.occurring(in: $0) }
        var namedIndices = Set<Int>()
        for (pattern, hit) in seen.enumerated() where hit { namedIndices.formUnion(conditionsOfPattern[pattern]) }
        let named = conditionMatchers.indices.filter(namedIndices.contains).map { conditionMatchers[$0] }
        guard Self.denial.firstMatch(inPaddedKey: key) != nil else { return Set(named.map(\.code)) }
        let text = text()
        return Set(named.filter { affirms($0.matcher, in: text) }.map(\.code))
    }

    /// The padded key of `text + "\n" + more` from the padded key of `text`: a newline is a
    /// Character of its own and no letter, so the keys join with one space (or none when empty).
    static func paddedKey(_ padded: String, joining more: String) -> String {
        let key = TextNormalizer.key(more)
        if key.isEmpty { return padded }
        return padded == "  " ? " " + key + " " : padded + key + " "
    }

    /// The message that carries the request: the mail itself, or — when its own text has no
    /// request fields and it carries an attached message — the attached (forwarded) one.
    static func requestMessage(in message: Message, labels: FieldLabelTable) -> Message {
        let inner = message.ownParts.compactMap { part -> Message? in
            if case .message(let nested) = part.body { return nested } else { return nil }
        }
        guard let forwarded = inner.first else { return message }
        let own = LabeledFieldExtractor.extract(from: QuotedTextStripper.clean(message.bodyText).text, labels: labels)
        return own.isEmpty ? forwarded : message
    }

    /// Client prefixes Spanish Outlook and Gmail add: RE:, RV:, Fwd:, "RE: RV:", and tags.
    /// The subject without reply/forward prefixes and bracketed tags (`SubjectPrefixes`).
    static func strippedSubject(_ subject: String) -> String {
        SubjectPrefixes.stripped(subject, tags: .any)
    }

    /// "RE:", "RTA:": an answer on a thread someone else started.
    static func isReply(_ subject: String) -> Bool {
        let key = TextNormalizer.key(subject)
        return ["re", "rta", "respuesta"].contains { key.hasPrefix($0 + " ") }
    }

    /// "RV: RV: …" = 2: the forwards the request went through (at least 1).
    static func forwardDepth(_ subject: String) -> Int {
        var words = TextNormalizer.key(subject).split(separator: " ")[...]
        var depth = 0
        while let first = words.first, ["rv", "fw", "fwd", "reenviar"].contains(first) { depth += 1; words = words.dropFirst() }
        return max(depth, 1)
    }

    static func isForward(_ subject: String) -> Bool {
        let key = TextNormalizer.key(subject)
        return ["rv", "fw", "fwd", "reenviar"].contains { key.hasPrefix($0 + " ") }
    }
}

extension Substring {
    var trimmingPrefixWhitespace: Substring { drop { $0.isWhitespace } }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }

    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}

extension CivilDate {
    init?(parts: DateParts) { self.init(year: parts.year, month: parts.month, day: parts.day) }
}
