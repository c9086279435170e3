import Intake
import XCTest

final class ColombianHolidaysTests: XCTestCase {
    func testEasterSunday() {
        let cases: [(Int, String)] = [
            (1583, "1583-04-10"), (1818, "1818-03-22"), (1984, "1984-04-22"), (1985, "1985-04-07"),
            (2000, "2000-04-23"), (2008, "2008-03-23"), (2011, "2011-04-24"), (2019, "2019-04-21"),
            (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2038, "2038-04-25"),
            (2100, "2100-03-28"), (2285, "2285-03-22"), (9999, "9999-03-28"),
        ]
        for (year, easter) in cases { XCTAssertEqual(ColombianHolidays.easterSunday(year: year), day(easter), "\(year)") }
    }

    /// Official calendars (Ministerio del Trabajo / Diario Oficial): days off, names.
    static let official: [Int: [(String, String)]] = [
        2024: [
            ("2024-01-01", "Año Nuevo"), ("2024-01-08", "Día de los Reyes Magos"), ("2024-03-25", "Día de San José"),
            ("2024-03-28", "Jueves Santo"), ("2024-03-29", "Viernes Santo"), ("2024-05-01", "Día del Trabajo"),
            ("2024-05-13", "Ascensión del Señor"), ("2024-06-03", "Corpus Christi"), ("2024-06-10", "Sagrado Corazón"),
            ("2024-07-01", "San Pedro y San Pablo"), ("2024-07-20", "Día de la Independencia"),
            ("2024-08-07", "Batalla de Boyacá"), ("2024-08-19", "La Asunción de la Virgen"),
            ("2024-10-14", "Día de la Raza"), ("2024-11-04", "Día de Todos los Santos"),
            ("2024-11-11", "Independencia de Cartagena"), ("2024-12-08", "La Inmaculada Concepción"),
            ("2024-12-25", "Navidad"),
        ],
        // 30 June 2025 is both Sagrado Corazón and San Pedro y San Pablo: 18 holidays, 17 days off.
        2025: [
            ("2025-01-01", "Año Nuevo"), ("2025-01-06", "Día de los Reyes Magos"), ("2025-03-24", "Día de San José"),
            ("2025-04-17", "Jueves Santo"), ("2025-04-18", "Viernes Santo"), ("2025-05-01", "Día del Trabajo"),
            ("2025-06-02", "Ascensión del Señor"), ("2025-06-23", "Corpus Christi"), ("2025-06-30", "Sagrado Corazón"),
            ("2025-06-30", "San Pedro y San Pablo"), ("2025-07-20", "Día de la Independencia"),
            ("2025-08-07", "Batalla de Boyacá"), ("2025-08-18", "La Asunción de la Virgen"),
            ("2025-10-13", "Día de la Raza"), ("2025-11-03", "Día de Todos los Santos"),
            ("2025-11-17", "Independencia de Cartagena"), ("2025-12-08", "La Inmaculada Concepción"),
            ("2025-12-25", "Navidad"),
        ],
        2026: [
            ("2026-01-01", "Año Nuevo"), ("2026-01-12", "Día de los Reyes Magos"), ("2026-03-23", "Día de San José"),
            ("2026-04-02", "Jueves Santo"), ("2026-04-03", "Viernes Santo"), ("2026-05-01", "Día del Trabajo"),
            ("2026-05-18", "Ascensión del Señor"), ("2026-06-08", "Corpus Christi"), ("2026-06-15", "Sagrado Corazón"),
            ("2026-06-29", "San Pedro y San Pablo"), ("2026-07-13", "Nuestra Señora del Rosario de Chiquinquirá"),
            ("2026-07-20", "Día de la Independencia"), ("2026-08-07", "Batalla de Boyacá"),
            ("2026-08-17", "La Asunción de la Virgen"), ("2026-10-12", "Día de la Raza"),
            ("2026-11-02", "Día de Todos los Santos"), ("2026-11-16", "Independencia de Cartagena"),
            ("2026-12-08", "La Inmaculada Concepción"), ("2026-12-25", "Navidad"),
        ],
    ]

    func testFullYearsAgainstOfficialCalendars() {
        for (year, expected) in Self.official.sorted(by: { $0.key < $1.key }) {
            let actual = ColombianHolidays.holidays(in: year).map { ($0.date.description, $0.name) }
            XCTAssertEqual(actual.map { "\($0.0) \($0.1)" }, expected.map { "\($0.0) \($0.1)" }, "\(year)")
        }
    }

    /// One row per rule: the day commemorated, where the day off lands, and how.
    func testEachRuleMovesOrKeepsItsDay() {
        let cases: [(year: Int, name: String, origin: String, date: String, rule: Holiday.Rule)] = [
            (2026, "Año Nuevo", "2026-01-01", "2026-01-01", .fixed),             // Thursday, kept
            (2022, "Año Nuevo", "2022-01-01", "2022-01-01", .fixed),             // Saturday, kept
            (2024, "Día de la Independencia", "2024-07-20", "2024-07-20", .fixed), // Saturday, kept
            (2024, "La Inmaculada Concepción", "2024-12-08", "2024-12-08", .fixed), // Sunday, kept
            (2025, "Día de los Reyes Magos", "2025-01-06", "2025-01-06", .movedToMonday), // already Monday
            (2026, "Día de los Reyes Magos", "2026-01-06", "2026-01-12", .movedToMonday), // Tuesday → +6
            (2026, "Día de San José", "2026-03-19", "2026-03-23", .movedToMonday),
            (2025, "San Pedro y San Pablo", "2025-06-29", "2025-06-30", .movedToMonday), // Sunday → +1
            (2026, "San Pedro y San Pablo", "2026-06-29", "2026-06-29", .movedToMonday),
            (2026, "Nuestra Señora del Rosario de Chiquinquirá", "2026-07-09", "2026-07-13", .movedToMonday),
            (2027, "Nuestra Señora del Rosario de Chiquinquirá", "2027-07-09", "2027-07-12", .movedToMonday),
            (2026, "La Asunción de la Virgen", "2026-08-15", "2026-08-17", .movedToMonday),
            (2026, "Día de la Raza", "2026-10-12", "2026-10-12", .movedToMonday),
            (2026, "Día de Todos los Santos", "2026-11-01", "2026-11-02", .movedToMonday),
            (2026, "Independencia de Cartagena", "2026-11-11", "2026-11-16", .movedToMonday),
            (2026, "Jueves Santo", "2026-04-02", "2026-04-02", .easter),          // Easter − 3
            (2026, "Viernes Santo", "2026-04-03", "2026-04-03", .easter),         // Easter − 2
            (2026, "Ascensión del Señor", "2026-05-14", "2026-05-18", .movedToMonday), // +39 → +43
            (2026, "Corpus Christi", "2026-06-04", "2026-06-08", .movedToMonday),      // +60 → +64
            (2026, "Sagrado Corazón", "2026-06-12", "2026-06-15", .movedToMonday),     // +68 → +71
            (2038, "Sagrado Corazón", "2038-07-02", "2038-07-05", .movedToMonday),     // latest Easter
            (2285, "Jueves Santo", "2285-03-19", "2285-03-19", .easter),               // earliest Easter
            (2285, "Día de San José", "2285-03-19", "2285-03-23", .movedToMonday),     // same day as Jueves Santo
        ]
        for c in cases {
            let found = ColombianHolidays.holidays(in: c.year).filter { $0.name == c.name }
            XCTAssertEqual(found.count, 1, "\(c.year) \(c.name)")
            guard let h = found.first else { continue }
            XCTAssertEqual(h.origin, day(c.origin), "\(c.year) \(c.name) origin")
            XCTAssertEqual(h.date, day(c.date), "\(c.year) \(c.name) day off")
            XCTAssertEqual(h.rule, c.rule, "\(c.year) \(c.name) rule")
        }
    }

    func testChiquinquiraOnlyFrom2026() {
        let name = "Nuestra Señora del Rosario de Chiquinquirá"
        XCTAssertFalse(ColombianHolidays.holidays(in: 2025).contains { $0.name == name })
        XCTAssertTrue(ColombianHolidays.holidays(in: 2026).contains { $0.name == name })
        XCTAssertTrue(ColombianHolidays.holidays(in: 2100).contains { $0.name == name })
    }

    /// Every year of 1984–2100: 18 holidays (19 from 2026), moved ones on Mondays, never earlier
    /// than their origin nor a week later, Easter ones on Thursday and Friday.
    func testInvariantsForEveryYear() {
        for year in 1984...2100 {
            let list = ColombianHolidays.holidays(in: year)
            XCTAssertEqual(list.count, year >= 2026 ? 19 : 18, "\(year)")
            XCTAssertEqual(list.map(\.date), list.map(\.date).sorted(), "\(year) sorted")
            for h in list {
                XCTAssertEqual(h.date.year, year, "\(h.name) \(year)")
                switch h.rule {
                case .movedToMonday:
                    XCTAssertEqual(h.date.weekday, .monday, "\(h.name) \(year)")
                    XCTAssert((0...6).contains(h.origin.days(to: h.date)), "\(h.name) \(year)")
                case .easter:
                    XCTAssert([.thursday, .friday].contains(h.date.weekday), "\(h.name) \(year)")
                case .fixed:
                    XCTAssertEqual(h.origin, h.date)
                case .configuration:
                    XCTFail("configuration holiday from the law table")
                }
            }
        }
    }
}
