import Foundation
import XCTest
@testable import Intake

/// A zip attachment is read as the files inside it, one level deep and within the Office
/// limits; a broken or oversized zip degrades to what can be read, never to a crash.
final class ZipAttachmentTests: XCTestCase {
    private func request(with zip: Data, name: String = "Material.zip") -> TrainingRequest {
        var mail = RequestMailBuilder()
        mail.attachments = [.init(filename: name, contentType: "application/zip", data: zip)]
        return mail.read()
    }

    func testFilesInsideAreTheMaterial() throws {
        let zip = try OfficeFixture.zip([
            ("Material/Lista de chequeo.xlsx", Data("x".utf8)),
            ("Material/Reglamento Operativo.pdf", Data("%PDF-1.4\n".utf8)),
            ("__MACOSX/Material/._Reglamento Operativo.pdf", Data("junk".utf8)),
            ("Material/", Data()),
        ])
        let read = request(with: zip)
        XCTAssertEqual(read.attachments.map(\.filename), ["Lista de chequeo.xlsx", "Reglamento Operativo.pdf"])
        XCTAssertEqual(Set(read.material.keys), ["lista_chequeo", "reglamento"])
    }

    func testNotAZipIsJudgedAsTheFileItIs() {
        let read = request(with: Data("PK\u{3}\u{4} not really a zip".utf8), name: "Material capacitación.zip")
        XCTAssertEqual(read.attachments.map(\.filename), ["Material capacitación.zip"])
        XCTAssertTrue(read.material.isEmpty)
    }

    func testMembersPastTheLimitAreCountedOutWithANote() throws {
        let entries = (0...RequestReader.maxZipMembers).map { ("f\($0).txt", Data("x".utf8)) }
        let read = request(with: try OfficeFixture.zip(entries))
        XCTAssertEqual(read.attachments.count, RequestReader.maxZipMembers)
        XCTAssertTrue(read.warnings.contains { $0.contains("más de \(RequestReader.maxZipMembers) archivos") }, "\(read.warnings)")
    }

    func testAnOversizedMemberIsKnownByNameOnly() throws {
        let zip = try OfficeFixture.zeros(path: "Presentación capacitación.pptx", size: Int64(OfficeLimits.default.maxEntryInflatedBytes) + 1)
        let read = request(with: zip)
        XCTAssertEqual(read.attachments.map(\.filename), ["Presentación capacitación.pptx"])
        XCTAssertTrue(read.attachments[0].warnings.contains { $0.contains("límites de tamaño") }, "\(read.attachments[0].warnings)")
    }
}
