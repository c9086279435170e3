/// One server line during a hand-made XOAUTH2 login (`OAuthLoginProbe`), sorted by what the
/// client does next. Pure, for fuzzing: the line comes from the server.
public enum SASLReply: Equatable, Sendable {
    /// A challenge (`+ …` / `334 …`): answer it with an empty line, keep reading.
    case challenge
    case loggedIn
    /// The final refusal: the exchange is over.
    case refused
    /// An untagged IMAP line or an SMTP continuation: keep reading.
    case other

    /// `tag` is the IMAP tag the AUTHENTICATE command used; SMTP when nil.
    public static func classify(_ line: String, imapTag tag: String?) -> SASLReply {
        guard let tag else {
            if line.hasPrefix("334") { return .challenge }
            if line.hasPrefix("235") { return .loggedIn }
            let bytes = Array(line.utf8)
            if bytes.count >= 3, bytes[0] == UInt8(ascii: "4") || bytes[0] == UInt8(ascii: "5"),
               bytes.count == 3 || bytes[3] == UInt8(ascii: " ") { return .refused }
            return .other
        }
        if line.hasPrefix("+") { return .challenge }
        if line.hasPrefix("\(tag) OK") { return .loggedIn }
        if line.hasPrefix("\(tag) ") { return .refused }
        return .other
    }
}
