import Foundation
import CCurl

/// A mailbox on an IMAP server, through libcurl. One actor per configured mailbox, running on
/// its own serial queue because every call blocks in `curl_easy_perform`; one easy handle, so
/// the connection and login are reused from poll to poll.
///
/// Reading never sets `\Seen`: libcurl 7.88.1 fetches with `BODY[]` (not `.PEEK`), so each fetch
/// is preceded by `EXAMINE` of the same mailbox on the same handle; the server then has it
/// read-only while libcurl still believes its own SELECT holds (libcurl note §2.4). The
/// integration tests check the flags from another connection after a fetch.
public actor IMAPMailbox: Mailbox {
    public nonisolated let name: String
    /// The polled mailbox (the URL's path); internal for the batch draft calls.
    let mailbox: String
    private let maxMessageBytes: Int
    let session: IMAPSession
    private let executor: SerialQueueExecutor
    /// Drafts go to the server's `\Drafts` folder when it names one (IMAPMailbox+ServerFolders).
    let followsSpecialUse: Bool
    /// The server's SPECIAL-USE folders and APPENDLIMIT, read once and kept (IMAPMailbox+ServerFolders).
    var serverFolders: ServerFolders?

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// UIDs per `UID SEARCH UID a:b`: each `* SEARCH` line stays ≤ 110 KB, below Debian's 300 KiB
    /// cap on protocol lines (libcurl note §2.13 B3) and below half the 512 KiB response buffer
    /// past which libcurl clips lines (see `CurlEasy.configure(for:server:)`).
    static let uidsPerSearch: UInt32 = 10_000

    public init(configuration: MailServerConfiguration) throws(MailboxError) {
        guard case .imap(let server, let mailbox) = configuration.url else {
            throw MailboxError(mailbox: "\(configuration.url)", operation: .configure,
                               reason: .invalidRequest("not an imap:// or imaps:// URL"))
        }
        name = "\(configuration.url)"
        self.mailbox = mailbox
        maxMessageBytes = configuration.maxMessageBytes
        followsSpecialUse = configuration.draftsFromSpecialUse
        executor = SerialQueueExecutor(label: "imap \(name)")
        do {
            session = try IMAPSession(configuration: configuration, server: server)
        } catch {
            throw MailboxError(mailbox: name, operation: .configure, reason: .transfer(error))
        }
    }

    /// Whether the EXAMINE of the last fetch still holds for the next one (IMAPReadOnlyHold).
    private var readOnlyHeld = IMAPReadOnlyHold()

    /// Fetches after which `\Seen` had to be removed again (should stay 0; see the type's doc).
    private var seenRepairs = 0

    /// Transfers (commands) and connections so far, and `\Seen` repairs: for poll-cost checks,
    /// tests and `ocm-intake status`.
    public var counters: (transfers: Int, connections: Int, seenRepairs: Int) {
        (session.transfers, session.connections, seenRepairs)
    }

    /// A fresh EXAMINE, not STATUS: this handle keeps the mailbox selected (every fetch EXAMINEs
    /// it), and Dovecot answers STATUS on the selected mailbox with `OK [CLIENTBUG]` and that
    /// session's old counts, so new mail stayed invisible on a long-lived connection (libcurl note
    /// §2.3, issue 7 item 0). EXAMINE re-reads the mailbox and gives UIDVALIDITY, UIDNEXT, EXISTS.
    public func status() throws(MailboxError) -> MailboxStatus {
        let result = try run(.status) { () throws(CurlError) in try session.retryingStaleConnection { () throws(CurlError) in try examineReadOnly() } }
        let lines = IMAPResponse.lines(result.headerLines) + IMAPResponse.lines(result.body)
        guard let status = IMAPResponse.examined(in: lines) else {
            throw failure(.status, reason: .unexpectedResponse(excerpt(lines)))
        }
        return status
    }

    public func uids(after: UInt32, through: UInt32?) throws(MailboxError) -> [UInt32] {
        var last: UInt32
        if let through {
            last = through
        } else {
            let next = try status().uidNext
            guard next > 0 else { return [] }
            last = next - 1
        }
        guard last > after else { return [] }
        return try searchInChunks(after + 1, last) { IMAPCommand.uidSearch(from: $0, through: $1) }
    }

    /// `UID SEARCH UID a:b SINCE <day before date>` over the whole mailbox in bounded chunks: the
    /// day before, because SEARCH compares days in the server's time zone, not instants.
    public func uids(arrivedSince date: Date) async throws(MailboxError) -> [UInt32] {
        let next = try status().uidNext
        guard next > 1 else { return [] }
        let day = IMAPDate.searchDay(date.addingTimeInterval(-86_400))
        return try searchInChunks(1, next - 1) { IMAPCommand.uidSearch(from: $0, through: $1, since: day) }
    }

    /// INTERNALDATE of each UID (`UID FETCH set (INTERNALDATE)` after EXAMINE, a single short line
    /// per message; never a body through a custom FETCH, libcurl note §0).
    public func arrivals(of uids: [UInt32], uidValidity: UInt32) async throws(MailboxError) -> [UInt32: Date] {
        guard !uids.isEmpty else { return [:] }
        let current = try status()
        guard current.uidValidity == uidValidity else {
            throw failure(.fetch, reason: .uidValidityChanged(expected: uidValidity, actual: current.uidValidity))
        }
        var dates: [UInt32: Date] = [:]
        for set in IMAPCommand.uidSets(uids) {
            let result = try run(.fetch) { () throws(CurlError) in
                try session.command(IMAPCommand.internalDates(set), mailbox: mailbox)
            }
            dates.merge(IMAPResponse.internalDates(in: IMAPResponse.lines(result.body))) { first, _ in first }
        }
        return dates
    }

    private func searchInChunks(_ from: UInt32, _ last: UInt32, _ command: (UInt32, UInt32) -> String) throws(MailboxError) -> [UInt32] {
        var found: [UInt32] = []
        var first = from
        while true {
            let end = last - first < Self.uidsPerSearch ? last : first + Self.uidsPerSearch - 1
            let range = first...end
            let result = try run(.search) { () throws(CurlError) in try session.command(command(range.lowerBound, end), mailbox: mailbox) }
            // QUIRK: `UID a:b` includes the highest UID even when it lies outside the range (RFC 3501 `*`
            // semantics, Dovecot), and unsolicited `* n EXISTS` lines share the body: filter.
            found += IMAPResponse.searchUIDs(in: IMAPResponse.lines(result.body)).filter { range.contains($0) }
            if end == last { break }
            first = end + 1
        }
        return Array(Set(found)).sorted()
    }

    public func fetch(uid: UInt32, uidValidity: UInt32) throws(MailboxError) -> [UInt8] {
        try fetch(uid: uid, uidValidity: uidValidity, section: nil)
    }

    /// The header of a message too large to fetch, and its size (RFC822.SIZE), so the daemon can
    /// still answer its sender and say what was too large.
    public func fetchHeader(uid: UInt32, uidValidity: UInt32) throws(MailboxError) -> (header: [UInt8], size: Int?) {
        let header = try fetch(uid: uid, uidValidity: uidValidity, section: "HEADER")
        let sized = try? run(.fetch, folder: mailbox, uid: uid) { () throws(CurlError) in
            try session.command("UID FETCH \(uid) (RFC822.SIZE)", mailbox: mailbox)
        }
        return (header, IMAPResponse.messageSize(in: IMAPResponse.lines(sized?.body ?? [])))
    }

    private func fetch(uid: UInt32, uidValidity: UInt32, section: String?) throws(MailboxError) -> [UInt8] {
        _ = try request(.fetch, folder: mailbox, uid: uid) { () throws(IMAPRequestProblem) in try IMAPCommand.examine(mailbox) }
        let result: CurlEasy.Result
        var examine = !readOnlyHeld.holds(session)
        do {
            result = try session.retryingStaleConnection { () throws(CurlError) in
                if examine { _ = try examineReadOnly() }
                examine = true  // a retry runs on a new connection: EXAMINE again
                return try session.fetch(mailbox: mailbox, uidValidity: uidValidity, uid: uid, section: section)
            }
        } catch {
            readOnlyHeld.forget()
            throw fetchFailure(error, uid: uid, uidValidity: uidValidity)
        }
        readOnlyHeld.note(session, result)
        try repairSeenFlagIfSet(result, uid: uid)
        return result.body
    }

    public func search(messageID: String) throws(MailboxError) -> [UInt32] {
        try searchMessageID(messageID, folder: mailbox)
    }

    public func appendDraft(_ raw: [UInt8], folder configured: String) throws(MailboxError) -> UInt32? {
        let folder = try draftsTarget(configured)
        guard folder.caseInsensitiveCompare(mailbox) != .orderedSame else {
            // The polled mailbox is kept EXAMINEd (read-only) behind libcurl's back; storing flags
            // there would fail. Drafts belong in their own folder anyway.
            throw failure(.append, folder: folder, reason: .invalidRequest("the drafts folder must not be the polled mailbox"))
        }
        _ = try request(.append, folder: folder) { () throws(IMAPRequestProblem) in try IMAPCommand.mailboxName(folder) }
        try checkAppendLimit(raw.count, folder: folder)
        let appended: CurlEasy.Result
        do {
            appended = try run(.append, folder: folder) { () throws(CurlError) in try session.append(mailbox: folder, raw: raw) }
        } catch {
            serverFolders = nil  // renamed or deleted folders are read again next time
            throw error
        }
        var uids: [UInt32] = []
        if let appendUID = IMAPResponse.appendUID(in: IMAPResponse.lines(appended.headerLines)) {
            uids = [appendUID.uid]
        } else if let messageID = MessageID.find(in: raw) {
            // No UIDPLUS: find it again by its Message-ID.
            uids = try searchMessageID(messageID.value, folder: folder)
        }
        for uid in uids {
            _ = try run(.store, folder: folder, uid: uid) { () throws(CurlError) in
                try session.command(IMAPCommand.setFlags(uid: uid, "\\Draft"), mailbox: folder)
            }
        }
        return uids.last
    }

    public func containsMessage(messageID: String, folder: String) throws(MailboxError) -> Bool {
        try !searchMessageID(messageID, folder: draftsTarget(folder)).isEmpty
    }

    public func repairDraftFlags(messageID: String, folder configured: String) throws(MailboxError) {
        let folder = try draftsTarget(configured)
        for uid in try searchMessageID(messageID, folder: folder) {
            for change in ["+FLAGS.SILENT (\\Draft)", "-FLAGS.SILENT (\\Seen)"] {
                _ = try run(.store, folder: folder, uid: uid) { () throws(CurlError) in
                    try session.command("UID STORE \(uid) \(change)", mailbox: folder)
                }
            }
        }
    }

    // MARK: - Pieces

    /// `EXAMINE` of this handle's own mailbox on its own URL (libcurl SELECTs it first when it
    /// has not): the server then has it read-only, so a URL fetch cannot set `\Seen` (§2.4).
    private func examineReadOnly() throws(CurlError) -> CurlEasy.Result {
        let command: String
        do { command = try IMAPCommand.examine(mailbox) } catch {
            throw CurlError(code: Int(CURLE_URL_MALFORMAT.rawValue), message: error.problem)
        }
        let examined = try session.command(command, mailbox: mailbox)
        guard IMAPResponse.isReadOnly(IMAPResponse.lines(examined.headerLines)) else {
            throw CurlError(code: Int(CURLE_QUOTE_ERROR.rawValue), message: "EXAMINE did not report [READ-ONLY]; not fetching (it would set \\Seen)",
                            serverResponse: CurlError.failureLine(in: examined.headerLines))
        }
        return examined
    }

    private func searchMessageID(_ messageID: String, folder: String) throws(MailboxError) -> [UInt32] {
        guard let id = MessageID(messageID) else {
            throw failure(.search, folder: folder, reason: .invalidRequest("not a usable Message-ID: \(IMAPCommand.escaped(messageID))"))
        }
        let command = try request(.search, folder: folder) { () throws(IMAPRequestProblem) in try IMAPCommand.uidSearch(messageID: id.value) }
        // NOOP first: a SEARCH on a mailbox this connection already has selected only sees the
        // messages the server has announced to it, and a draft stored through another connection
        // (one cut after its APPEND) is announced only at the next sync. Missing it meant a
        // second copy (FaultSweepTests, APPEND cut after the literal).
        let result = try run(.search, folder: folder) { () throws(CurlError) in
            _ = try session.command("NOOP", mailbox: folder)
            return try session.command(command, mailbox: folder)
        }
        return IMAPResponse.searchUIDs(in: IMAPResponse.lines(result.body)).sorted()
    }

    /// Safety net: a FETCH response that reports `\Seen` means the server just set it (flags are
    /// only sent back when they change), i.e. the EXAMINE did not hold. Undo it at once.
    private func repairSeenFlagIfSet(_ result: CurlEasy.Result, uid: UInt32) throws(MailboxError) {
        guard IMAPResponse.reportsSeen(IMAPResponse.lines(result.headerLines)) else { return }
        seenRepairs += 1
        _ = try run(.store, uid: uid) { () throws(CurlError) in
            try session.command("UID STORE \(uid) -FLAGS.SILENT (\\Seen)", mailbox: mailbox)
        }
    }

    private func fetchFailure(_ error: CurlError, uid: UInt32, uidValidity: UInt32) -> MailboxError {
        switch CURLcode(UInt32(error.code)) {
        case CURLE_REMOTE_FILE_NOT_FOUND where error.message.localizedCaseInsensitiveContains("UIDVALIDITY"):
            let actual = try? status().uidValidity
            return failure(.fetch, uid: uid, reason: .uidValidityChanged(expected: uidValidity, actual: actual))
        case CURLE_REMOTE_FILE_NOT_FOUND:
            return failure(.fetch, uid: uid, reason: .messageNotFound)
        case CURLE_WRITE_ERROR:
            return failure(.fetch, uid: uid, reason: .messageTooLarge(limit: maxMessageBytes))
        default:
            return failure(.fetch, uid: uid, reason: .transfer(error))
        }
    }

    func run<T>(_ operation: MailboxError.Operation, folder: String? = nil, uid: UInt32? = nil,
                        _ body: () throws(CurlError) -> T) throws(MailboxError) -> T {
        do {
            return try body()
        } catch {
            throw failure(operation, folder: folder, uid: uid, reason: .transfer(error))
        }
    }

    func request(_ operation: MailboxError.Operation, folder: String? = nil, uid: UInt32? = nil,
                         _ build: () throws(IMAPRequestProblem) -> String) throws(MailboxError) -> String {
        do {
            return try build()
        } catch {
            throw failure(operation, folder: folder, uid: uid, reason: .invalidRequest(error.problem))
        }
    }

    func failure(_ operation: MailboxError.Operation, folder: String? = nil, uid: UInt32? = nil,
                         reason: MailboxError.Reason) -> MailboxError {
        MailboxError(mailbox: name, operation: operation, folder: folder ?? mailbox, uid: uid, reason: reason)
    }

    /// Protocol lines for an error message: status/search lines only, never message content.
    private func excerpt(_ lines: [String]) -> String {
        String(lines.suffix(3).joined(separator: " | ").prefix(300))
    }
}
