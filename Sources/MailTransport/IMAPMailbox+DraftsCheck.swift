import Foundation

/// What `check-config --connect` learns about the folder drafts go to: whether it exists, which
/// folder the server itself marks `\Drafts` (RFC 6154; a Spanish Exchange mailbox may call it
/// "Borradores"), and whether a message can be stored there.
public struct DraftsFolderCheck: Sendable {
    public var configured: String
    public var exists: Bool
    /// The server's SPECIAL-USE `\Drafts` folder, when it names one.
    public var specialUse: String?
    /// Nil when not tried (the folder does not exist); else whether a probe APPEND worked.
    public var writable: Bool?
    public var problem: String?
}

extension IMAPMailbox {
    /// LIST with SPECIAL-USE, then a probe APPEND to `folder` that is deleted at once (flagged
    /// `\Deleted` and UID EXPUNGEd): the only sure test that drafts can be stored there.
    public func checkDraftsFolder(_ folder: String) throws(MailboxError) -> DraftsFolderCheck {
        let folders = try listFolders()
        var check = DraftsFolderCheck(configured: folder, exists: folders.contains { $0.name == folder },
                                      specialUse: folders.first { $0.attributes.contains("\\DRAFTS") }?.name)
        guard check.exists else { return check }
        let probe = "From: ocm-intake <check-config@ocm-intake.invalid>\r\nSubject: ocm-intake check-config (deleted at once)\r\n"
            + "Message-ID: <check-\(UUID().uuidString)@ocm-intake.invalid>\r\n\r\nWrite test of check-config --connect.\r\n"
        do {
            let appended = try session.append(mailbox: folder, raw: Array(probe.utf8))
            check.writable = true
            if let uid = IMAPResponse.appendUID(in: IMAPResponse.lines(appended.headerLines))?.uid {
                _ = try session.command("UID STORE \(uid) +FLAGS.SILENT (\\Deleted)", mailbox: folder)
                _ = try session.command("UID EXPUNGE \(uid)", mailbox: folder)
            }
        } catch {
            if check.writable == nil { check.writable = false }
            check.problem = error.description
        }
        return check
    }

    /// Every folder with its attributes, upper-cased (`\DRAFTS`), from `LIST "" "*" RETURN
    /// (SPECIAL-USE)`, or a plain LIST when the server does not know that form.
    func listFolders() throws(MailboxError) -> [(name: String, attributes: Set<String>)] {
        let result: CurlEasy.Result
        do {
            result = try session.command("LIST \"\" \"*\" RETURN (SPECIAL-USE)", mailbox: nil)
        } catch {
            result = try run(.search, folder: "") { () throws(CurlError) in try session.command("LIST \"\" \"*\"", mailbox: nil) }
        }
        return IMAPResponse.lines(result.body).compactMap(IMAPResponse.listEntry)
    }
}

extension IMAPResponse {
    /// `* LIST (\HasNoChildren \Drafts) "/" "Borradores"` → ("Borradores", ["\HASNOCHILDREN", "\DRAFTS"]).
    static func listEntry(_ line: String) -> (name: String, attributes: Set<String>)? {
        // The prefix compared on `line` itself, so `open` is an index into it (see `internalDates`).
        let prefix = "* LIST ("
        guard line.count > prefix.count, line.prefix(prefix.count).caseInsensitiveCompare(prefix) == .orderedSame,
              let close = line.firstIndex(of: ")") else { return nil }
        let open = line.index(line.startIndex, offsetBy: prefix.count)
        guard open <= close else { return nil }
        let attributes = Set(line[open..<close].split(separator: " ").map { $0.uppercased() })
        var rest = line[line.index(after: close)...].drop { $0 == " " }
        // The hierarchy delimiter: "x" or NIL.
        if rest.hasPrefix("\"") {
            rest = rest.dropFirst()
            if rest.first == "\\" { rest = rest.dropFirst() }
            rest = rest.dropFirst().dropFirst()
        } else if rest.uppercased().hasPrefix("NIL") {
            rest = rest.dropFirst(3)
        }
        rest = rest.drop { $0 == " " }
        var name = String(rest).trimmingCharacters(in: .whitespaces)
        if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
            name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
        }
        // Names travel in modified UTF-7 ("Informaci&APM-n"); one that is not valid stays as sent.
        return name.isEmpty ? nil : (ModifiedUTF7.decode(name) ?? name, attributes)
    }
}
