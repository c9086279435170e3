import Foundation

/// The embedded default: a Maildir on local disk, no server at all (design.md data flow). UIDs
/// are made stable by an `ocm-uidlist` file per folder (see `MaildirUIDList`); the message files
/// themselves are only ever read. Drafts go to the Maildir++ folder `.<name>` as
/// `cur/<unique>:2,D`, written through `tmp/` and renamed, so a reader never sees half a file.
///
/// A poll lists the directory, so its cost grows with the folder (unlike IMAP STATUS); fine for
/// the mailbox sizes a local Maildir is used for.
public actor MaildirMailbox: Mailbox {
    public nonisolated let name: String
    private let root: String
    private let maxMessageBytes: Int
    private var folders: [String: MaildirFolder] = [:]
    private let executor: SerialQueueExecutor

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// `path` must be an existing Maildir (with `cur/`, `new/`, `tmp/`).
    public init(path: String, maxMessageBytes: Int = 50 * 1024 * 1024) throws(MailboxError) {
        let root = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        name = "maildir:\(root)"
        self.root = root
        self.maxMessageBytes = maxMessageBytes
        executor = SerialQueueExecutor(label: "maildir \(root)")
        for sub in ["cur", "new"] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: "\(root)/\(sub)", isDirectory: &isDirectory), isDirectory.boolValue else {
                throw MailboxError(mailbox: name, operation: .configure,
                                   reason: .file(path: "\(root)/\(sub)", problem: "not a Maildir (missing \(sub)/)"))
            }
        }
    }

    public func status() throws(MailboxError) -> MailboxStatus {
        try scan(folder("INBOX"), .status)
    }

    public func uids(after: UInt32, through: UInt32?) throws(MailboxError) -> [UInt32] {
        let inbox = folder("INBOX")
        _ = try scan(inbox, .search)
        let last = through ?? UInt32.max
        return inbox.files.keys.filter { $0 > after && $0 <= last }.sorted()
    }

    public func fetch(uid: UInt32, uidValidity: UInt32) throws(MailboxError) -> [UInt8] {
        let inbox = folder("INBOX")
        let status = try scan(inbox, .fetch)
        guard status.uidValidity == uidValidity else {
            throw failure(.fetch, uid: uid, reason: .uidValidityChanged(expected: uidValidity, actual: status.uidValidity))
        }
        let bytes: [UInt8]?
        do {
            bytes = try inbox.read(uid: uid, maxBytes: maxMessageBytes)
        } catch {
            throw failure(.fetch, uid: uid, reason: error.tooLarge ? .messageTooLarge(limit: maxMessageBytes)
                                                                   : .file(path: error.path, problem: error.problem))
        }
        guard let bytes else { throw failure(.fetch, uid: uid, reason: .messageNotFound) }
        return bytes
    }

    public func fetchHeader(uid: UInt32, uidValidity: UInt32) throws(MailboxError) -> (header: [UInt8], size: Int?) {
        let inbox = folder("INBOX")
        let status = try scan(inbox, .fetch)
        guard status.uidValidity == uidValidity else {
            throw failure(.fetch, uid: uid, reason: .uidValidityChanged(expected: uidValidity, actual: status.uidValidity))
        }
        let found: (header: [UInt8], size: Int)?
        do { found = try inbox.readHeader(uid: uid) } catch {
            throw failure(.fetch, uid: uid, reason: .file(path: error.path, problem: error.problem))
        }
        guard let found else { throw failure(.fetch, uid: uid, reason: .messageNotFound) }
        return (found.header, found.size)
    }

    public func search(messageID: String) throws(MailboxError) -> [UInt32] {
        try search(messageID, in: "INBOX")
    }

    /// The file's modification time: set when the MDA wrote it, kept by the renames of a mail
    /// client (new/ → cur/, flag changes). Dovecot takes the same time as INTERNALDATE.
    public func arrivals(of uids: [UInt32], uidValidity: UInt32) async throws(MailboxError) -> [UInt32: Date] {
        let inbox = folder("INBOX")
        let status = try scan(inbox, .fetch)
        guard status.uidValidity == uidValidity else {
            throw failure(.fetch, reason: .uidValidityChanged(expected: uidValidity, actual: status.uidValidity))
        }
        var dates: [UInt32: Date] = [:]
        for uid in uids { dates[uid] = inbox.arrival(uid: uid) }
        return dates
    }

    public func uids(arrivedSince date: Date) async throws(MailboxError) -> [UInt32] {
        let inbox = folder("INBOX")
        _ = try scan(inbox, .search)
        return inbox.files.keys.filter { (inbox.arrival(uid: $0) ?? date) >= date }.sorted()
    }

    public func appendDraft(_ raw: [UInt8], folder name: String) throws(MailboxError) -> UInt32? {
        let drafts = folder(name)
        let unique: String
        do {
            unique = try drafts.deliver(raw, flags: "D")
        } catch {
            throw failure(.append, folder: name, reason: .file(path: error.path, problem: error.problem))
        }
        _ = try scan(drafts, .append, folder: name)
        return drafts.list?.uids[unique]
    }

    public func containsMessage(messageID: String, folder name: String) throws(MailboxError) -> Bool {
        guard FileManager.default.fileExists(atPath: "\(folder(name).path)/cur") else { return false }
        return try !search(messageID, in: name).isEmpty
    }

    /// Renames the draft's file so its Maildir flags hold `D` and not `S` (the info after `:2,`).
    public func repairDraftFlags(messageID: String, folder name: String) throws(MailboxError) {
        guard FileManager.default.fileExists(atPath: "\(folder(name).path)/cur") else { return }
        let target = folder(name)
        for uid in try search(messageID, in: name) {
            guard let relative = target.files[uid] else { continue }
            let file = String(relative.split(separator: "/").last ?? "")
            let base = file.components(separatedBy: ":2,").first ?? file
            let flags = file.contains(":2,") ? String(file.components(separatedBy: ":2,")[1]) : ""
            let repaired = String(Set(flags.filter { $0 != "S" } + "D").sorted())
            let renamed = "cur/\(base):2,\(repaired)"
            guard renamed != relative else { continue }
            guard rename("\(target.path)/\(relative)", "\(target.path)/\(renamed)") == 0 else {
                throw failure(.store, folder: name, uid: uid,
                              reason: .file(path: "\(target.path)/\(relative)", problem: String(cString: strerror(errno))))
            }
        }
        _ = try scan(target, .store, folder: name)
    }

    // MARK: - Pieces

    /// "INBOX" is the Maildir itself; any other name is the Maildir++ folder `.<name>` with
    /// `/` as `.` (`Sent/2026` → `.Sent.2026`).
    private func folder(_ name: String) -> MaildirFolder {
        let key = name.uppercased() == "INBOX" ? "INBOX" : name
        if let known = folders[key] { return known }
        let made = key == "INBOX"
            ? MaildirFolder(path: root, isSubfolder: false)
            : MaildirFolder(path: "\(root)/." + key.replacingOccurrences(of: "/", with: "."), isSubfolder: true)
        folders[key] = made
        return made
    }

    private func search(_ messageID: String, in name: String) throws(MailboxError) -> [UInt32] {
        guard let id = MessageID(messageID) else {
            throw failure(.search, folder: name, reason: .invalidRequest("not a usable Message-ID: \(IMAPCommand.escaped(messageID))"))
        }
        let target = folder(name)
        _ = try scan(target, .search, folder: name)
        return target.uids(withMessageID: id)
    }

    private func scan(_ target: MaildirFolder, _ operation: MailboxError.Operation, folder: String? = nil) throws(MailboxError) -> MailboxStatus {
        do {
            return try target.scan()
        } catch {
            throw failure(operation, folder: folder, reason: .file(path: error.path, problem: error.problem))
        }
    }

    private func failure(_ operation: MailboxError.Operation, folder: String? = nil, uid: UInt32? = nil,
                         reason: MailboxError.Reason) -> MailboxError {
        MailboxError(mailbox: name, operation: operation, folder: folder ?? "INBOX", uid: uid, reason: reason)
    }
}
