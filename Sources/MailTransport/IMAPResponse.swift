import Foundation

/// Parsers for the few untagged and tagged lines this client reads. They work on whole lines
/// split at CR/LF bytes (a Swift `Character` "\r\n" would not split on "\n") and pick lines by
/// their type, never by position: libcurl also passes unsolicited lines such as `* 3 EXISTS`.
enum IMAPResponse {
    static func lines(_ bytes: [UInt8]) -> [String] {
        bytes.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }).map { String(decoding: $0, as: UTF8.self) }
    }

    static func lines(_ headerLines: [String]) -> [String] {
        headerLines.flatMap { lines(Array($0.utf8)) }
    }

    /// `* STATUS INBOX (MESSAGES 5 UIDNEXT 8 UIDVALIDITY 1795912931)`.
    static func status(in lines: [String]) -> MailboxStatus? {
        for line in lines where line.uppercased().hasPrefix("* STATUS ") {
            guard let open = line.lastIndex(of: "("), let close = line.lastIndex(of: ")"), open < close else { continue }
            let words = line[line.index(after: open)..<close].split(separator: " ")
            var values: [String: UInt64] = [:]
            for index in stride(from: 0, to: words.count - 1, by: 2) {
                if let value = UInt64(words[index + 1]) { values[words[index].uppercased()] = value }
            }
            guard let validity = values["UIDVALIDITY"], let next = values["UIDNEXT"], let messages = values["MESSAGES"],
                  let validity32 = UInt32(exactly: validity), let next32 = UInt32(exactly: next) else { continue }
            return MailboxStatus(uidValidity: validity32, uidNext: next32, messages: Int(messages))
        }
        return nil
    }

    /// The numbers of every `* SEARCH …` line (there may be none for an empty result).
    static func searchUIDs(in lines: [String]) -> [UInt32] {
        var uids: [UInt32] = []
        for line in lines {
            let words = line.split(separator: " ")
            guard words.count >= 2, words[0] == "*", words[1].uppercased() == "SEARCH" else { continue }
            uids += words.dropFirst(2).compactMap { UInt32($0) }
        }
        return uids
    }

    /// `A005 OK [APPENDUID 1795912931 7] Append completed.` → (1795912931, 7).
    static func appendUID(in lines: [String]) -> (uidValidity: UInt32, uid: UInt32)? {
        for line in lines.reversed() {
            guard let range = line.range(of: "[APPENDUID ", options: .caseInsensitive) else { continue }
            let words = line[range.upperBound...].split(whereSeparator: { $0 == " " || $0 == "]" })
            guard words.count >= 2, let validity = UInt32(words[0]), let uid = UInt32(words[1]) else { continue }
            return (validity, uid)
        }
        return nil
    }

    /// Whether the tagged completion of an EXAMINE said `[READ-ONLY]`.
    static func isReadOnly(_ lines: [String]) -> Bool {
        lines.contains { line in
            let words = line.split(separator: " ", maxSplits: 2)
            return words.count == 3 && words[0] != "*" && words[1].uppercased() == "OK"
                && words[2].uppercased().hasPrefix("[READ-ONLY]")
        }
    }

    /// Whether a `* n FETCH (… FLAGS (… \Seen …) …` line came back: servers send FLAGS in a
    /// FETCH response only when the fetch itself changed them.
    static func reportsSeen(_ lines: [String]) -> Bool {
        lines.contains { line in
            let upper = line.uppercased()
            guard upper.hasPrefix("* "), upper.contains(" FETCH ("), let flags = upper.range(of: "FLAGS (") else { return false }
            return upper[flags.upperBound...].prefix(while: { $0 != ")" }).contains("\\SEEN")
        }
    }
}
