import XCTest
@testable import Replies

/// Loading the template folder: every template parsed at start-up, errors that name the file,
/// the line and the column.
final class ReplyTemplatesTests: XCTestCase {
    func files() throws -> [String: String] { try RepliesFixture.templateFiles() }

    func load(_ files: [String: String], file: StaticString = #filePath, line: UInt = #line) -> ReplyTemplateError? {
        do {
            _ = try ReplyTemplates(files: files)
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testRepositoryTemplatesLoad() throws {
        let files = try files()
        for required in ReplyTemplates.requiredFiles { XCTAssertNotNil(files[required], required) }
        XCTAssertNoThrow(try ReplyTemplates(files: files))
    }

    func testEachMissingTemplateIsNamed() throws {
        for required in ReplyTemplates.requiredFiles {
            var files = try files()
            files[required] = nil
            let error = load(files)
            XCTAssertEqual(error, ReplyTemplateError(file: required, reason: .missingTemplate))
            XCTAssertEqual(error?.description, "\(required): required reply template is missing")
        }
    }

    func testSyntaxErrorInBodyNamesFileLineAndColumn() throws {
        var files = try files()
        files["aprobacion.mustache"] = "Asunto: [{{solicitud}}] Concepto viable\nBuen día:\n\n{{#plan}}\nPlan {{desde}}\n{{/plazos}}\n"
        let error = try XCTUnwrap(load(files))
        XCTAssertEqual(error.file, "aprobacion.mustache")
        XCTAssertEqual(error.line, 6)
        XCTAssertEqual(error.excerpt, "{{/plazos}}")
        guard case .syntax = error.reason else { return XCTFail("\(error.reason)") }
        XCTAssertTrue(error.description.hasPrefix("aprobacion.mustache:6:"), error.description)
    }

    func testUnclosedTagLineAndColumn() throws {
        var files = try files()
        files["observaciones.mustache"] = "Asunto: x\nuno\ndos {{tema}\ntres\n"
        let error = try XCTUnwrap(load(files))
        XCTAssertEqual(error, ReplyTemplateError(file: "observaciones.mustache", line: 3, column: 11, excerpt: "dos {{tema}",
                                                 reason: .syntax("tag not closed with }}")))
    }

    /// The parser notices an unclosed section only at the end of the file: that is the place reported.
    func testUnclosedSectionIsReportedAtTheEnd() throws {
        var files = try files()
        files["observaciones.mustache"] = "Asunto: x\nuno\n{{#observaciones}}\ntres\n"
        let error = try XCTUnwrap(load(files))
        XCTAssertEqual(error.description, "observaciones.mustache:5:1: section opened but never closed before the end of the file: ")
    }

    func testSyntaxErrorInSubjectLineKeepsFileColumns() throws {
        var files = try files()
        files["ilegible.mustache"] = "Asunto: [{{solicitud}}] {{#tema}}sin cierre\ncuerpo\n"
        let error = try XCTUnwrap(load(files))
        XCTAssertEqual(error.file, "ilegible.mustache")
        XCTAssertEqual(error.line, 1)
        XCTAssertEqual(error.excerpt, "Asunto: [{{solicitud}}] {{#tema}}sin cierre")
        let column = try XCTUnwrap(error.column)
        XCTAssertTrue((1...45).contains(column), "column \(column) outside the subject line")
    }

    func testSyntaxErrorInPartialKeepsItsLineNumbers() throws {
        var files = try files()
        files["firma.mustache"] = "Cordialmente,\n\n{{/nada}}\n"
        let error = try XCTUnwrap(load(files))
        XCTAssertEqual(error.file, "firma.mustache")
        XCTAssertEqual(error.line, 3)
        XCTAssertEqual(error.excerpt, "{{/nada}}")
    }

    func testSubjectLineIsRequired() throws {
        var files = try files()
        files["observaciones.mustache"] = "Buen día:\n{{tema}}\n"
        let error = try XCTUnwrap(load(files))
        XCTAssertEqual(error, ReplyTemplateError(file: "observaciones.mustache", line: 1, column: 1, excerpt: "Buen día:",
                                                 reason: .missingSubjectLine))
    }

    func testUnknownPartialIsNamed() throws {
        var files = try files()
        files["aprobacion.mustache"] = "Asunto: x\ncuerpo\n\n  {{> firma_vieja }}\n"
        let error = try XCTUnwrap(load(files))
        XCTAssertEqual(error, ReplyTemplateError(file: "aprobacion.mustache", line: 4, column: 3, excerpt: "  {{> firma_vieja }}",
                                                 reason: .unknownPartial("firma_vieja")))
    }

    func testWindowsLineBreaksAndOtherFilesAreAccepted() throws {
        var files = try files()
        for (name, text) in files where name.hasSuffix(".mustache") {
            files[name] = text.replacingOccurrences(of: "\n", with: "\r\n")
        }
        files["notas.txt"] = "{{#roto"
        let templates = try ReplyTemplates(files: files)
        let reply = ReplyComposer(templates: templates).compose(RepliesFixture.observationsContext())
        XCTAssertEqual(reply, try RepliesFixture.composer().compose(RepliesFixture.observationsContext()))
    }

    func testValuesAreNotHTMLEscaped() throws {
        var files = try files()
        files["observaciones.mustache"] = "Asunto: {{tema}}\n{{tema}} {{> firma}}\n"
        files["firma.mustache"] = "<{{area}}>"
        var context = RepliesFixture.observationsContext()
        context.topic = "Crédito & \"Becas\" <2026>"
        let reply = ReplyComposer(templates: try ReplyTemplates(files: files)).compose(context)
        let text = String(decoding: reply.raw, as: UTF8.self)
        XCTAssertFalse(text.contains("&amp;"), text)
        XCTAssertEqual(reply.subject, "[OCM-2026-0001] Crédito & \"Becas\" <2026>")
    }
}
