import Foundation

/// Which kind of Office document a package is, and where its main part lives, from
/// `[Content_Types].xml`: the package's own statement, more reliable than the mail's
/// Content-Type (Outlook often sends `application/octet-stream`) or the file name.
enum OOXMLContentTypes {
    /// The main part's kind and name, or nil when the package declares none we read.
    static func mainPart(in package: inout OOXMLPackage, textBudget: inout Int,
                         warnings: inout [InspectionWarning]) -> (OfficeDocument.Kind, String)? {
        guard package.contains("[Content_Types].xml") else { return nil }
        var handler = Handler()
        package.parse("[Content_Types].xml", into: &handler, textBudget: &textBudget, warnings: &warnings)
        return handler.main
    }

    /// Kind from a main-part content type: `…presentationml.presentation.main+xml`,
    /// `…ms-word.document.macroEnabled.main+xml`, `…spreadsheetml.template.main+xml`, ...
    static func kind(ofMainContentType type: String) -> OfficeDocument.Kind? {
        let type = type.lowercased()
        guard type.hasSuffix(".main+xml") else { return nil }
        if type.contains("presentationml") || type.contains("ms-powerpoint") { return .pptx }
        if type.contains("wordprocessingml") || type.contains("ms-word") { return .docx }
        if type.contains("spreadsheetml") || type.contains("ms-excel") { return .xlsx }
        return nil
    }

    /// Kind from the mail's Content-Type or the file name, for packages without content types.
    static func hint(filename: String?, contentType: String?) -> OfficeDocument.Kind? {
        let type = contentType?.lowercased() ?? ""
        if type.contains("presentationml") || type.contains("ms-powerpoint") { return .pptx }
        if type.contains("wordprocessingml") || type.contains("ms-word") { return .docx }
        if type.contains("spreadsheetml") || type.contains("ms-excel") { return .xlsx }
        let ext = filename?.split(separator: ".").last?.lowercased() ?? ""
        switch ext {
        case "pptx", "pptm", "ppsx", "ppsm", "potx", "potm": return .pptx
        case "docx", "docm", "dotx", "dotm": return .docx
        case "xlsx", "xlsm", "xltx", "xltm": return .xlsx
        default: return nil
        }
    }

    /// Where each kind's main part usually sits, when nothing names it.
    static func defaultMainPart(_ kind: OfficeDocument.Kind) -> String {
        switch kind {
        case .pptx: return "ppt/presentation.xml"
        case .docx: return "word/document.xml"
        case .xlsx: return "xl/workbook.xml"
        }
    }

    private struct Handler: OOXMLEventHandler {
        var main: (OfficeDocument.Kind, String)?
        mutating func start(_ name: String, _ attributes: [String: String]) {
            guard main == nil, name == "Override", let part = attributes["PartName"],
                  let kind = attributes["ContentType"].flatMap(OOXMLContentTypes.kind(ofMainContentType:)) else { return }
            main = (kind, OOXMLPackage.key(part))
        }
        mutating func end(_ name: String) {}
        mutating func text(_ string: String) {}
    }
}
