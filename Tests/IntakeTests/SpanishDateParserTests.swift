import XCTest
import Intake

final class SpanishDateParserTests: XCTestCase {
    typealias Case = DateCase

    /// Every format the mails use, as the whole value of a date field.
    let cases: [Case] = [
        Case(text: "15/03/2026", expected: (2026, 3, 15)),
        Case(text: "15-03-2026", expected: (2026, 3, 15)),
        Case(text: "15.03.2026", expected: (2026, 3, 15)),
        Case(text: "2026-03-15", expected: (2026, 3, 15)),
        Case(text: "2026/03/15", expected: (2026, 3, 15)),
        Case(text: "1/7/2026", expected: (2026, 7, 1)),
        Case(text: "15/03/26", expected: (2026, 3, 15)),
        Case(text: "05-06-26", expected: (2026, 6, 5)),
        Case(text: "15 de marzo de 2026", expected: (2026, 3, 15)),
        Case(text: "15 de marzo del 2026", expected: (2026, 3, 15)),
        Case(text: "15 DE MARZO DE 2026", expected: (2026, 3, 15)),
        Case(text: "marzo 15 de 2026", expected: (2026, 3, 15)),
        Case(text: "marzo 15, 2026", expected: (2026, 3, 15)),
        Case(text: "Marzo 15 2026", expected: (2026, 3, 15)),
        Case(text: "lunes 15 de marzo de 2026", expected: (2026, 3, 15)),
        Case(text: "lunes, 15 de marzo de 2026", expected: (2026, 3, 15)),
        Case(text: "Miércoles, 1 de julio de 2026", expected: (2026, 7, 1)),
        Case(text: "miercoles 1 de julio de 2026", expected: (2026, 7, 1)),
        Case(text: "15 mar 2026", expected: (2026, 3, 15)),
        Case(text: "15 sept. 2026", expected: (2026, 9, 15)),
        Case(text: "15-mar-2026", expected: (2026, 3, 15)),
        Case(text: "15-mar-26", expected: (2026, 3, 15)),
        Case(text: "1° de julio de 2026", expected: (2026, 7, 1)),
        Case(text: "1º de julio de 2026", expected: (2026, 7, 1)),
        Case(text: "1ro de julio de 2026", expected: (2026, 7, 1)),
        Case(text: "1er de julio de 2026", expected: (2026, 7, 1)),
        Case(text: "14 de setiembre de 2026", expected: (2026, 9, 14)),
        Case(text: "14 de Septiembre de 2026", expected: (2026, 9, 14)),
        Case(text: "3 de ENERO de 2027", expected: (2027, 1, 3)),
        Case(text: "29 de febrero de 2028", expected: (2028, 2, 29)),
        Case(text: "  20 de mayo de 2026. ", expected: (2026, 5, 20)),
        // Invalid or incomplete: no date.
        Case(text: "31/02/2026", expected: nil),
        Case(text: "29/02/2026", expected: nil),
        Case(text: "31 de abril de 2026", expected: nil),
        Case(text: "32/01/2026", expected: nil),
        Case(text: "15/13/2026", expected: nil),
        Case(text: "00/03/2026", expected: nil),
        Case(text: "2026-02-30", expected: nil),
        Case(text: "15/03/2026/4", expected: nil),
        Case(text: "15/03-2026", expected: nil),
        Case(text: "15/03/202", expected: nil),
        Case(text: "16 de marzo", expected: nil),
        Case(text: "marzo de 2026", expected: nil),
        Case(text: "15 de marzo de 1492", expected: nil),
        Case(text: "192.168.10.1", expected: nil),
        Case(text: "15 de marzo de 2026 a las 10", expected: nil),
    ]

    func testParsesEveryFormatAsAWholeValue() {
        XCTAssertGreaterThanOrEqual(cases.count, 25)
        for c in cases {
            let parsed = SpanishDateParser.parse(c.text)
            let expected = c.expected.map { DateParts(year: $0.0, month: $0.1, day: $0.2) }
            XCTAssertEqual(parsed, expected, "“\(c.text)”", line: c.line)
        }
    }

    func testFindsDatesInProseWithTheirRanges() {
        let text = "Salimos el lunes, 15 de marzo de 2026 y cerramos el 30/04/2026; revisión 2026-05-02."
        let found = SpanishDateParser.dates(in: text)
        XCTAssertEqual(found.map(\.parts), [
            DateParts(year: 2026, month: 3, day: 15),
            DateParts(year: 2026, month: 4, day: 30),
            DateParts(year: 2026, month: 5, day: 2),
        ])
        XCTAssertEqual(found.map { String(text[$0.range]) },
                       ["lunes, 15 de marzo de 2026", "30/04/2026", "2026-05-02"])
    }

    func testSkipsInvalidDatesButKeepsLaterOnes() {
        let text = "Fecha 31/02/2026 corregida: 28/02/2026"
        XCTAssertEqual(SpanishDateParser.dates(in: text).map(\.parts), [DateParts(year: 2026, month: 2, day: 28)])
    }

    func testDoesNotReadDatesOutOfLongerNumbersOrCodes() {
        XCTAssertEqual(SpanishDateParser.dates(in: "Convocatoria 2026-2, radicado 1.234.567, versión 10.0.0.1").count, 0)
    }

    /// A range written with one month starts on its first day: the opening of a convocatoria
    /// "del 15 al 20 de marzo" is the 15th (4.2.1: "fecha de apertura"), a training "entre el 8
    /// y 10 de junio" starts on the 8th.
    func testDayRangeStartsOnItsFirstDay() {
        let rows: [(String, DateParts)] = [
            ("del 15 al 20 de marzo de 2026", DateParts(year: 2026, month: 3, day: 15)),
            ("entre el 8 y 10 de junio de 2026", DateParts(year: 2026, month: 6, day: 8)),
            ("16-30 de junio de 2026", DateParts(year: 2026, month: 6, day: 16)),
            ("del 3 al 28 de agosto", DateParts(year: 2026, month: 8, day: 3)),
        ]
        for (text, expected) in rows {
            let found = SpanishDateParser.dates(in: text, reference: DateParts(year: 2026, month: 4, day: 27))
            XCTAssertEqual(found.map(\.parts), [expected], text)
        }
        // Not a range: the first number is no earlier day of the same month.
        XCTAssertEqual(SpanishDateParser.dates(in: "grupo 30 y 15 de junio de 2026").map(\.parts), [DateParts(year: 2026, month: 6, day: 15)])
    }

    func testISOFormOfDateParts() {
        XCTAssertEqual(DateParts(year: 2026, month: 3, day: 5).iso, "2026-03-05")
        XCTAssertNil(DateParts(validYear: 2026, month: 2, day: 29))
        XCTAssertNotNil(DateParts(validYear: 2000, month: 2, day: 29))
        XCTAssertNil(DateParts(validYear: 1900, month: 2, day: 29))
    }
}
