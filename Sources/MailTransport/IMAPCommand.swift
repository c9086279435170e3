/// The IMAP commands this client sends as libcurl custom requests — only the shapes that are
/// solid in libcurl 7.88.1 (libcurl note §0): STATUS, EXAMINE of the URL's own mailbox,
/// UID SEARCH, UID STORE. Never custom FETCH, IDLE, or SELECT/EXAMINE of another mailbox.
enum IMAPCommand {
    /// libcurl percent-decodes custom requests, so `%` is sent as `%25`; CR/LF are refused.
    static func quoted(_ text: String) throws(IMAPRequestProblem) -> String {
        guard text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
            throw IMAPRequestProblem("only printable ASCII can be sent as an IMAP quoted string: \(escaped(text))")
        }
        var result = "\""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "%": result += "%25"
            default: result.append(character)
            }
        }
        return result + "\""
    }

    /// A mailbox name as the server knows it: modified UTF-7 (RFC 3501 §5.1.3), quoted.
    static func mailboxName(_ name: String) throws(IMAPRequestProblem) -> String {
        guard name.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            throw IMAPRequestProblem("a mailbox name cannot hold control characters: \(escaped(name))")
        }
        return try quoted(ModifiedUTF7.encode(name))
    }

    static func status(_ mailbox: String) throws(IMAPRequestProblem) -> String {
        "STATUS \(try mailboxName(mailbox)) (MESSAGES UIDNEXT UIDVALIDITY)"
    }

    static func examine(_ mailbox: String) throws(IMAPRequestProblem) -> String {
        "EXAMINE \(try mailboxName(mailbox))"
    }

    static func uidSearch(from first: UInt32, through last: UInt32) -> String {
        "UID SEARCH UID \(first):\(last)"
    }

    static func uidSearch(messageID: String) throws(IMAPRequestProblem) -> String {
        "UID SEARCH HEADER Message-ID \(try quoted(messageID))"
    }

    /// `UID SEARCH OR HEADER Message-ID a OR HEADER Message-ID b HEADER Message-ID c`: any of them.
    static func uidSearch(anyMessageID ids: [String]) throws(IMAPRequestProblem) -> String {
        var keys: [String] = []
        for id in ids { keys.append("HEADER Message-ID \(try quoted(id))") }
        guard var tree = keys.last else { throw IMAPRequestProblem("no Message-ID to search for") }
        for key in keys.dropLast().reversed() { tree = "OR \(key) \(tree)" }
        return "UID SEARCH " + tree
    }

    /// Replaces all flags: APPEND in 7.88.1 always sets `\Seen`, a draft should only be `\Draft`.
    static func setFlags(uid: UInt32, _ flags: String) -> String {
        "UID STORE \(uid) FLAGS.SILENT (\(flags))"
    }

    /// Control characters shown escaped, for error messages.
    static func escaped(_ text: String) -> String {
        String(text.unicodeScalars.prefix(200).map { $0.value < 0x20 || $0.value == 0x7F ? "\\x\(String($0.value, radix: 16))" : String($0) }.joined())
    }
}

struct IMAPRequestProblem: Error {
    let problem: String
    init(_ problem: String) { self.problem = problem }
}
