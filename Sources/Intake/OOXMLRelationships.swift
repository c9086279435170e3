import Foundation

/// The relationships of one part (`_rels/<part>.rels`): how a presentation names its slides
/// and a workbook its sheets. Targets are resolved to package part names.
struct OOXMLRelationships {
    struct Relationship: Hashable {
        var id: String
        /// Last path component of the relationship type URI: "slide", "worksheet", ...
        var type: String
        /// Part name in the package, without a leading "/".
        var target: String
    }

    private(set) var byID: [String: Relationship] = [:]

    /// Part name of the rels file that belongs to `part` ("ppt/presentation.xml" →
    /// "ppt/_rels/presentation.xml.rels").
    static func relsPath(for part: String) -> String {
        let (dir, file) = split(part)
        return dir.isEmpty ? "_rels/\(file).rels" : "\(dir)/_rels/\(file).rels"
    }

    /// Parses the rels XML of `part`; external targets (hyperlinks) are left out.
    static func parse(_ data: Data, of part: String, limits: OfficeLimits,
                      textBudget: inout Int) -> (OOXMLRelationships, [InspectionWarning]) {
        var handler = Handler(base: split(part).dir)
        let warnings = OOXMLTextCollector.parse(data, entry: relsPath(for: part), handler: &handler,
                                                limits: limits, textBudget: &textBudget)
        return (handler.relationships, warnings)
    }

    subscript(id: String) -> Relationship? { byID[id] }

    private struct Handler: OOXMLEventHandler {
        let base: String
        var relationships = OOXMLRelationships()

        mutating func start(_ name: String, _ attributes: [String: String]) {
            guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"],
                  attributes["TargetMode"] != "External" else { return }
            let type = attributes["Type"].flatMap { $0.split(separator: "/").last.map(String.init) } ?? ""
            relationships.byID[id] = Relationship(id: id, type: type, target: OOXMLRelationships.resolve(target, against: base))
        }

        mutating func end(_ name: String) {}
        mutating func text(_ string: String) {}
    }

    /// Resolves a relative target against a directory; "/x" is package-absolute.
    // QUIRK: openpyxl writes absolute targets ("/xl/worksheets/sheet1.xml"); Office writes relative.
    static func resolve(_ target: String, against base: String) -> String {
        let decoded = target.removingPercentEncoding ?? target
        var parts: [Substring] = decoded.hasPrefix("/") ? [] : base.split(separator: "/")
        for component in decoded.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(component)
            }
        }
        return parts.joined(separator: "/")
    }

    private static func split(_ part: String) -> (dir: String, file: String) {
        let trimmed = part.hasPrefix("/") ? String(part.dropFirst()) : part
        guard let slash = trimmed.lastIndex(of: "/") else { return ("", trimmed) }
        return (String(trimmed[..<slash]), String(trimmed[trimmed.index(after: slash)...]))
    }
}
