import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One Maildir directory (`cur/`, `new/`, `tmp/`) with its stable UIDs. Only reads the message
/// files staff see — never renames, moves or re-flags them — and writes only `ocm-uidlist`
/// and, for drafts, new files of its own. Not thread-safe: owned by one `MaildirMailbox`.
final class MaildirFolder {
    let path: String
    private(set) var list: MaildirUIDList?
    /// UID → path relative to `path` ("cur/…" or "new/…"), from the last scan.
    private(set) var files: [UInt32: String] = [:]
    /// Message files never change content, so their Message-ID is read once.
    private var messageIDs: [String: MessageID?] = [:]

    /// A Maildir++ subfolder (`.Drafts`), marked with a `maildirfolder` file when created.
    let isSubfolder: Bool

    init(path: String, isSubfolder: Bool) {
        self.path = path
        self.isSubfolder = isSubfolder
    }

    /// Lists `new/` and `cur/`, updates and persists the UID list (under an flock on the
    /// directory, so two readers cannot hand out the same UID).
    func scan() throws(MaildirProblem) -> MailboxStatus {
        var present: [String: String] = [:]
        for sub in ["new", "cur"] {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: "\(path)/\(sub)")
            } catch {
                throw MaildirProblem(path: "\(path)/\(sub)", problem: "cannot list: \(error.localizedDescription)")
            }
            for name in names where !name.hasPrefix(".") {
                present[MaildirUIDList.baseName(of: name)] = "\(sub)/\(name)"
            }
        }
        try withDirectoryLock { () throws(MaildirProblem) in
            let listPath = "\(path)/\(MaildirUIDList.fileName)"
            var current = FileManager.default.contents(atPath: listPath)
                .flatMap { MaildirUIDList(parsing: String(decoding: $0, as: UTF8.self)) }
            if current == nil {
                // A fresh (or unreadable) list is a new numbering: a new UIDVALIDITY tells readers.
                let now = UInt32(clamping: Int(Date().timeIntervalSince1970))
                current = MaildirUIDList(uidValidity: max(now, (list?.uidValidity ?? 0) &+ 1))
            }
            var updated = current!
            if updated.update(present: Set(present.keys)) || !FileManager.default.fileExists(atPath: listPath) {
                do {
                    try Data(updated.text.utf8).write(to: URL(fileURLWithPath: listPath), options: .atomic)
                } catch {
                    throw MaildirProblem(path: listPath, problem: "cannot write: \(error.localizedDescription)")
                }
            }
            list = updated
        }
        files = [:]
        for (base, relative) in present { if let uid = list?.uids[base] { files[uid] = relative } }
        return MailboxStatus(uidValidity: list!.uidValidity, uidNext: list!.uidNext, messages: files.count)
    }

    /// The bytes of one message; rescans once if a mail client moved it from new/ to cur/ meanwhile.
    func read(uid: UInt32, maxBytes: Int) throws(MaildirProblem) -> [UInt8]? {
        for attempt in 0..<2 {
            if attempt == 1 { _ = try scan() }
            guard let relative = files[uid] else { continue }
            let full = "\(path)/\(relative)"
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: full),
                  let size = attributes[.size] as? Int else { continue }
            guard size <= maxBytes else { throw MaildirProblem(path: full, problem: "larger than \(maxBytes) bytes", tooLarge: true) }
            if let bytes = FileBytes.read(full) { return bytes }
        }
        return nil
    }

    /// The file's modification time (after a scan); nil when it is gone.
    func arrival(uid: UInt32) -> Date? {
        guard let relative = files[uid] else { return nil }
        return (try? FileManager.default.attributesOfItem(atPath: "\(path)/\(relative)"))?[.modificationDate] as? Date
    }

    /// The header block of a message (up to 256 KiB) and the file's size.
    func readHeader(uid: UInt32) throws(MaildirProblem) -> (header: [UInt8], size: Int)? {
        for attempt in 0..<2 {
            if attempt == 1 { _ = try scan() }
            guard let relative = files[uid] else { continue }
            let full = "\(path)/\(relative)"
            guard let size = (try? FileManager.default.attributesOfItem(atPath: full))?[.size] as? Int,
                  let handle = FileHandle(forReadingAtPath: full) else { continue }
            defer { try? handle.close() }
            let head = [UInt8]((try? handle.read(upToCount: 256 * 1024)) ?? Data())
            return (Self.headerBlock(head), size)
        }
        return nil
    }

    /// The bytes up to and including the first empty line (CRLF or LF).
    static func headerBlock(_ bytes: [UInt8]) -> [UInt8] {
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { return Array(bytes[...(i + 1)]) }
                if i + 2 < bytes.count, bytes[i + 1] == 0x0D, bytes[i + 2] == 0x0A { return Array(bytes[...(i + 2)]) }
            }
            i += 1
        }
        return bytes
    }

    /// UIDs whose Message-ID header equals `messageID` (after a scan).
    func uids(withMessageID messageID: MessageID) -> [UInt32] {
        files.compactMap { uid, relative -> UInt32? in
            let base = MaildirUIDList.baseName(of: String(relative.dropFirst(4)))
            if messageIDs[base] == nil {
                let head = FileHandle(forReadingAtPath: "\(path)/\(relative)").map { handle in
                    defer { try? handle.close() }
                    return [UInt8]((try? handle.read(upToCount: 256 * 1024)) ?? Data())
                }
                messageIDs[base] = head.flatMap { MessageID.find(in: $0) }
            }
            return messageIDs[base]! == messageID ? uid : nil
        }.sorted()
    }

    /// Writes a message atomically: `tmp/<unique>` (fsynced), then renamed to
    /// `cur/<unique>:2,<flags>`. Creates the folder (Maildir++: with `maildirfolder`) if needed.
    func deliver(_ raw: [UInt8], flags: String) throws(MaildirProblem) -> String {
        try Self.create(path, subfolder: isSubfolder)
        let unique = Self.uniqueName()
        let temporary = "\(path)/tmp/\(unique)"
        let final = "\(path)/cur/\(unique):2,\(flags)"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw MaildirProblem(path: temporary, problem: String(cString: strerror(errno))) }
        var written = 0
        let ok = raw.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 { if errno == EINTR { continue }; return false }
                written += n
            }
            return fsync(fd) == 0
        }
        close(fd)
        guard ok, rename(temporary, final) == 0 else {
            let problem = String(cString: strerror(errno))
            unlink(temporary)
            throw MaildirProblem(path: final, problem: problem)
        }
        let directory = open("\(path)/cur", O_RDONLY | O_DIRECTORY)
        if directory >= 0 { fsync(directory); close(directory) }
        return unique
    }

    static func create(_ path: String, subfolder: Bool) throws(MaildirProblem) {
        do {
            for sub in ["cur", "new", "tmp"] {
                try FileManager.default.createDirectory(atPath: "\(path)/\(sub)", withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            }
            if subfolder, !FileManager.default.fileExists(atPath: "\(path)/maildirfolder") {
                _ = FileManager.default.createFile(atPath: "\(path)/maildirfolder", contents: Data(), attributes: [.posixPermissions: 0o600])
            }
        } catch {
            throw MaildirProblem(path: path, problem: "cannot create maildir: \(error.localizedDescription)")
        }
    }

    nonisolated(unsafe) private static var counter = 0
    private static let counterLock = NSLock()

    /// `<secs>.M<usecs>P<pid>Q<n>.<host>` (the usual Maildir recipe; unique per process and call).
    static func uniqueName() -> String {
        var now = timeval()
        gettimeofday(&now, nil)
        let n = counterLock.withLock { counter += 1; return counter }
        let host = ProcessInfo.processInfo.hostName.replacingOccurrences(of: "/", with: "\\057")
            .replacingOccurrences(of: ":", with: "\\072")
        return "\(now.tv_sec).M\(now.tv_usec)P\(getpid())Q\(n).\(host)"
    }

    private func withDirectoryLock(_ body: () throws(MaildirProblem) -> Void) throws(MaildirProblem) {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw MaildirProblem(path: path, problem: String(cString: strerror(errno))) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw MaildirProblem(path: path, problem: "flock: \(String(cString: strerror(errno)))") }
        }
        defer { flock(fd, LOCK_UN) }
        try body()
    }
}

struct MaildirProblem: Error {
    let path: String
    let problem: String
    var tooLarge = false
}
