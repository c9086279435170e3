import Foundation
import Intake
import XCTest

final class HolidayListingTests: XCTestCase {
    func testListingOfAYearWithOverrides() throws {
        let overrides = HolidayOverrides(add: [.init(date: day("2026-12-24"), name: "Cierre institucional")],
                                         remove: [day("2026-11-16")])
        let listing = HolidayListing(year: 2026, calendar: BusinessCalendar(overrides: overrides))
        XCTAssertEqual(listing.entries.count, 19)
        let chiquinquira = try XCTUnwrap(listing.entries.first { $0.date == day("2026-07-13") })
        XCTAssertEqual(chiquinquira.weekday, "lunes")
        XCTAssertEqual(chiquinquira.name, "Nuestra Señora del Rosario de Chiquinquirá")
        XCTAssertEqual(chiquinquira.movedFrom, day("2026-07-09"))
        XCTAssertFalse(chiquinquira.fromConfiguration)
        let closure = try XCTUnwrap(listing.entries.last { $0.fromConfiguration })
        XCTAssertEqual(closure.date, day("2026-12-24"))
        XCTAssertEqual(closure.weekday, "jueves")
        XCTAssertEqual(listing.removed, [day("2026-11-16")])
        XCTAssert(listing.lines.contains(
            "2026-07-13  lunes     Nuestra Señora del Rosario de Chiquinquirá (9 jul, trasladado)"), "\(listing.lines)")
        XCTAssert(listing.lines.contains("2026-12-24  jueves    Cierre institucional [configuración]"), "\(listing.lines)")
        XCTAssert(listing.lines.contains("2026-11-16  lunes     (festivo quitado por configuración)"), "\(listing.lines)")
    }

    func testJSONShape() throws {
        let listing = HolidayListing(year: 2026, calendar: BusinessCalendar())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(listing.entries[1]), as: UTF8.self)
        XCTAssertEqual(json, #"{"date":"2026-01-12","fromConfiguration":false,"movedFrom":"2026-01-06","name":"Día de los Reyes Magos","weekday":"lunes"}"#)
    }
}

extension HolidayListingTests {
    func testUnmovedHolidayWritesNullMovedFrom() throws {
        let listing = HolidayListing(year: 2026, calendar: BusinessCalendar())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(listing.entries[0]), as: UTF8.self)
        XCTAssertEqual(json, #"{"date":"2026-01-01","fromConfiguration":false,"movedFrom":null,"name":"Año Nuevo","weekday":"jueves"}"#)
    }
}
