/// A date found in Spanish text, with where it was written (for excerpts in observations and
/// for looking near trigger phrases).
public struct SpanishDate: Sendable, Hashable {
    public var parts: DateParts
    public var range: Range<String.Index>

    public init(parts: DateParts, range: Range<String.Index>) {
        self.parts = parts
        self.range = range
    }
}
