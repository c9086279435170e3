import Foundation

/// Paragraphs of a Word document's body in reading order: headings with their level, numbered
/// items flagged (a test's questions are often a numbered list), table rows as one line each.
enum DOCXReader {
    static func paragraphs(in package: inout OOXMLPackage, mainPart: String, textBudget: inout Int,
                           warnings: inout [InspectionWarning]) -> [OfficeDocument.Paragraph] {
        var handler = BodyHandler()
        package.parse(mainPart, into: &handler, textBudget: &textBudget, warnings: &warnings)
        return handler.output
    }

    /// Heading level from a paragraph style id: "Heading2", "Ttulo2" (Spanish Word drops the
    /// accent from "Título 2"), "Titulo2", "Encabezado2" → 2; the Title style → 0.
    static func headingLevel(styleID: String) -> Int? {
        let id = styleID.lowercased().filter { $0.isLetter || $0.isNumber }
        for prefix in ["heading", "título", "titulo", "ttulo", "encabezado"] where id.hasPrefix(prefix) {
            let rest = id.dropFirst(prefix.count)
            if rest.isEmpty { return prefix == "heading" || prefix == "encabezado" ? nil : 0 }
            if let level = Int(rest), (1...9).contains(level) { return level }
        }
        return id == "title" ? 0 : nil
    }

    private struct ParagraphState {
        var text = ""
        var headingLevel: Int?
        var isListItem = false
    }

    /// `w:p` may nest (a text box inside a run), so open paragraphs form a stack; table cells
    /// gather their paragraphs' text and the outermost row becomes one "cell: cell" line.
    private struct BodyHandler: OOXMLEventHandler {
        var output: [OfficeDocument.Paragraph] = []
        private var open: [ParagraphState] = []
        private var inText = false
        private var tableDepth = 0
        private var cells: [String] = []
        private var cell: [String] = []

        mutating func start(_ name: String, _ attributes: [String: String]) {
            switch name {
            case "p": open.append(ParagraphState())
            case "pStyle":
                if let id = attributes["val"], let level = DOCXReader.headingLevel(styleID: id), !open.isEmpty {
                    open[open.count - 1].headingLevel = level
                }
            case "outlineLvl":
                if let value = attributes["val"].flatMap(Int.init), (0...8).contains(value), !open.isEmpty,
                   open[open.count - 1].headingLevel == nil {
                    open[open.count - 1].headingLevel = value + 1
                }
            case "numPr": if !open.isEmpty { open[open.count - 1].isListItem = true }
            case "t": inText = true
            case "tab", "br", "cr": appendText(" ")
            case "tbl": tableDepth += 1
            case "tr" where tableDepth == 1: cells = []
            case "tc" where tableDepth == 1: cell = []
            default: break
            }
        }

        mutating func end(_ name: String) {
            switch name {
            case "t": inText = false
            case "p": closeParagraph()
            case "tbl": tableDepth = max(0, tableDepth - 1)
            case "tc" where tableDepth == 1: cells.append(cell.joined(separator: " "))
            case "tr" where tableDepth == 1:
                let line = cells.filter { !$0.isEmpty }.joined(separator: ": ")
                if !line.isEmpty { output.append(.init(text: line, isTableRow: true)) }
            default: break
            }
        }

        mutating func text(_ string: String) {
            if inText { appendText(string) }
        }

        private mutating func appendText(_ string: String) {
            if !open.isEmpty { open[open.count - 1].text += string }
        }

        private mutating func closeParagraph() {
            guard let state = open.popLast() else { return }
            let text = OfficeText.clean(state.text)
            guard !text.isEmpty else { return }
            if tableDepth > 0 {
                cell.append(text)
            } else {
                output.append(.init(text: text, headingLevel: state.headingLevel, isListItem: state.isListItem))
            }
        }
    }
}
