import Foundation

/// A configured mail location: `imaps://host[:port][/MAILBOX]`, `imap://…` (STARTTLS required),
/// `smtps://…`, `smtp://…` (STARTTLS required) or `maildir:/path`. Credentials never go in the
/// URL (they would end up in logs); the login and secret are separate configuration values.
public enum MailServerURL: Sendable, Hashable, CustomStringConvertible {
    case imap(Server, mailbox: String)
    case smtp(Server, clientName: String?)
    case maildir(path: String)

    public struct Server: Sendable, Hashable {
        /// "imaps", "imap", "smtps" or "smtp".
        public var scheme: String
        public var host: String
        public var port: Int
        /// Implicit TLS (imaps/smtps) instead of STARTTLS.
        public var implicitTLS: Bool { scheme.hasSuffix("s") }
        /// `scheme://host:port`, IPv6 literals bracketed.
        public var base: String {
            let shownHost = host.contains(":") ? "[\(host)]" : host
            return "\(scheme)://\(shownHost):\(port)"
        }
    }

    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var url: String
        public var problem: String
        /// The URL with any user and password replaced: the error is printed and logged.
        public var description: String { "mail URL '\(MailServerURL.redacted(url))': \(problem)" }
    }

    public init(parsing text: String) throws(Problem) {
        if text.hasPrefix("maildir:") {
            var path = String(text.dropFirst("maildir:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }  // maildir:///srv/mail also accepted
            guard path.hasPrefix("/") else { throw Problem(url: text, problem: "a maildir path must be absolute") }
            self = .maildir(path: path)
            return
        }
        guard let parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased() else {
            throw Problem(url: text, problem: "not a URL")
        }
        guard parts.user == nil, parts.password == nil else {
            throw Problem(url: text, problem: "credentials do not belong in the URL; use login and secret")
        }
        guard let host = parts.host, !host.isEmpty else { throw Problem(url: text, problem: "no host") }
        guard parts.query == nil, parts.fragment == nil else { throw Problem(url: text, problem: "no query or fragment allowed") }
        let defaults = ["imaps": 993, "imap": 143, "smtps": 465, "smtp": 587]
        guard let defaultPort = defaults[scheme] else {
            throw Problem(url: text, problem: "scheme must be imaps, imap, smtps, smtp or maildir")
        }
        let port = parts.port ?? defaultPort
        guard (1...65_535).contains(port) else { throw Problem(url: text, problem: "port \(port) is not between 1 and 65535") }
        let server = Server(scheme: scheme, host: host, port: port)
        let path = parts.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if scheme.hasPrefix("imap") {
            let mailbox = path.isEmpty ? "INBOX" : path
            // Non-ASCII names are fine: they are sent in modified UTF-7 (RFC 3501 §5.1.3).
            guard mailbox.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value) }) else {
                throw Problem(url: text, problem: "mailbox names cannot hold control characters")
            }
            self = .imap(server, mailbox: mailbox)
        } else {
            self = .smtp(server, clientName: path.isEmpty ? nil : path)
        }
    }

    public var description: String {
        switch self {
        case .imap(let server, let mailbox): return "\(server.base)/\(mailbox)"
        case .smtp(let server, _): return server.base
        case .maildir(let path): return "maildir:\(path)"
        }
    }
}
