import Foundation

/// Slides of a presentation in the order the deck shows them, each with its title and text
/// paragraphs: what the rules need to recognise a training deck (FAQ slide, contingencies).
enum PPTXReader {
    static func slides(in package: inout OOXMLPackage, mainPart: String, textBudget: inout Int,
                       warnings: inout [InspectionWarning]) -> [OfficeDocument.Slide] {
        var slides: [OfficeDocument.Slide] = []
        for path in slidePaths(in: &package, mainPart: mainPart, textBudget: &textBudget, warnings: &warnings) {
            var handler = SlideHandler()
            guard package.parse(path, into: &handler, textBudget: &textBudget, warnings: &warnings) else { continue }
            let title = handler.title ?? handler.paragraphs.first
            slides.append(.init(number: slides.count + 1, title: title, paragraphs: handler.paragraphs))
        }
        return slides
    }

    /// Slide parts in `p:sldIdLst` order; when that list cannot be read, the slideN.xml parts by N.
    private static func slidePaths(in package: inout OOXMLPackage, mainPart: String, textBudget: inout Int,
                                   warnings: inout [InspectionWarning]) -> [String] {
        var order = SlideOrderHandler()
        if package.parse(mainPart, into: &order, textBudget: &textBudget, warnings: &warnings), !order.ids.isEmpty {
            let rels = package.relationships(of: mainPart, textBudget: &textBudget, warnings: &warnings)
            let paths = order.ids.compactMap { rels[$0]?.target }
            if !paths.isEmpty { return paths }
        }
        return package.paths
            .compactMap { path -> (Int, String)? in
                let key = OOXMLPackage.key(path)
                guard key.hasPrefix("ppt/slides/slide"), key.hasSuffix(".xml"),
                      let n = Int(key.dropFirst("ppt/slides/slide".count).dropLast(4)) else { return nil }
                return (n, path)
            }
            .sorted { $0.0 < $1.0 }
            .map(\.1)
    }

    private struct SlideOrderHandler: OOXMLEventHandler {
        var ids: [String] = []
        mutating func start(_ name: String, _ attributes: [String: String]) {
            if name == "sldId", let rid = attributes["r:id"] { ids.append(rid) }
        }
        mutating func end(_ name: String) {}
        mutating func text(_ string: String) {}
    }

    /// Paragraphs are `a:p`, text runs `a:t`; a shape (`p:sp`) whose placeholder is `title` or
    /// `ctrTitle` holds the title.
    private struct SlideHandler: OOXMLEventHandler {
        var paragraphs: [String] = []
        var title: String?
        private var shapeIsTitle = false
        private var titleParts: [String] = []
        private var paragraph: String?
        private var inText = false

        mutating func start(_ name: String, _ attributes: [String: String]) {
            switch name {
            case "sp": shapeIsTitle = false; titleParts = []
            case "ph": if let type = attributes["type"], type == "title" || type == "ctrTitle" { shapeIsTitle = true }
            case "p": paragraph = ""
            case "t": inText = true
            case "br": paragraph? += " "
            default: break
            }
        }

        mutating func end(_ name: String) {
            switch name {
            case "t": inText = false
            case "p":
                if let text = paragraph.map(OfficeText.clean), !text.isEmpty {
                    paragraphs.append(text)
                    if shapeIsTitle { titleParts.append(text) }
                }
                paragraph = nil
            case "sp":
                if shapeIsTitle, title == nil, !titleParts.isEmpty { title = titleParts.joined(separator: " ") }
                shapeIsTitle = false
            default: break
            }
        }

        mutating func text(_ string: String) {
            if inText { paragraph? += string }
        }
    }
}
