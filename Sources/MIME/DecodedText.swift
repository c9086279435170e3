/// Text decoded from bytes, with what (if anything) had to be tolerated to get it.
public struct DecodedText: Sendable, Hashable {
    public var text: String
    public var issues: [MIMEWarning.Kind]

    public init(_ text: String, issues: [MIMEWarning.Kind] = []) {
        self.text = text
        self.issues = issues
    }
}
