// `OCM-YYYY-NNNN`: the id every reply subject carries (design.md). Numbers restart at 1 each year
// and grow past four digits if a year ever needs it.
public struct RequestID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let number: Int

    public init(year: Int, number: Int) {
        self.year = year
        self.number = number
    }

    /// Parses `OCM-2026-0001` (case-insensitive prefix, as mail clients may change case).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].uppercased() == "OCM",
              parts[1].count == 4, parts[2].count >= 4,
              parts[1].allSatisfy(Self.isDigit), parts[2].allSatisfy(Self.isDigit),
              let year = Int(parts[1]), let number = Int(parts[2]), number > 0
        else { return nil }
        self.init(year: year, number: number)
    }

    public var description: String {
        let digits = String(number)
        return "OCM-\(year)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    public static func < (lhs: RequestID, rhs: RequestID) -> Bool {
        (lhs.year, lhs.number) < (rhs.year, rhs.number)
    }
}
