import CCurl

/// Drafts in batches on the open connection: an APPEND per reply, then one `UID STORE` setting
/// `\Draft` (and dropping the `\Seen` libcurl 7.88.1 adds) for all of them, and one Message-ID
/// search for a whole batch before it. Per reply that saves a NOOP, a SEARCH and a STORE, and
/// the SEARCH no longer rescans a Drafts folder that grows with every reply.
extension IMAPMailbox {
    /// Message-IDs per search command: ~80 bytes each, so a command stays near 4 KB.
    static let messageIDsPerSearch = 50

    public func appendUnflagged(_ raw: [UInt8], folder configured: String) async throws(MailboxError) -> UInt32? {
        let folder = try draftsTarget(configured)  // the server's \Drafts (SPECIAL-USE) when followed
        guard folder.caseInsensitiveCompare(mailbox) != .orderedSame else {
            return try appendDraft(raw, folder: configured)  // refuses it, with the reason
        }
        _ = try request(.append, folder: folder) { () throws(IMAPRequestProblem) in try IMAPCommand.mailboxName(folder) }
        try checkAppendLimit(raw.count, folder: folder)
        let appended = try run(.append, folder: folder) { () throws(CurlError) in try session.append(mailbox: folder, raw: raw) }
        guard let uid = IMAPResponse.appendUID(in: IMAPResponse.lines(appended.headerLines))?.uid else {
            // No UIDPLUS: find it again by its Message-ID and flag it on its own.
            if let messageID = MessageID.find(in: raw) { try repairDraftFlags(messageID: messageID.value, folder: configured) }
            return nil
        }
        return uid
    }

    public func flagDrafts(uids: [UInt32], folder configured: String) async throws(MailboxError) {
        let folder = try draftsTarget(configured)
        for set in IMAPCommand.uidSets(uids) {
            _ = try run(.store, folder: folder) { () throws(CurlError) in
                try session.command("UID STORE \(set) FLAGS.SILENT (\\Draft)", mailbox: folder)
            }
        }
    }

    public func containsAny(messageIDs: [String], folder configured: String) async throws(MailboxError) -> Bool {
        let folder = try draftsTarget(configured)
        var ids: [String] = []
        for messageID in messageIDs {
            guard let id = MessageID(messageID) else {
                throw failure(.search, folder: folder, reason: .invalidRequest("not a usable Message-ID: \(IMAPCommand.escaped(messageID))"))
            }
            ids.append(id.value)
        }
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(start + Self.messageIDsPerSearch, ids.count)])
            start += chunk.count
            let command: String
            do { command = try IMAPCommand.uidSearch(anyMessageID: chunk) } catch {
                throw failure(.search, folder: folder, reason: .invalidRequest(error.problem))
            }
            // NOOP first, as in `searchMessageID`: a draft stored through another connection is
            // seen only after a sync.
            let result = try run(.search, folder: folder) { () throws(CurlError) in
                _ = try session.command("NOOP", mailbox: folder)
                return try session.command(command, mailbox: folder)
            }
            if !IMAPResponse.searchUIDs(in: IMAPResponse.lines(result.body)).isEmpty { return true }
        }
        return false
    }
}
