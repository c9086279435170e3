import Foundation
import Intake
import MIME
import XCTest
@testable import Replies

/// `revision-manual`: the area or the kind could not be decided, so the note goes to OCM staff
/// only (To: the OCM mailbox, no Cc, nothing to the area) and says what to decide.
final class RevisionManualTests: XCTestCase {
    func testNoteGoesToOCMOnlyAndSaysWhatWasNotDecided() throws {
        let composer = try RepliesFixture.composer()
        var context = RepliesFixture.context(.revisionManual)
        context.undecided = ["el área solicitante", "el tipo de solicitud (numeral 4.1.1)"]
        context.observations = [.missingMaterial(code: "test", name: "Test de conocimiento (mínimo 5 preguntas por tema)", condition: nil, due: nil)]
        let reply = composer.compose(context)
        let parsed = MessageParser.parse(reply.raw)
        XCTAssertEqual(parsed.to, [RepliesFixture.ocm])
        XCTAssertEqual(parsed.cc, [])
        XCTAssertEqual(reply.recipients, [RepliesFixture.ocm.wireAddress])
        XCTAssertFalse(reply.recipients.contains(RepliesFixture.ana.wireAddress))
        XCTAssertEqual(parsed.messageID, "<OCM-2026-0001.r1.revision-manual@ocm.icetex.gov.co>")
        let body = try XCTUnwrap(parsed.textBody)
        for phrase in ["nota interna: no se envió nada al área", "- el área solicitante", "- el tipo de solicitud (numeral 4.1.1)",
                       "amperez@icetex.gov.co", "requiere revisión", "1. Falta: Test de conocimiento"] {
            XCTAssertTrue(body.contains(phrase), phrase + "\n" + body)
        }
        XCTAssertTrue(parsed.subject?.hasPrefix("[OCM-2026-0001] Revisión manual:") == true, parsed.subject ?? "")
    }

    /// A follow-up is answered as one, and observations convene the 5.2.4 work table with a date.
    func testFollowUpWordingAndWorkTable() throws {
        let composer = try RepliesFixture.composer()
        var context = RepliesFixture.observationsContext()
        context.revision = 2
        let body = try XCTUnwrap(MessageParser.parse(composer.compose(context).raw).textBody)
        XCTAssertTrue(body.contains("Gracias por su respuesta sobre la solicitud de capacitación"), body)
        XCTAssertFalse(body.contains("que registramos con el número"), body)
        XCTAssertTrue(body.contains("Convocamos una mesa de trabajo para revisar estas observaciones con ustedes (actividad 5.2.4): le proponemos el jueves 19 de febrero de 2026"), body)
    }
}
