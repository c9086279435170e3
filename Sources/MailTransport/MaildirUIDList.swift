/// The `ocm-uidlist` file kept in a Maildir folder, like Dovecot's `dovecot-uidlist`: a
/// UIDVALIDITY, the next UID, and one `uid basename` line per message. The base name is the
/// file name up to `:` — the part that stays when a mail client moves `new/x` to `cur/x:2,S`.
///
///     ocm-uidlist 1 1767225600 4
///     1 1767225600.M1P10Q1.host
///     3 1767225700.M2P10Q1.host
struct MaildirUIDList: Equatable {
    var uidValidity: UInt32
    var uidNext: UInt32
    /// Base name → UID.
    var uids: [String: UInt32]

    static let fileName = "ocm-uidlist"

    init(uidValidity: UInt32, uidNext: UInt32 = 1, uids: [String: UInt32] = [:]) {
        self.uidValidity = uidValidity
        self.uidNext = uidNext
        self.uids = uids
    }

    /// nil for a file this code did not write (then the folder starts over with a new UIDVALIDITY).
    init?(parsing text: String) {
        var lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
        guard !lines.isEmpty else { return nil }
        let header = lines.removeFirst().split(separator: " ")
        guard header.count == 4, header[0] == "ocm-uidlist", header[1] == "1",
              let validity = UInt32(header[2]), let next = UInt32(header[3]) else { return nil }
        var uids: [String: UInt32] = [:]
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let uid = UInt32(parts[0]), uid < next else { return nil }
            uids[String(parts[1])] = uid
        }
        self.init(uidValidity: validity, uidNext: next, uids: uids)
    }

    var text: String {
        var text = "ocm-uidlist 1 \(uidValidity) \(uidNext)\n"
        for (name, uid) in uids.sorted(by: { $0.value < $1.value }) { text += "\(uid) \(name)\n" }
        return text
    }

    /// Forgets vanished files and numbers new ones in name order (Maildir names start with the
    /// delivery time). A UID is never reused: `uidNext` only grows. Returns whether it changed.
    mutating func update(present baseNames: Set<String>) -> Bool {
        let before = uids.count
        uids = uids.filter { baseNames.contains($0.key) }
        var changed = uids.count != before
        for name in baseNames.subtracting(uids.keys).sorted() {
            uids[name] = uidNext
            uidNext += 1
            changed = true
        }
        return changed
    }

    static func baseName(of fileName: String) -> String {
        fileName.split(separator: ":", maxSplits: 1).first.map(String.init) ?? fileName
    }
}
