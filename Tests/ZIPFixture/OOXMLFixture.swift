import Foundation

/// The Office Open XML parts every fixture package needs (content types, relationships) and a
/// whole xlsx as Excel lays it out (sharedStrings, numbers as numbers); shared by IntakeTests'
/// OfficeFixture and FollowupTests, so the layout lives in one place. Strings are typed
/// explicitly: a test target importing GRDB would otherwise read them as its `SQL` literal.
public enum OOXMLFixture {
    public static let xlsxMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"

    /// A zip of the given entries, in order.
    public static func zip(_ entries: [(String, Data)], method: ZIPWriter.Method = .deflate) -> Data {
        var writer = ZIPWriter()
        for (path, data) in entries { writer.add(path, data, method: method) }
        return writer.finished()
    }

    public static func contentTypes(main: String, mainType: String) -> Data {
        Data("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/\(main)" ContentType="\(mainType)"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """.utf8)
    }

    public static func rels(_ targets: [(id: String, type: String, target: String)]) -> Data {
        let items: String = targets.map {
            "<Relationship Id=\"\($0.id)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/\($0.type)\" Target=\"\($0.target)\"/>"
        }.joined()
        return Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(items)</Relationships>".utf8)
    }

    public static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    public static func xlsx(_ sheets: [(name: String, rows: [[String]])]) -> Data {
        var shared: [String] = []
        var index: [String: Int] = [:]
        func sharedIndex(_ s: String) -> Int {
            if let i = index[s] { return i }
            shared.append(s); index[s] = shared.count - 1
            return shared.count - 1
        }
        var entries: [(String, Data)] = []
        for (number, sheet) in sheets.enumerated() {
            let rows: String = sheet.rows.enumerated().map { r, cells -> String in
                let cs: String = cells.enumerated().compactMap { c, value -> String? in
                    let ref = "\(Character(Unicode.Scalar(65 + c)!))\(r + 1)"
                    if value.isEmpty { return nil }
                    if Double(value) != nil { return "<c r=\"\(ref)\"><v>\(value)</v></c>" }
                    return "<c r=\"\(ref)\" t=\"s\"><v>\(sharedIndex(value))</v></c>"
                }.joined()
                return "<row r=\"" + String(r + 1) + "\">" + cs + "</row>"
            }.joined()
            entries.append(("xl/worksheets/sheet\(number + 1).xml",
                            Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\(rows)</sheetData></worksheet>".utf8)))
        }
        let sheetList: String = sheets.enumerated().map { "<sheet name=\"\(escape($1.name))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
        let workbook = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>\(sheetList)</sheets></workbook>".utf8)
        var wbRels = sheets.indices.map { (id: "rId\($0 + 1)", type: "worksheet", target: "worksheets/sheet\($0 + 1).xml") }
        wbRels.append((id: "rId99", type: "sharedStrings", target: "sharedStrings.xml"))
        let sst = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(shared.count)\" uniqueCount=\"\(shared.count)\">\(shared.map { "<si><t>\(escape($0))</t></si>" }.joined())</sst>".utf8)
        return zip([
            ("[Content_Types].xml", contentTypes(main: "xl/workbook.xml", mainType: xlsxMain)),
            ("_rels/.rels", rels([(id: "rId1", type: "officeDocument", target: "xl/workbook.xml")])),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", rels(wbRels)),
            ("xl/sharedStrings.xml", sst),
        ] + entries)
    }
}
