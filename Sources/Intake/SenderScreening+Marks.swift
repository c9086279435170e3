import Foundation

/// The marks `SenderScreening` looks for, each with where it comes from.
extension SenderScreening {
    /// Auto-responders that do not set Auto-Submitted (older Exchange, vacation scripts).
    static let autoReplyHeaders = ["X-Autoreply", "X-Autorespond", "X-Auto-Reply"]
    /// Subject prefixes of out-of-office replies from Outlook/Exchange in Spanish and English.
    static let autoReplySubjects = ["respuesta automática:", "respuesta automatica:", "automatic reply:",
                                    "auto:", "fuera de la oficina", "out of office"]
    /// Local parts of delivery daemons.
    static let nullSenders = ["mailer-daemon", "postmaster"]
    /// Pigeonhole's `_list_headers`: any one of them alone marks a list.
    static let listHeaders = ["List-Id", "List-Owner", "List-Subscribe", "List-Post", "List-Unsubscribe",
                              "List-Help", "List-Archive"]
    /// Exchange marks its non-delivery reports, plain-text ones included, with this header.
    static let ndrHeaders = ["X-MS-Exchange-Message-Is-Ndr"]
    /// Subjects of plain-text non-delivery reports (Exchange in Spanish and English, Postfix,
    /// Exim, Gmail).
    static let ndrSubjects = ["no se puede entregar:", "no se pudo entregar:", "undeliverable:", "non remis",
                              "unzustellbar:", "delivery status notification", "undelivered mail returned to sender",
                              "mail delivery failed", "delivery has failed", "returned mail:", "failure notice"]
    /// Headers where a loop names the address that already handled the mail.
    static let loopHeaders = ["X-Loop", "X-MS-Exchange-Inbox-Rules-Loop"]
    /// Our replies' Message-ID, `<OCM-2026-0001.r2.observaciones@host>` (ReplyComposer.messageID).
    static let ownMessageIDPattern = #"^<?OCM-[0-9]{4}-[0-9]+\.r[0-9]+\.[a-z_-]+@"#

    /// Pigeonhole's `_is_system_address`: list robots and daemons never get a reply.
    static func isSystemAddress(_ address: String) -> Bool {
        let local = localPart(address)
        return nullSenders.contains(local) || local == "listserv" || local == "majordomo"
            || local.contains("-request") || local.hasPrefix("owner-")
    }

    static func localPart(_ address: String) -> String {
        guard let at = address.lastIndex(of: "@") else { return address.lowercased() }
        return address[..<at].lowercased()
    }

    /// The address inside `<…>` with comments and spaces removed, lowercased: `""` for `<>`,
    /// `< >` and `<> (comment)`; the bare text when there are no angle brackets.
    static func angleAddress(_ value: String) -> String {
        var text = ""
        var depth = 0
        for character in value {
            if character == "(" { depth += 1; continue }
            if character == ")" { depth = max(0, depth - 1); continue }
            if depth == 0, !character.isWhitespace { text.append(character) }
        }
        guard let open = text.firstIndex(of: "<") else { return text.lowercased() }
        return String(text[text.index(after: open)...].prefix { $0 != ">" }).lowercased()
    }

    /// Comma- or space-separated flags, lowercased (X-Auto-Response-Suppress: DR, OOF).
    static func tokens(_ value: String) -> [String] {
        value.lowercased().split { $0 == "," || $0 == ";" || $0.isWhitespace }.map(String.init)
    }
}
