import Foundation
import XCTest
@testable import Intake

/// "FECHA DE SALIDA A PRODUCCIÓN: 1 de julio": a day and month without a year take the year of
/// the mail's day — or the next one when the date would otherwise lie well before the mail.
final class YearlessDateTests: XCTestCase {
    func testYearComesFromTheMailsDay() {
        let march2 = DateParts(year: 2026, month: 3, day: 2)
        let november20 = DateParts(year: 2026, month: 11, day: 20)
        let rows: [(String, String, DateParts, DateParts?, UInt)] = [
            ("later the same year", "1 de julio", march2, DateParts(year: 2026, month: 7, day: 1), #line),
            ("weekday and ordinal", "miércoles 1° de julio", march2, DateParts(year: 2026, month: 7, day: 1), #line),
            ("month first", "julio 15", march2, DateParts(year: 2026, month: 7, day: 15), #line),
            ("January seen from November", "15 de enero", november20, DateParts(year: 2027, month: 1, day: 15), #line),
            ("recent past stays this year", "2 de enero", DateParts(year: 2026, month: 2, day: 20), DateParts(year: 2026, month: 1, day: 2), #line),
            ("past beyond 60 days is next year", "2 de enero", DateParts(year: 2026, month: 3, day: 20), DateParts(year: 2027, month: 1, day: 2), #line),
            ("a written year wins", "15 de marzo de 2025", november20, DateParts(year: 2025, month: 3, day: 15), #line),
            ("29 February of a common year", "29 de febrero", march2, nil, #line),
            ("day that does not exist", "31 de abril", march2, nil, #line),
        ]
        for (name, text, reference, expected, line) in rows {
            XCTAssertEqual(SpanishDateParser.firstDate(in: text, reference: reference)?.parts, expected, name, line: line)
        }
        XCTAssertNil(SpanishDateParser.firstDate(in: "1 de julio"), "without a reference nothing is guessed")
    }

    func testAYearlessProductionDateIsJudgedFromTheMailsYear() throws {
        var mail = try RequestMailBuilder.fondosCompleto()
        mail.fields = mail.fields.map { $0.0 == "FECHA DE SALIDA A PRODUCCIÓN" ? ($0.0, "lunes 15 de junio") : $0 }
        let inspection = mail.inspect()
        XCTAssertEqual(inspection.productionDate, "2026-06-15")
        XCTAssertFalse(inspection.missing?.contains("fecha_produccion") ?? true)
        XCTAssertEqual(inspection.deadlines?.first?.due, "2026-03-17")
    }
}
