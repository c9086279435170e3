import Foundation
import Intake
import XCTest

/// `CivilDate` from a literal the test itself wrote; a typo fails the test, not the suite.
func day(_ iso: String, file: StaticString = #filePath, line: UInt = #line) -> CivilDate {
    guard let date = CivilDate(iso) else {
        XCTFail("bad date literal \(iso)", file: file, line: line)
        return CivilDate(dayNumber: 0)
    }
    return date
}

/// The package root, for tests that read the repository's own files (config, scripts).
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Deterministic generator (SplitMix64) so randomised tests replay the same cases.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
