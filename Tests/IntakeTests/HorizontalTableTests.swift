import XCTest
@testable import Intake

/// The 4.2.1 table copied horizontally is read as fields; two labels on one line are not a table.
final class HorizontalTableTests: XCTestCase {
    private func fields(_ text: String) -> TrainingRequest {
        var mail = RequestMailBuilder()
        mail.intro = text
        mail.fields = []
        return mail.read()
    }

    func testHeaderRowOverValueRow() {
        let read = fields("ASUNTO DEL CORREO\tFECHA DE SALIDA A PRODUCCIÓN\tMATERIAL DE APOYO\tTEST\n"
                          + "Fondo Víctimas 2026-2\t16/06/2026\tAdjunto\tAdjunto")
        XCTAssertEqual(read.topic, "Fondo Víctimas 2026-2")
        XCTAssertEqual(read.productionDate?.description, "2026-06-16")
    }

    func testTwoLabelsOnALineAreAFieldAndItsValue() {
        let read = fields("MATERIAL: Test\nASUNTO: Fondo Víctimas 2026-2\nFECHA DE SALIDA A PRODUCCIÓN: 16/06/2026")
        XCTAssertEqual(read.topic, "Fondo Víctimas 2026-2")
        XCTAssertEqual(read.productionDate?.description, "2026-06-16")
    }
}
