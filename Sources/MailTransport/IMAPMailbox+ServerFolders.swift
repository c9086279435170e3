import Foundation

/// What the server says about its folders: the SPECIAL-USE `\Drafts` and `\Sent` (RFC 6154; a
/// Spanish Exchange mailbox calls them "Borradores" and "Elementos enviados") and the largest
/// message it takes by APPEND (RFC 7889 APPENDLIMIT), global or for the Drafts folder.
public struct ServerFolders: Sendable, Equatable {
    public var drafts: String?
    public var sent: String?
    /// Bytes; nil when the server announces no limit.
    public var appendLimit: Int?
    /// `APPENDLIMIT` without a value: each mailbox has its own, read by STATUS.
    var perMailboxLimit = false
}

extension IMAPMailbox {
    /// The server's folders, read once (LIST RETURN (SPECIAL-USE) and CAPABILITY) and kept until
    /// an APPEND fails.
    public func folders() throws(MailboxError) -> ServerFolders {
        if let serverFolders { return serverFolders }
        let listed = try listFolders()
        var folders = ServerFolders(drafts: listed.first { $0.attributes.contains("\\DRAFTS") }?.name,
                                    sent: listed.first { $0.attributes.contains("\\SENT") }?.name)
        let capability = try run(.status, folder: "") { () throws(CurlError) in try session.command("CAPABILITY", mailbox: nil) }
        let limit = IMAPResponse.appendLimit(inCapability: IMAPResponse.lines(capability.body) + IMAPResponse.lines(capability.headerLines))
        folders.appendLimit = limit.flatMap { $0 }
        folders.perMailboxLimit = limit != nil && limit! == nil
        serverFolders = folders
        return folders
    }

    /// The folder drafts really go to: the server's `\Drafts` when following SPECIAL-USE and the
    /// server names one, else `configured`.
    func draftsTarget(_ configured: String) throws(MailboxError) -> String {
        guard followsSpecialUse else { return configured }
        return try folders().drafts ?? configured
    }

    /// A message over the server's APPENDLIMIT is not sent: the server would refuse it after the
    /// whole upload, and the refusal reads like any other failure.
    func checkAppendLimit(_ size: Int, folder: String) throws(MailboxError) {
        let known = try folders()
        var limit = known.appendLimit
        if known.perMailboxLimit, let command = try? IMAPCommand.mailboxName(folder) {
            let status = try? session.command("STATUS \(command) (APPENDLIMIT)", mailbox: nil)
            limit = status.flatMap { IMAPResponse.appendLimit(inStatus: IMAPResponse.lines($0.body)) }
        }
        if let limit, size > limit {
            throw failure(.append, folder: folder, reason: .appendLimitExceeded(size: size, limit: limit))
        }
    }
}

extension IMAPResponse {
    /// From `* CAPABILITY … APPENDLIMIT=35882577 …`: nil without the capability, `.some(nil)` for
    /// a bare `APPENDLIMIT` (limits per mailbox), else the limit.
    static func appendLimit(inCapability lines: [String]) -> Int?? {
        for line in lines {
            let upper = line.uppercased()
            guard upper.hasPrefix("* CAPABILITY ") || upper.contains("[CAPABILITY ") else { continue }
            for word in upper.split(whereSeparator: { $0 == " " || $0 == "]" }) {
                if word == "APPENDLIMIT" { return .some(nil) }
                if word.hasPrefix("APPENDLIMIT="), let value = Int(word.dropFirst("APPENDLIMIT=".count)), value >= 0 {
                    return .some(value)
                }
            }
        }
        return nil
    }

    /// From `* STATUS "Borradores" (APPENDLIMIT 1048576)`; nil for NIL or no such item.
    static func appendLimit(inStatus lines: [String]) -> Int? {
        for line in lines where line.uppercased().hasPrefix("* STATUS ") {
            guard let range = line.range(of: "APPENDLIMIT ", options: .caseInsensitive) else { continue }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
        return nil
    }
}
