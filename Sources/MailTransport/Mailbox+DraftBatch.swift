/// Defaults of the batch draft calls for mailboxes that flag a draft as they store it (Maildir,
/// test twins): one reply at a time, nothing left to flag afterwards.
extension Mailbox {
    public func appendUnflagged(_ raw: [UInt8], folder: String) async throws(MailboxError) -> UInt32? {
        try await appendDraft(raw, folder: folder)
    }

    public func flagDrafts(uids: [UInt32], folder: String) async throws(MailboxError) {}

    public func containsAny(messageIDs: [String], folder: String) async throws(MailboxError) -> Bool {
        for messageID in messageIDs where try await containsMessage(messageID: messageID, folder: folder) {
            return true
        }
        return false
    }
}
