import Foundation

/// IMAP's two date shapes (RFC 3501 §9): INTERNALDATE `"02-Dec-2026 11:18:03 +0000"` (day may be
/// space-padded) and the SEARCH day `2-Dec-2026`. Hand-parsed: DateFormatter depends on locale
/// data and is slow; these are fixed English shapes.
enum IMAPDate {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `dd-Mon-yyyy hh:mm:ss +zzzz` → the instant; nil for anything else.
    static func parse(_ text: Substring) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: " ")
        guard parts.count == 3 else { return nil }
        let day = parts[0].split(separator: "-"), time = parts[1].split(separator: ":"), zone = parts[2]
        guard day.count == 3, time.count == 3, zone.count == 5,
              let d = Int(day[0]), let month = months.firstIndex(where: { $0.caseInsensitiveCompare(day[1]) == .orderedSame }),
              let y = Int(day[2]), let h = Int(time[0]), let m = Int(time[1]), let s = Int(time[2]),
              let sign = zone.first, sign == "+" || sign == "-", let offset = Int(zone.dropFirst()),
              (1...31).contains(d), (1...9999).contains(y), (0...23).contains(h), (0...59).contains(m), (0...60).contains(s) else { return nil }
        let zoneSeconds = (offset / 100 * 3600 + offset % 100 * 60) * (sign == "-" ? -1 : 1)
        let seconds = daysFromCivil(y, month + 1, d) * 86_400 + h * 3600 + m * 60 + s - zoneSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The UTC day of `date` as SEARCH wants it (`2-Dec-2026`).
    static func searchDay(_ date: Date) -> String {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let (y, m, d) = civil(fromDays: days)
        return "\(d)-\(months[m - 1])-\(y)"
    }

    /// Days since 1970-01-01 (H. Hinnant's algorithm, proleptic Gregorian).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
