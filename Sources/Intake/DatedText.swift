/// A text with its tokens and the dates read from them, each computed at most once: the
/// production and training finders both read the dates of the same cleaned body, and a long
/// forwarded thread tokenized and parsed twice cost as much as everything else of `inspect`.
final class DatedText {
    let text: String
    /// The mail's day: gives a year to "1 de julio" written without one.
    let reference: DateParts?

    init(_ text: String, reference: DateParts?) {
        self.text = text
        self.reference = reference
    }

    private(set) lazy var tokens: [TextToken] = TextToken.tokenize(text)
    private(set) lazy var dates: [SpanishDate] = SpanishDateParser.dates(tokens: tokens, reference: reference)
    /// Indices of the word tokens.
    private(set) lazy var words: [Int] = tokens.indices.filter { tokens[$0].kind == .word }
}
