// What the `results` fuzz target (Fuzz/results.swift) found, and its seeds, replayed through the
// same readers: `scripts/fuzz results` copies a finding to Tests/IntakeTests/Fixtures/fuzz/results/.
import Followup
import Foundation
import XCTest

final class ResultsFuzzRegressionTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func inputs(_ folder: String) throws -> [(String, [UInt8])] {
        let url = Self.root.appendingPathComponent(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return [] }
        return try names.sorted().map { ($0, [UInt8](try Data(contentsOf: url.appendingPathComponent($0)))) }
    }

    func testFindingsAndSeedsReadWithoutCrashing() throws {
        let findings = try inputs("Tests/IntakeTests/Fixtures/fuzz/results")
        let seeds = try inputs("Fuzz/seeds/results")
        XCTAssertGreaterThanOrEqual(seeds.count, 7)
        for (name, bytes) in findings + seeds {
            for file in ["resultados.csv", "resultados.xlsx"] {
                // Any error is fine; a crash or a hang is what the fuzzer found.
                if let table = try? ResultsReader.read(file: bytes, filename: file) {
                    XCTAssertFalse(table.participants.isEmpty, name)
                    _ = Effectiveness(table, passingScore: 80).percent
                }
            }
        }
        // The seeds are real results files: each reads in its own format.
        for (name, bytes) in seeds {
            XCTAssertNoThrow(try ResultsReader.read(file: bytes, filename: name), name)
        }
    }
}
