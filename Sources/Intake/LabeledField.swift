/// One labelled value of a request mail, as written: the label the sender used (for
/// observations that quote it) and the value's lines.
public struct LabeledField: Sendable, Hashable {
    public var key: FieldKey
    /// The label as written, e.g. "FEHCA DE SALIDA A PRODUCCION".
    public var label: String
    /// Value lines, trimmed, in order; the first is the one on the label's line when there is one.
    public var lines: [String]
    /// 0-based index of the label's line in the text it was read from.
    public var lineIndex: Int

    public init(key: FieldKey, label: String, lines: [String], lineIndex: Int) {
        self.key = key
        self.label = label
        self.lines = lines
        self.lineIndex = lineIndex
    }

    /// The value as one string, lines joined with newlines.
    public var value: String { lines.joined(separator: "\n") }

    /// The value as a list (TEMAS): one item per line, or `;`- or `,`-separated on a single
    /// line; bullets and numbering ("-", "•", "1.", "a)") stripped.
    public var items: [String] {
        let stripped = lines.map { String(ListMarker.split(Substring($0)).rest) }
        let pieces: [Substring]
        if stripped.count > 1 {
            pieces = stripped.flatMap { $0.split(separator: ";") }
        } else if let numbered = lines.first.flatMap({ Self.inlineNumbered(Substring($0)) }) {
            pieces = numbered
        } else if let only = stripped.first {
            pieces = only.contains(";") ? only.split(separator: ";") : only.split(separator: ",")
        } else {
            pieces = []
        }
        return pieces.map { String(TextNormalizer.trimmed(ListMarker.split($0).rest)) }
            .filter { !$0.isEmpty }
    }
}
