/// A template folder that cannot be used, with the file and, when known, the line and column
/// at fault and the line itself: what `check-config` prints and why the daemon does not start.
public struct ReplyTemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// A required template is not in the folder.
        case missingTemplate
        /// The first line of a reply template is not `Asunto: …`.
        case missingSubjectLine
        /// Mustache syntax; the text says what the parser expected.
        case syntax(String)
        /// `{{> name}}` names no template of the folder.
        case unknownPartial(String)
    }

    public var file: String
    /// 1-based; nil for a missing file.
    public var line: Int?
    public var column: Int?
    /// The offending line as written.
    public var excerpt: String?
    public var reason: Reason

    public init(file: String, line: Int? = nil, column: Int? = nil, excerpt: String? = nil, reason: Reason) {
        self.file = file
        self.line = line
        self.column = column
        self.excerpt = excerpt
        self.reason = reason
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        let what: String
        switch reason {
        case .missingTemplate: what = "required reply template is missing"
        case .missingSubjectLine: what = "the first line must be the subject, \"\(ReplyTemplates.subjectPrefix) …\""
        case .syntax(let message): what = message
        case .unknownPartial(let name): what = "partial {{> \(name)}} names no template in the folder"
        }
        return excerpt.map { "\(place): \(what): \($0)" } ?? "\(place): \(what)"
    }
}
