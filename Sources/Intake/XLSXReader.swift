import Foundation

/// Sheets of a workbook as rows of cell strings, as a person would read them: shared and
/// inline strings resolved, numbers as written in the file (no formatting applied).
enum XLSXReader {
    static func sheets(in package: inout OOXMLPackage, mainPart: String, textBudget: inout Int,
                       warnings: inout [InspectionWarning]) -> [OfficeDocument.Sheet] {
        var workbook = WorkbookHandler()
        package.parse(mainPart, into: &workbook, textBudget: &textBudget, warnings: &warnings)
        let rels = package.relationships(of: mainPart, textBudget: &textBudget, warnings: &warnings)

        var strings = SharedStringsHandler()
        if let path = rels.byID.values.first(where: { $0.type == "sharedStrings" })?.target ?? fallbackSharedStrings(package) {
            package.parse(path, into: &strings, textBudget: &textBudget, warnings: &warnings)
        }

        var cellBudget = package.limits.maxSheetCells
        var sheets: [OfficeDocument.Sheet] = []
        for (index, (name, rid)) in workbook.sheets.enumerated() {
            // QUIRK: workbooks written by ad-hoc generators (scripts, some exporters) omit
            // xl/_rels/workbook.xml.rels; Excel itself then still opens sheetN.xml by position.
            let conventional = "xl/worksheets/sheet\(index + 1).xml"
            guard let path = rels[rid]?.target ?? (package.contains(conventional) ? conventional : nil) else {
                warnings.append(.missingPart(entry: "\(mainPart)#\(rid)"))
                continue
            }
            var sheet = SheetHandler(shared: strings.strings, textBudget: textBudget, cellBudget: cellBudget)
            guard package.parse(path, into: &sheet, textBudget: &textBudget, warnings: &warnings) else { continue }
            textBudget = min(textBudget, sheet.textBudget)
            cellBudget = sheet.cellBudget
            if sheet.truncated {
                warnings.append(.textTruncated(entry: path, limit: package.limits.maxSheetCells))
            }
            sheets.append(.init(name: name, rows: sheet.rows))
        }
        return sheets
    }

    private static func fallbackSharedStrings(_ package: OOXMLPackage) -> String? {
        package.contains("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : nil
    }

    /// 0-based column of a cell reference ("C7" → 2, "AA1" → 26); nil without letters or
    /// past Excel's three-letter columns.
    static func column(of reference: String) -> Int? {
        var column = 0
        var letters = 0
        for byte in reference.utf8 {
            let upper = byte & 0xDF
            guard (65...90).contains(upper), byte >= 65 else { break }
            column = column * 26 + Int(upper - 64)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : column - 1
    }

    private struct WorkbookHandler: OOXMLEventHandler {
        var sheets: [(name: String, rid: String)] = []
        mutating func start(_ name: String, _ attributes: [String: String]) {
            if name == "sheet", let rid = attributes["r:id"] { sheets.append((attributes["name"] ?? "", rid)) }
        }
        mutating func end(_ name: String) {}
        mutating func text(_ string: String) {}
    }

    /// `si` items; phonetic runs (`rPh`, Japanese readings) are not part of the value.
    private struct SharedStringsHandler: OOXMLEventHandler {
        var strings: [String] = []
        private var current: String?
        private var inText = false
        private var phonetic = false

        mutating func start(_ name: String, _ attributes: [String: String]) {
            switch name {
            case "si": current = ""
            case "rPh": phonetic = true
            case "t": inText = !phonetic
            default: break
            }
        }

        mutating func end(_ name: String) {
            switch name {
            case "si": strings.append(current ?? ""); current = nil
            case "rPh": phonetic = false
            case "t": inText = false
            default: break
            }
        }

        mutating func text(_ string: String) {
            if inText { current? += string }
        }
    }

    /// Cells in `sheetData`; a shared string counts against the text budget each time it is
    /// used, so one long string referenced by every cell cannot multiply the output.
    private struct SheetHandler: OOXMLEventHandler {
        let shared: [String]
        var textBudget: Int
        var cellBudget: Int
        var rows: [[String]] = []
        var truncated = false
        private var row: [String]?
        private var cellType: String?
        private var cellColumn: Int?
        private var value: String?
        private var inValue = false

        init(shared: [String], textBudget: Int, cellBudget: Int) {
            self.shared = shared
            self.textBudget = textBudget
            self.cellBudget = cellBudget
        }

        mutating func start(_ name: String, _ attributes: [String: String]) {
            switch name {
            case "row": row = []
            case "c":
                cellType = attributes["t"]
                cellColumn = attributes["r"].flatMap(XLSXReader.column(of:))
                value = nil
            case "v", "t": inValue = true; if value == nil { value = "" }
            default: break
            }
        }

        mutating func end(_ name: String) {
            switch name {
            case "v", "t": inValue = false
            case "c": closeCell()
            case "row":
                if var cells = row {
                    while cells.last?.isEmpty == true { cells.removeLast() }
                    if !cells.isEmpty { rows.append(cells) }
                }
                row = nil
            default: break
            }
        }

        mutating func text(_ string: String) {
            if inValue { value? += string }
        }

        private mutating func closeCell() {
            guard row != nil else { return }
            var text = value ?? ""
            switch cellType {
            case "s": text = Int(text).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? ""
            case "b": text = text == "1" ? "TRUE" : (text == "0" ? "FALSE" : text)
            default: break
            }
            text = OfficeText.clean(text)
            let column = max(cellColumn ?? row!.count, row!.count)
            let padding = column - row!.count
            guard column < 16_384, padding + 1 <= cellBudget, text.count <= textBudget else {
                truncated = true
                return
            }
            row!.append(contentsOf: repeatElement("", count: padding))
            row!.append(text)
            cellBudget -= padding + 1
            textBudget -= text.count
        }
    }
}
