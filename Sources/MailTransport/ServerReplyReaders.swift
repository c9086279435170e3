/// The one public door to every reader of mail-server replies this module wrote (IMAP STATUS,
/// EXAMINE, UID SEARCH, UID FETCH INTERNALDATE and RFC822.SIZE, APPENDUID, READ-ONLY, FETCH FLAGS,
/// LIST, the failure line and its SMTP/IMAP disposition, the SASL error challenge). The readers stay
/// internal; the `imapreplies` fuzz target and its regression replay drive them all through here,
/// so a fuzz build needs no testable build of the module. Server bytes are hostile input: each
/// reader must return nil or a value, never trap.
public enum ServerReplyReaders {
    /// Runs every reader on `bytes` (split into lines as the transfers do); the count of what was
    /// read, so nothing is optimized away.
    public static func readAll(_ bytes: [UInt8]) -> Int {
        let lines = IMAPResponse.lines(bytes)
        var found = 0
        if IMAPResponse.status(in: lines) != nil { found += 1 }
        if IMAPResponse.examined(in: lines) != nil { found += 1 }
        found += IMAPResponse.searchUIDs(in: lines).count
        found += IMAPResponse.internalDates(in: lines).count
        if IMAPResponse.messageSize(in: lines) != nil { found += 1 }
        if IMAPResponse.appendUID(in: lines) != nil { found += 1 }
        if IMAPResponse.isReadOnly(lines) { found += 1 }
        if IMAPResponse.reportsSeen(lines) { found += 1 }
        found += lines.compactMap(IMAPResponse.listEntry).count
        for line in lines where line.count <= 64 {
            if IMAPDate.parse(Substring(line)) != nil { found += 1 }
        }
        if let failure = CurlError.failureLine(in: lines) {
            found += CurlError(code: 0, message: "", serverResponse: failure).disposition == .transient ? 1 : 0
        }
        if OAuthLoginRefusal.challenge(in: lines) != nil { found += 1 }
        return found
    }
}
