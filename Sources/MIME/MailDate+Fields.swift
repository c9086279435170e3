import Foundation

/// The pieces of a date-time as they are recognised, in whatever order the sender wrote them
/// (RFC 5322 order, asctime order `Mon Feb 16 09:12:00 2026`, `16-Feb-2026`).
extension MailDate {
    /// Longer inputs are not dates (bounds work on junk headers).
    static let maxLength = 256

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let weekdays: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// RFC 5322 4.3 obsolete zones; military letters are "-0000" (their sign was often wrong).
    static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0,
        "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
    ]

    /// Lowercased words, comments and commas removed; `16-feb-2026` and `09:12:00-0500` split.
    static func tokens(_ raw: String) -> [Substring] {
        guard raw.utf8.count <= maxLength else { return [] }
        var cleaned = ""
        var depth = 0
        for c in raw.lowercased() {
            if c == "(" { depth += 1; continue }
            if c == ")", depth > 0 { depth -= 1; continue }
            if depth > 0 { continue }
            cleaned.append(c == "," || c.isWhitespace ? " " : c)
        }
        var result: [Substring] = []
        for word in cleaned.split(separator: " ") {
            if word.contains(":"), let sign = word.dropFirst().firstIndex(where: { $0 == "+" || $0 == "-" }) {
                result += [word[..<sign], word[sign...]]  // `09:12:00-0500`
            } else if word.contains("-"), word.contains(where: \.isLetter), word.first != "-" {
                result += word.split(separator: "-")  // `16-feb-2026`
            } else {
                result.append(word)
            }
        }
        return result
    }

    struct Fields {
        var numbers: [Substring] = []
        var month: Int?
        var time: (hour: Int, minute: Int, second: Int)?
        var offset: Int?
        var junk = false

        mutating func take(_ token: Substring) {
            if let first = token.first, first == "+" || first == "-" {
                if offset == nil, let value = MailDate.numericOffset(token) { offset = value } else { junk = true }
            } else if token.contains(":") {
                if time == nil, let value = MailDate.clock(token) { time = value } else { junk = true }
            } else if token.allSatisfy(\.isASCIIDigitCharacter) {
                numbers.append(token)
            } else if token.allSatisfy(\.isLetter) {
                takeWord(token)
            } else if token != "." {
                junk = true
            }
        }

        mutating func takeWord(_ word: Substring) {
            let prefix = String(word.prefix(3))
            if month == nil, word.count >= 3, let m = MailDate.months.firstIndex(of: prefix) {
                month = m + 1
            } else if word.count >= 3, MailDate.weekdays.contains(prefix) {
                return
            } else if offset == nil, let zone = MailDate.zones[String(word)] {
                offset = zone
            } else if offset == nil, word.count == 1, word != "j" {
                offset = 0
            } else if time == nil {
                junk = true  // words before the time are not a zone
            }
        }

        func date() -> MailDate? {
            guard !junk, let month, numbers.count == 2 else { return nil }
            let yearFirst = numbers[0].count >= 3
            guard let day = Int(yearFirst ? numbers[1] : numbers[0]), numbers[yearFirst ? 1 : 0].count <= 2,
                  let written = Int(yearFirst ? numbers[0] : numbers[1]) else { return nil }
            let yearDigits = (yearFirst ? numbers[0] : numbers[1]).count
            // RFC 5322 4.3: two digits 00–49 are 20xx, 50–99 19xx; three digits add 1900.
            let year = yearDigits == 2 ? (written < 50 ? 2000 + written : 1900 + written)
                : yearDigits == 3 ? 1900 + written : written
            guard (1...9999).contains(year), day >= 1, day <= MailDate.daysInMonth(month, year: year) else { return nil }
            let (hour, minute, second) = time ?? (0, 0, 0)
            let offset = offset ?? 0  // no zone: RFC 5322 "-0000", time in UTC
            let days = MailDate.daysFromCivil(year: year, month: month, day: day)
            let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset * 60
            return MailDate(instant: Date(timeIntervalSince1970: TimeInterval(seconds)), offsetMinutes: offset)
        }
    }

    /// `+hhmm`, `-hhmm`, also `+hh:mm` and `+hh`.
    static func numericOffset(_ token: Substring) -> Int? {
        let sign = token.first == "-" ? -1 : 1
        let digits = token.dropFirst().filter { $0 != ":" }
        guard digits.allSatisfy(\.isASCIIDigitCharacter), digits.count == 4 || digits.count == 2,
              let value = Int(digits) else { return nil }
        let (hours, minutes) = digits.count == 4 ? (value / 100, value % 100) : (value, 0)
        guard hours <= 23, minutes <= 59 else { return nil }
        return sign * (hours * 60 + minutes)
    }

    /// `hh:mm` or `hh:mm:ss` (a leap second 60 is allowed, as RFC 5322 does).
    static func clock(_ token: Substring) -> (hour: Int, minute: Int, second: Int)? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCIIDigitCharacter) }),
              let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        let s = parts.count == 3 ? Int(parts[2]) ?? 0 : 0
        guard h <= 23, m <= 59, s <= 60 else { return nil }
        return (h, m, s)
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
