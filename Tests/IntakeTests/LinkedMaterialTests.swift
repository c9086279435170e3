import Foundation
import MIME
import XCTest
@testable import Intake

/// Material shared as a SharePoint/OneDrive/Forms link instead of a file (seed review 2): the
/// items stay missing (OCM reviews the files and sends them to the provider by a secure route,
/// 4.1.1 and 5.2.11) and the reply says, once and before them, why a link does not count.
final class LinkedMaterialTests: XCTestCase {
    let inspector = Inspector(rules: try! RulesTests.shipped(), calendar: BusinessCalendar(), wording: ShippedWording.observations)

    private func inspect(_ name: String, now: String) throws -> Inspection {
        let data = try Data(contentsOf: SeedReview2Tests.folder.appendingPathComponent(name))
        return inspector.inspect(MessageParser.parse([UInt8](data)), file: name, now: ISO8601DateFormatter().date(from: now))
    }

    func testAPresentationOnOneDriveIsAskedForAsAFile() throws {
        let inspection = try inspect("v09-credito-presentacion-onedrive.eml", now: "2026-03-02T15:15:00-05:00")
        XCTAssertEqual(inspection.missing, ["presentacion"])
        let observations = try XCTUnwrap(inspection.observations)
        XCTAssertEqual(observations.count, 2, "\(observations)")
        XCTAssertTrue(observations[0].hasPrefix("Su correo comparte material por enlace"), observations[0])
        XCTAssertTrue(observations[0].contains("a más tardar el lunes 1 de junio de 2026"), observations[0])
        XCTAssertTrue(observations[1].hasPrefix("Falta: Presentación"), observations[1])
    }

    func testAMailWithoutLinksGetsNoLinkObservation() throws {
        let inspection = try inspect("v03-credito-sin-plantillas.eml", now: "2026-04-20T07:48:00-05:00")
        XCTAssertEqual(inspection.missing, ["plantillas"])
        XCTAssertFalse(inspection.observations?.contains { $0.contains("enlace") } ?? true)
    }

    /// A link with every file attached as well asks for nothing.
    func testALinkWithNothingMissingIsNoObservation() throws {
        let first = MessageParser.parse([UInt8](try Data(contentsOf: SeedReview2Tests.folder.appendingPathComponent("v08a-fondos-sharepoint.eml"))))
        let answer = MessageParser.parse([UInt8](try Data(contentsOf: SeedReview2Tests.folder.appendingPathComponent("v08b-fondos-adjunta-material.eml"))))
        let inspection = inspector.inspect(thread: [first, answer], file: "v08", now: ISO8601DateFormatter().date(from: "2026-06-19T16:10:00-05:00")!)
        XCTAssertEqual(inspection.reply, "aprobacion")
        XCTAssertEqual(inspection.observations ?? [], [])
    }
}
