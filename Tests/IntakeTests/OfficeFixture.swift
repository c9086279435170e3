import Foundation
import ZIPFixture

/// Builds minimal but real pptx/docx/xlsx packages in memory, the way Office lays them out,
/// so reader tests do not depend on binary files.
enum OfficeFixture {
    struct Slide {
        var title: String?
        var texts: [String]
    }

    enum Block {
        case paragraph(String)
        case heading(styleID: String, String)
        case numbered(String)
        case table([[String]])
    }

    static let pptxMain = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
    static let docxMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    static let xlsxMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"

    /// A zip of the given entries, deflated, in order.
    static func zip(_ entries: [(String, Data)], method: ZIPWriter.Method = .deflate) throws -> Data {
        var writer = ZIPWriter()
        for (path, data) in entries { writer.add(path, data, method: method) }
        return writer.finished()
    }

    /// A zip with one entry of `size` zero bytes, streamed so the test never holds it whole.
    static func zeros(path: String, size: Int64, extra: [(String, Data)] = []) throws -> Data {
        var writer = ZIPWriter()
        for (p, data) in extra { writer.add(p, data) }
        var left = Int(size)
        let block = Data(count: 1 << 20)
        writer.add(path) {
            guard left > 0 else { return nil }
            defer { left -= min(left, block.count) }
            return left >= block.count ? block : block.prefix(left)
        }
        return writer.finished()
    }

    // The parts and the xlsx layout are shared with FollowupTests (ZIPFixture's OOXMLFixture).
    static func contentTypes(main: String, mainType: String) -> Data { OOXMLFixture.contentTypes(main: main, mainType: mainType) }

    static func rels(_ targets: [(id: String, type: String, target: String)]) -> Data { OOXMLFixture.rels(targets) }

    static func core(title: String?) -> Data {
        Data("""
        <?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">\
        \(title.map { "<dc:title>\(escape($0))</dc:title>" } ?? "<dc:title/>")</cp:coreProperties>
        """.utf8)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    // MARK: pptx

    /// Slide XML: a body shape first, then the title placeholder (PowerPoint does not promise
    /// the title comes first), unless `title` is nil.
    static func slideXML(_ slide: Slide) -> Data {
        let ns = "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
        let paras = slide.texts.map { "<a:p><a:r><a:rPr lang=\"es-CO\"/><a:t>\(escape($0))</a:t></a:r></a:p>" }.joined()
        let body = "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Content\"/><p:cNvSpPr/><p:nvPr><p:ph idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>\(paras)</p:txBody></p:sp>"
        let title = slide.title.map {
            "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title 1\"/><p:cNvSpPr/><p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p><a:r><a:t>\(escape($0))</a:t></a:r></a:p></p:txBody></p:sp>"
        } ?? ""
        return Data("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><p:sld \(ns)><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>\(body)\(title)</p:spTree></p:cSld></p:sld>".utf8)
    }

    /// A presentation whose slide parts are numbered in reverse of the show order, so a reader
    /// that sorts file names instead of following `p:sldIdLst` gets the order wrong.
    static func pptxEntries(_ slides: [Slide], coreTitle: String? = nil,
                            replacing: [String: Data] = [:]) -> [(String, Data)] {
        let n = slides.count
        let ids = (0..<n).map { "<p:sldId id=\"\(256 + $0)\" r:id=\"rId\(10 + $0)\"/>" }.joined()
        let presentation = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><p:presentation xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><p:sldIdLst>\(ids)</p:sldIdLst></p:presentation>".utf8)
        let presRels = rels((0..<n).map { (id: "rId\(10 + $0)", type: "slide", target: "slides/slide\(n - $0).xml") })
        var entries: [(String, Data)] = [
            ("[Content_Types].xml", contentTypes(main: "ppt/presentation.xml", mainType: pptxMain)),
            ("_rels/.rels", rels([(id: "rId1", type: "officeDocument", target: "ppt/presentation.xml")])),
            ("docProps/core.xml", core(title: coreTitle)),
            ("ppt/presentation.xml", presentation),
            ("ppt/_rels/presentation.xml.rels", presRels),
        ]
        for (index, slide) in slides.enumerated() {
            entries.append(("ppt/slides/slide\(n - index).xml", slideXML(slide)))
        }
        return entries.map { ($0.0, replacing[$0.0] ?? $0.1) }
    }

    static func pptx(_ slides: [Slide], coreTitle: String? = nil, replacing: [String: Data] = [:]) throws -> Data {
        try zip(pptxEntries(slides, coreTitle: coreTitle, replacing: replacing))
    }

    // MARK: docx

    static func docxEntries(_ blocks: [Block], coreTitle: String? = nil) -> [(String, Data)] {
        func run(_ text: String) -> String { "<w:r><w:rPr><w:lang w:val=\"es-CO\"/></w:rPr><w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r>" }
        let body = blocks.map { block -> String in
            switch block {
            case .paragraph(let text): return "<w:p>\(run(text))</w:p>"
            case .heading(let style, let text): return "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr>\(run(text))</w:p>"
            case .numbered(let text):
                return "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>\(run(text))</w:p>"
            case .table(let rows):
                let trs = rows.map { row in
                    "<w:tr>" + row.map { "<w:tc><w:tcPr/><w:p>\(run($0))</w:p></w:tc>" }.joined() + "</w:tr>"
                }.joined()
                return "<w:tbl><w:tblPr/>\(trs)</w:tbl>"
            }
        }.joined()
        let document = Data("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\(body)<w:sectPr/></w:body></w:document>".utf8)
        return [
            ("[Content_Types].xml", contentTypes(main: "word/document.xml", mainType: docxMain)),
            ("_rels/.rels", rels([(id: "rId1", type: "officeDocument", target: "word/document.xml")])),
            ("docProps/core.xml", core(title: coreTitle)),
            ("word/document.xml", document),
        ]
    }

    static func docx(_ blocks: [Block], coreTitle: String? = nil) throws -> Data {
        try zip(docxEntries(blocks, coreTitle: coreTitle))
    }

    // MARK: xlsx

    /// Text cells go through sharedStrings.xml (as Excel writes them); cells that parse as
    /// numbers are written as numbers.
    static func xlsx(_ sheets: [(name: String, rows: [[String]])]) throws -> Data { OOXMLFixture.xlsx(sheets) }
}
