import Foundation
import Intake
import XCTest

/// Differential test: our calendar against PyPI's `holidays` package (vacanza/holidays), an
/// implementation written independently from the same laws, for every year 1984–2100.
final class HolidayReferenceTests: XCTestCase {
    /// A difference we accept because our calendar follows the law and the reference does not.
    struct Exception {
        enum Side { case onlyOurs, onlyReference }
        let date: String
        let side: Side
        let why: String
    }

    /// Documented exceptions. Empty: python-holidays 0.109 already has Ley 2578 de 2026
    /// (9 July from 2026) and the Ley 51 de 1983 moves from 1984, and agrees on every date.
    /// Add an entry here (with the law that justifies it) only when the reference lags the law;
    /// an entry that no longer matches a difference fails the test, so the list stays true.
    static let exceptions: [Exception] = []

    func testAgreesWithPythonHolidays1984To2100() throws {
        let reference = try loadReference(first: 1984, last: 2100)
        var agreeingDates = 0, allDates = 0, agreeingYears = 0
        var unexplained: [String] = []
        var used = Set<String>()
        for year in 1984...2100 {
            let ours = Dictionary(grouping: ColombianHolidays.holidays(in: year), by: \.date.description)
            let theirs = reference.years[String(year)] ?? [:]
            let dates = Set(ours.keys).union(theirs.keys)
            var yearAgrees = true
            for date in dates.sorted() {
                allDates += 1
                let mine = ours[date]?.count ?? 0, other = theirs[date]?.count ?? 0
                if mine > 0 && other > 0 {
                    agreeingDates += 1
                    // Two holidays on one day (Sagrado Corazón + San Pedro) must be two on both sides.
                    if mine != other { unexplained.append("\(date): \(mine) holidays here, \(other) in reference"); yearAgrees = false }
                    continue
                }
                yearAgrees = false
                let side: Exception.Side = mine > 0 ? .onlyOurs : .onlyReference
                if Self.exceptions.contains(where: { $0.date == date && $0.side == side }) {
                    used.insert(date)
                } else {
                    let names = (ours[date]?.map(\.name) ?? theirs[date] ?? []).joined(separator: ", ")
                    unexplained.append("\(date) \(side == .onlyOurs ? "only ours" : "only in reference"): \(names)")
                }
            }
            if yearAgrees { agreeingYears += 1 }
        }
        let stale = Self.exceptions.filter { !used.contains($0.date) }.map(\.date)
        print("calendar agreement 1984–2100: \(grouped(agreeingDates))/\(grouped(allDates)) dates, "
              + "\(agreeingYears)/117 years (\(reference.source)); documented exceptions: \(Self.exceptions.count)")
        XCTAssertEqual(unexplained, [], "differences from \(reference.source) that no exception explains")
        XCTAssertEqual(stale, [], "documented exceptions that no longer occur: remove them")
        XCTAssertGreaterThan(allDates, 2_000, "reference looks truncated")
    }

    private struct Reference: Decodable {
        let source: String
        let years: [String: [String: [String]]]
    }

    /// Runs `scripts/holidays_reference.py`; skips (visibly) when Python or the module is missing.
    private func loadReference(first: Int, last: Int) throws -> Reference {
        let script = repositoryRoot.appendingPathComponent("scripts/holidays_reference.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, String(first), String(last)]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { throw XCTSkip("cannot run python3 (\(error)): reference calendar not checked") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: return try JSONDecoder().decode(Reference.self, from: data)
        case 3, 127: throw XCTSkip("SKIPPED differential calendar test: \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        default: XCTFail("holidays_reference.py exited \(process.terminationStatus): \(message)"); throw XCTSkip("no reference")
        }
    }

    private func grouped(_ n: Int) -> String {
        let s = String(n)
        guard s.count > 3 else { return s }
        return s.dropLast(3) + "," + s.suffix(3)
    }
}
