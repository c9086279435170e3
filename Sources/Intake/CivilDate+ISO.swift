/// ISO 8601 calendar dates (`yyyy-MM-dd`): the one spelling used in config, JSON and logs, so a
/// date is parsed and printed by hand, strictly, without a `DateFormatter`.
extension CivilDate: LosslessStringConvertible, CustomDebugStringConvertible {
    /// Exactly `yyyy-MM-dd` with ASCII digits and a real day; no spaces, no time, no other form
    /// (the loose forms people write in mails are the mail parser's business).
    public init?(_ iso: String) {
        let b = Array(iso.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") else { return nil }
                n = n * 10 + Int(b[i] - UInt8(ascii: "0"))
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10), y >= 1 else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `yyyy-MM-dd`; years outside 1...9999 print unpadded and do not parse back.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        let y = (1...9999).contains(year) ? pad(year, 4) : String(year)
        return "\(y)-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var debugDescription: String { "CivilDate(\(description))" }
}

/// Encoded as its ISO string, so JSON output reads `"2026-07-13"`.
extension CivilDate: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a date (yyyy-mm-dd)")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
