import Intake
import Foundation
import Mustache

/// Every reply template, parsed once at start-up from the folder's files (`Templates/`, read by
/// the shell and given here as file name → text). A syntax error, a missing reply template, a
/// reply template without its subject line or a partial that names no file stops the start
/// with the file, line and column at fault.
///
/// Layout of the folder (see `Templates/README.md`):
/// - `observaciones.mustache`, `aprobacion.mustache`, `ilegible.mustache`: one per `ReplyKind`.
///   The first line is the subject, `Asunto: …`; the rest is the plain-text body.
/// - `observacion.mustache`: the wording of one observation (`observationText`); `plazo.mustache`:
///   the name of one lead time (`deadlineText`).
/// - any other `*.mustache` file is a partial, used as `{{> name}}` (`firma.mustache`).
/// - other files (`README.md`) are ignored.
///
/// Templates are plain text: values are inserted as they are, never HTML-escaped.
public struct ReplyTemplates: Sendable {
    public static let fileExtension = ".mustache"
    public static let subjectPrefix = "Asunto:"
    /// The partial that words one observation (`Observation`, see `ObservationModel`).
    public static let observationPartial = "observacion"
    /// The partial that names one lead time of 4.1.1 (`ReplyDeadline`).
    public static let deadlinePartial = "plazo"
    /// The partial that writes business-day counts and slack of the plan.
    public static let businessDaysPartial = "dias-habiles"
    /// The partial that says what could not be read (`ReadProblem`), for `ilegible`.
    public static let problemPartial = "problema"
    /// Files that must be present: one per reply kind, and the wording of observations and deadlines.
    public static var requiredFiles: [String] {
        ReplyKind.drafted.map(\.templateFile) + [observationPartial, deadlinePartial, businessDaysPartial, problemPartial].map { $0 + fileExtension }
    }

    /// Reply templates' bodies and every partial, by name without extension.
    let library: MustacheLibrary
    let subjects: [ReplyKind: MustacheTemplate]

    /// Renders with no escaping: the templates produce text/plain.
    static let textPragma = "{{% CONTENT_TYPE: TEXT }}"

    public init(files: [String: String]) throws(ReplyTemplateError) {
        let sources = files.filter { $0.key.hasSuffix(Self.fileExtension) }
            .mapValues { $0.replacingOccurrences(of: "\r\n", with: "\n") }
        for file in Self.requiredFiles where sources[file] == nil {
            throw ReplyTemplateError(file: file, reason: .missingTemplate)
        }
        let names = Set(sources.keys.map { String($0.dropLast(Self.fileExtension.count)) })
        var library = MustacheLibrary()
        var subjects: [ReplyKind: MustacheTemplate] = [:]
        // Sorted, so the first error reported does not depend on dictionary order.
        for (file, text) in sources.sorted(by: { $0.key < $1.key }) {
            try Self.checkPartials(text, file: file, known: names)
            let name = String(file.dropLast(Self.fileExtension.count))
            if let kind = ReplyKind(rawValue: name), kind != .ninguna {
                let (subject, body) = try Self.splitSubject(text, file: file)
                subjects[kind] = try Self.parse(Self.textPragma + subject, file: file, text: text, line: 1,
                                                columnShift: Self.subjectPrefix.count - Self.textPragma.count)
                // The pragma's own line stands in for the subject line: body lines keep their numbers.
                library.register(try Self.parse(Self.textPragma + "\n" + body, file: file, text: text), named: name)
            } else {
                library.register(try Self.parse(Self.textPragma + "\n" + text, file: file, text: text, lineShift: -1), named: name)
            }
        }
        self.library = library
        self.subjects = subjects
    }

    /// The rendered subject (one line, spaces trimmed) and body of `kind` for `model`.
    func render(_ kind: ReplyKind, _ model: [String: Any]) -> (subject: String, body: String) {
        let subject = subjects[kind]?.render(model, library: library) ?? ""
        let body = library.render(model, withTemplate: kind.rawValue) ?? ""
        return (subject, body)
    }

    /// One observation in the words of `observacion.mustache`, on one line: the sentence of the
    /// reply, of `inspect` and of the ledger's verdict JSON.
    public func observationText(_ observation: Observation) -> String {
        (library.render(ObservationModel.make(observation), withTemplate: Self.observationPartial) ?? "").singleLine
    }

    /// A lead time in the words of `plazo.mustache`, on one line.
    public func deadlineText(_ deadline: ReplyDeadline) -> String {
        (library.render(deadline.model, withTemplate: Self.deadlinePartial) ?? "").singleLine
    }

    /// `n` business days in the words of `dias-habiles.mustache`: a count ("7 días hábiles"), or
    /// a step's slack ("holgura de 3 días hábiles", "sin holgura", "le faltan 2 días hábiles").
    func businessDaysText(_ n: Int, slack: Bool) -> String {
        let model: [String: Any] = ["dias": abs(n), "unDia": abs(n) == 1, "cuenta": !slack, "conHolgura": slack && n > 0,
                                    "sinHolgura": slack && n == 0, "faltan": slack && n < 0]
        return (library.render(model, withTemplate: Self.businessDaysPartial) ?? "").singleLine
    }

    /// What could not be read, in the words of `problema.mustache`, on one line.
    public func problemText(_ problem: ReadProblem) -> String {
        (library.render(problem.model, withTemplate: Self.problemPartial) ?? "").singleLine
    }

    /// `observationText` as the `Inspector` takes it.
    public var wording: ObservationWording {
        let templates = self
        return { templates.observationText($0) }
    }

    static func splitSubject(_ text: String, file: String) throws(ReplyTemplateError) -> (subject: String, body: String) {
        let firstLine = text.prefix { $0 != "\n" }
        guard firstLine.hasPrefix(subjectPrefix) else {
            throw ReplyTemplateError(file: file, line: 1, column: 1, excerpt: String(firstLine), reason: .missingSubjectLine)
        }
        let body = text.dropFirst(firstLine.count).dropFirst()
        return (String(firstLine.dropFirst(subjectPrefix.count)), String(body))
    }

    /// Parses `source`, mapping an error's position back to the file: `line` pins it (the
    /// subject), or `lineShift` moves it; `columnShift` applies on the subject line.
    static func parse(_ source: String, file: String, text: String, line: Int? = nil, lineShift: Int = 0,
                      columnShift: Int = 0) throws(ReplyTemplateError) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: source)
        } catch let error as MustacheTemplate.ParserError {
            let lineNumber = line ?? error.context.lineNumber + lineShift
            let column = max(1, error.context.columnNumber + (line == nil ? 0 : columnShift))
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let excerpt = lineNumber >= 1 && lineNumber <= lines.count ? String(lines[lineNumber - 1]) : nil
            throw ReplyTemplateError(file: file, line: lineNumber, column: column, excerpt: excerpt,
                                     reason: .syntax(message(error.error)))
        } catch {
            throw ReplyTemplateError(file: file, reason: .syntax("\(error)"))
        }
    }

    static func message(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: return "section closed with a name that does not match its opening tag"
        case .unfinishedName: return "tag not closed with }}"
        case .expectedSectionEnd: return "section opened but never closed before the end of the file"
        case .invalidSetDelimiter: return "malformed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "transform applied to an inheritance section"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection: return "unexpected content inside an inherited partial"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "unknown {{% … }} pragma"
        default: return "\(error)"
        }
    }

    /// Every `{{> name}}` must name a file of the folder: Mustache itself would render nothing.
    static func checkPartials(_ text: String, file: String, known: Set<String>) throws(ReplyTemplateError) {
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{>") {
                let after = rest[open.upperBound...]
                guard let close = after.range(of: "}}") else { break }
                let name = after[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if !name.isEmpty, !known.contains(name) {
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    throw ReplyTemplateError(file: file, line: number + 1, column: column, excerpt: String(line),
                                             reason: .unknownPartial(name))
                }
                rest = after[close.upperBound...]
            }
        }
    }
}
