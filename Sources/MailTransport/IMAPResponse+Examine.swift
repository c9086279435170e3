import Foundation

/// Parsers for an EXAMINE's untagged data and for `UID FETCH … (INTERNALDATE)` lines.
extension IMAPResponse {
    /// UIDVALIDITY, UIDNEXT and EXISTS of an EXAMINE (RFC 3501 §6.3.2 requires all three). The
    /// last of each wins: when libcurl SELECTed first in the same transfer, its lines come earlier.
    static func examined(in lines: [String]) -> MailboxStatus? {
        var validity: UInt32?, next: UInt32?, exists: Int?
        for line in lines {
            let words = line.split(separator: " ")
            guard words.count >= 3, words[0] == "*" else { continue }
            if words[2].uppercased() == "EXISTS", let count = Int(words[1]) { exists = count }
            guard words[1].uppercased() == "OK" else { continue }
            let code = words[2].uppercased()
            if code == "[UIDVALIDITY", words.count >= 4 { validity = UInt32(words[3].prefix { $0.isNumber }) ?? validity }
            if code == "[UIDNEXT", words.count >= 4 { next = UInt32(words[3].prefix { $0.isNumber }) ?? next }
        }
        guard let validity, let next, let exists else { return nil }
        return MailboxStatus(uidValidity: validity, uidNext: next, messages: exists)
    }

    /// `* 12 FETCH (UID 7 INTERNALDATE "02-Dec-2026 11:18:03 +0000")`, items in any order → [7: date].
    static func internalDates(in lines: [String]) -> [UInt32: Date] {
        var result: [UInt32: Date] = [:]
        for line in lines {
            // Searched in `line` itself: an index into `line.uppercased()` is not one into `line`
            // (uppercasing "ﬆ" gives two characters), and server bytes are hostile input.
            guard line.hasPrefix("* "), line.range(of: " FETCH (", options: .caseInsensitive) != nil,
                  let uidRange = line.range(of: "UID ", options: .caseInsensitive),
                  let dateRange = line.range(of: "INTERNALDATE \"", options: .caseInsensitive) else { continue }
            guard let uid = UInt32(line[uidRange.upperBound...].prefix { $0.isASCII && $0.isNumber }) else { continue }
            let rest = line[dateRange.upperBound...]
            guard let close = rest.firstIndex(of: "\""), let date = IMAPDate.parse(rest[..<close]) else { continue }
            result[uid] = date
        }
        return result
    }
}

extension IMAPCommand {
    /// `1:5,9,12:13` for sorted UIDs, in sets of at most `limit` UIDs. QUIRK (Debian's libcurl
    /// 7.88.1, CVE-2023-38039 backport): a custom command's answer lines are counted against a
    /// 300 KiB "response headers" cap in a way that grows faster than their size: 262 lines of
    /// `* n FETCH (UID n INTERNALDATE "…")` (10 KB) failed with error 56, 200 passed. 100 per command.
    static func uidSets(_ uids: [UInt32], limit: Int = 100) -> [String] {
        var sets: [String] = []
        var index = 0
        let sorted = Array(Set(uids)).sorted()
        while index < sorted.count {
            let chunk = sorted[index..<min(index + limit, sorted.count)]
            index += chunk.count
            var runs: [String] = []
            var start = chunk.first!, previous = start
            for uid in chunk.dropFirst() {
                if uid == previous + 1 { previous = uid; continue }
                runs.append(start == previous ? "\(start)" : "\(start):\(previous)")
                start = uid
                previous = uid
            }
            runs.append(start == previous ? "\(start)" : "\(start):\(previous)")
            sets.append(runs.joined(separator: ","))
        }
        return sets
    }

    static func internalDates(_ set: String) -> String { "UID FETCH \(set) (INTERNALDATE)" }

    /// `UID SEARCH UID a:b SINCE d-Mon-yyyy`: bounded like `uidSearch(from:through:)`.
    static func uidSearch(from first: UInt32, through last: UInt32, since day: String) -> String {
        "UID SEARCH UID \(first):\(last) SINCE \(day)"
    }
}
