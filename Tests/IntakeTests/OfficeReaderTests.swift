import Foundation
import XCTest
@testable import Intake

/// Content extraction from well-formed packages: what the material rules will read.
final class OfficeReaderTests: XCTestCase {
    func testSlideTitlesFollowPresentationOrderNotFileNames() throws {
        let data = try OfficeFixture.pptx([
            .init(title: "Convocatoria 2026-2", texts: ["Requisitos", "Fechas"]),
            .init(title: "Preguntas frecuentes", texts: ["¿Qué pasa si se cae el aplicativo?"]),
            .init(title: nil, texts: ["Escenarios no recurrentes", "Contingencias"]),
        ], coreTitle: "Capacitación Fondo")
        let (document, warnings) = OfficeInspector.inspect(data, filename: "deck.pptx")
        XCTAssertEqual(warnings, [])
        let doc = try XCTUnwrap(document)
        XCTAssertEqual(doc.kind, .pptx)
        XCTAssertEqual(doc.title, "Capacitación Fondo")
        XCTAssertEqual(doc.slides.map(\.number), [1, 2, 3])
        XCTAssertEqual(doc.slides.map(\.title), ["Convocatoria 2026-2", "Preguntas frecuentes", "Escenarios no recurrentes"])
        XCTAssertEqual(doc.slides[1].paragraphs, ["¿Qué pasa si se cae el aplicativo?", "Preguntas frecuentes"])
        XCTAssertEqual(doc.slides[0].paragraphs, ["Requisitos", "Fechas", "Convocatoria 2026-2"])
    }

    func testSlideOrderFallsBackToSlideNumbersWithoutPresentationPart() throws {
        var entries = OfficeFixture.pptxEntries([.init(title: "B", texts: []), .init(title: "A", texts: [])])
        entries.removeAll { $0.0 == "ppt/presentation.xml" || $0.0 == "[Content_Types].xml" }
        // Without the main part the package is not recognisable as a deck at all.
        let (document, warnings) = OfficeInspector.inspect(try OfficeFixture.zip(entries), filename: "x.pptx")
        XCTAssertNil(document)
        XCTAssertEqual(warnings, [.unknownPackageKind])

        var ordered = OfficeFixture.pptxEntries([.init(title: "Second", texts: []), .init(title: "First", texts: [])])
        ordered = ordered.map { $0.0 == "ppt/presentation.xml" ? ($0.0, Data("<p:presentation xmlns:p=\"p\"/>".utf8)) : $0 }
        let (fallback, _) = OfficeInspector.inspect(try OfficeFixture.zip(ordered))
        // No sldIdLst: slide1.xml ("First", written last by the fixture) comes first.
        XCTAssertEqual(fallback?.slides.map(\.title), ["First", "Second"])
    }

    func testDocxHeadingsNumberedItemsAndTableRows() throws {
        let data = try OfficeFixture.docx([
            .heading(styleID: "Ttulo", "Test de la capacitación"),
            .heading(styleID: "Heading1", "Preguntas"),
            .numbered("¿Cuál es la fecha de apertura?"),
            .numbered("¿Quiénes pueden postularse?"),
            .paragraph("a) Verdadero"),
            .heading(styleID: "Ttulo2", "Respuestas"),
            .table([["Pregunta", "Respuesta"], ["1", "a"], ["2", ""]]),
            .heading(styleID: "Titulo3", "Anexo"),
        ])
        let (document, warnings) = OfficeInspector.inspect(data, contentType: "application/octet-stream")
        XCTAssertEqual(warnings, [])
        let doc = try XCTUnwrap(document)
        XCTAssertEqual(doc.kind, .docx)
        XCTAssertEqual(doc.paragraphs.filter { $0.headingLevel != nil }.map { "\($0.headingLevel!) \($0.text)" },
                       ["0 Test de la capacitación", "1 Preguntas", "2 Respuestas", "3 Anexo"])
        XCTAssertEqual(doc.paragraphs.filter(\.isListItem).map(\.text),
                       ["¿Cuál es la fecha de apertura?", "¿Quiénes pueden postularse?"])
        XCTAssertEqual(doc.paragraphs.filter(\.isTableRow).map(\.text), ["Pregunta: Respuesta", "1: a", "2"])
        XCTAssertEqual(doc.paragraphs.first { $0.text == "a) Verdadero" }?.isListItem, false)
    }

    func testHeadingLevelFromStyleIDs() {
        XCTAssertEqual(DOCXReader.headingLevel(styleID: "Heading1"), 1)
        XCTAssertEqual(DOCXReader.headingLevel(styleID: "Ttulo1"), 1)
        XCTAssertEqual(DOCXReader.headingLevel(styleID: "Título 2"), 2)
        XCTAssertEqual(DOCXReader.headingLevel(styleID: "Encabezado3"), 3)
        XCTAssertEqual(DOCXReader.headingLevel(styleID: "Title"), 0)
        XCTAssertNil(DOCXReader.headingLevel(styleID: "Normal"))
        XCTAssertNil(DOCXReader.headingLevel(styleID: "ListParagraph"))
        XCTAssertNil(DOCXReader.headingLevel(styleID: "Subttulo"))
    }

    func testXlsxSharedStringsRowsInOrder() throws {
        let data = try OfficeFixture.xlsx([
            (name: "Lista de chequeo", rows: [
                ["Ítem", "Cumple", "Observación"],
                ["Documento de identidad", "", "Vigente"],
                ["Certificado", "1", ""],
            ]),
            (name: "F521", rows: [["Formato Revisión Documental"], ["12.5", "Documento de identidad"]]),
        ])
        let (document, warnings) = OfficeInspector.inspect(data, filename: "Lista.xlsx")
        XCTAssertEqual(warnings, [])
        let doc = try XCTUnwrap(document)
        XCTAssertEqual(doc.kind, .xlsx)
        XCTAssertEqual(doc.sheets.map(\.name), ["Lista de chequeo", "F521"])
        XCTAssertEqual(doc.sheets[0].rows, [
            ["Ítem", "Cumple", "Observación"],
            ["Documento de identidad", "", "Vigente"],
            ["Certificado", "1"],
        ])
        XCTAssertEqual(doc.sheets[1].rows, [["Formato Revisión Documental"], ["12.5", "Documento de identidad"]])
        XCTAssertTrue(doc.lines.contains("Documento de identidad: Vigente"))
    }

    func testXlsxInlineStringsAbsoluteTargetsAndBooleans() throws {
        // openpyxl writes inline strings and package-absolute relationship targets.
        let sheet = Data("""
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
        <row r="1"><c r="A1" t="inlineStr"><is><t>&#191;Cu&#225;l?</t></is></c><c r="C1" t="b"><v>1</v></c></row>\
        <row r="2"><c r="B2" t="n"><v>5</v></c></row></sheetData></worksheet>
        """.utf8)
        let data = try OfficeFixture.zip([
            ("[Content_Types].xml", OfficeFixture.contentTypes(main: "xl/workbook.xml", mainType: OfficeFixture.xlsxMain)),
            ("xl/workbook.xml", Data("<workbook xmlns:r=\"r\"><sheets><sheet name=\"Hoja1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".utf8)),
            ("xl/_rels/workbook.xml.rels", OfficeFixture.rels([(id: "rId1", type: "worksheet", target: "/xl/worksheets/sheet1.xml")])),
            ("xl/worksheets/sheet1.xml", sheet),
        ])
        let (document, warnings) = OfficeInspector.inspect(data)
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(document?.sheets.first?.rows, [["¿Cuál?", "", "TRUE"], ["", "5"]])
    }

    func testColumnLetters() {
        XCTAssertEqual(XLSXReader.column(of: "A1"), 0)
        XCTAssertEqual(XLSXReader.column(of: "c7"), 2)
        XCTAssertEqual(XLSXReader.column(of: "AA10"), 26)
        XCTAssertEqual(XLSXReader.column(of: "XFD1"), 16_383)
        XCTAssertNil(XLSXReader.column(of: "12"))
        XCTAssertNil(XLSXReader.column(of: "ABCD1"))
    }

    func testEmptyDocumentIsADocumentWithoutText() throws {
        let (document, warnings) = OfficeInspector.inspect(try OfficeFixture.docx([]))
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(document?.kind, .docx)
        XCTAssertEqual(document?.isEmpty, true)

        let (deck, deckWarnings) = OfficeInspector.inspect(try OfficeFixture.pptx([]))
        XCTAssertEqual(deckWarnings, [])
        XCTAssertEqual(deck?.slides, [])
        XCTAssertEqual(deck?.isEmpty, true)
    }

    func testKindComesFromThePackageNotTheName() throws {
        let data = try OfficeFixture.docx([.paragraph("Hola")])
        let (document, _) = OfficeInspector.inspect(data, filename: "renamed.pptx",
                                                    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation")
        XCTAssertEqual(document?.kind, .docx)
        XCTAssertEqual(document?.paragraphs.map(\.text), ["Hola"])
    }

    func testMarkupCompatibilityFallbackIsNotReadTwice() throws {
        let document = Data("""
        <w:document xmlns:w="w" xmlns:mc="mc"><w:body><w:p><w:r><mc:AlternateContent>\
        <mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>En el cuadro</w:t></w:r></w:p></w:txbxContent></mc:Choice>\
        <mc:Fallback><w:txbxContent><w:p><w:r><w:t>En el cuadro</w:t></w:r></w:p></w:txbxContent></mc:Fallback>\
        </mc:AlternateContent></w:r><w:r><w:t>Fuera</w:t></w:r></w:p></w:body></w:document>
        """.utf8)
        var entries = OfficeFixture.docxEntries([])
        entries = entries.map { $0.0 == "word/document.xml" ? ($0.0, document) : $0 }
        let (doc, warnings) = OfficeInspector.inspect(try OfficeFixture.zip(entries))
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(doc?.paragraphs.map(\.text), ["En el cuadro", "Fuera"])
    }
}
