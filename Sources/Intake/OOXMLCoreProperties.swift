import Foundation

/// `dc:title` from docProps/core.xml: some areas name the file "Presentación final (3).pptx"
/// but fill in the document title.
enum OOXMLCoreProperties {
    static func title(in package: inout OOXMLPackage, textBudget: inout Int,
                      warnings: inout [InspectionWarning]) -> String? {
        let path = "docProps/core.xml"
        guard package.contains(path) else { return nil }
        var handler = Handler()
        package.parse(path, into: &handler, textBudget: &textBudget, warnings: &warnings)
        let title = handler.title.map(OfficeText.clean)
        return title?.isEmpty == false ? title : nil
    }

    private struct Handler: OOXMLEventHandler {
        var title: String?
        private var inTitle = false
        mutating func start(_ name: String, _ attributes: [String: String]) {
            if name == "title" { inTitle = true; title = title ?? "" }
        }
        mutating func end(_ name: String) {
            if name == "title" { inTitle = false }
        }
        mutating func text(_ string: String) {
            if inTitle { title? += string }
        }
    }
}
