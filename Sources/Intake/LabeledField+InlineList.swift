/// QUIRK: Outlook users type a numbered list on one line ("TEMAS: 1. Postulación 2. Renovación
/// del beneficio"); each number starts an item when they run 1, 2, 3… in order.
extension LabeledField {
    static func inlineNumbered(_ line: Substring) -> [Substring]? {
        let words = line.split(whereSeparator: \.isWhitespace)
        var starts: [Int] = []
        for (index, word) in words.enumerated() where word.count >= 2 && (word.last == "." || word.last == ")") {
            guard Int(word.dropLast()) == starts.count + 1 else { continue }
            starts.append(index)
        }
        guard starts.count >= 2, starts.first == 0 else { return nil }
        return starts.indices.map { i in
            let end = i + 1 < starts.count ? starts[i + 1] : words.count
            return Substring(words[(starts[i] + 1)..<end].joined(separator: " "))
        }
    }
}
