import Foundation
import MIME

/// Who must never get an automatic answer (RFC 3834 and design.md): auto-replies, bounces,
/// lists, our own mailboxes, and senders outside ICETEX. Pure: the daemon adds the checks that
/// need the ledger (`duplicate`, `rate_limited`).
public struct SenderScreening: Sendable, Hashable {
    /// Lowercased addresses of the OCM mailboxes.
    public var ownAddresses: Set<String>
    /// Lowercased domains whose senders may get replies.
    public var allowedDomains: Set<String>

    public init(ownAddresses: [String], allowedDomains: [String]) {
        self.ownAddresses = Set(ownAddresses.map { $0.lowercased() })
        self.allowedDomains = Set(allowedDomains.map { $0.lowercased() })
    }

    /// Auto-responders that do not set Auto-Submitted (older Exchange, vacation scripts).
    static let autoReplyHeaders = ["X-Autoreply", "X-Autorespond", "X-Auto-Reply"]
    /// Subject prefixes of out-of-office replies from Outlook/Exchange in Spanish and English.
    static let autoReplySubjects = ["respuesta automática:", "respuesta automatica:", "automatic reply:",
                                    "auto:", "fuera de la oficina", "out of office"]
    static let nullSenders = ["mailer-daemon", "postmaster"]

    /// The reason this mail must not be answered, or nil when it may be.
    public func skipReason(for message: Message) -> SkipReason? {
        if isBounce(message) { return .bounce }
        if isAutoSubmitted(message) { return .autoSubmitted }
        if isList(message) { return .mailingList }
        guard let sender = (replyTo(message) ?? message.from)?.normalizedAddress.lowercased() else {
            return .bounce
        }
        if let from = message.from?.normalizedAddress.lowercased(), ownAddresses.contains(from) { return .ownAddress }
        if ownAddresses.contains(sender) { return .ownAddress }
        let domain = sender.split(separator: "@").last.map(String.init) ?? ""
        if !allowedDomains.isEmpty && !allowedDomains.contains(where: { domain == $0 || domain.hasSuffix("." + $0) }) {
            return .senderNotAllowed
        }
        return nil
    }

    func replyTo(_ message: Message) -> Mailbox? {
        guard let raw = message.headers["Reply-To"]?.rawValue else { return nil }
        return AddressList.parse(raw).entries.first?.mailboxes.first
    }

    func isBounce(_ message: Message) -> Bool {
        if message.root.mimeType == "multipart/report" { return true }
        if let returnPath = message.headers["Return-Path"]?.text.trimmingCharacters(in: .whitespaces), returnPath == "<>" {
            return true
        }
        guard let from = message.from else { return message.headers["From"] == nil ? false : true }
        let local = from.address.split(separator: "@").first.map { $0.lowercased() } ?? ""
        return from.address.isEmpty || Self.nullSenders.contains(local)
    }

    func isAutoSubmitted(_ message: Message) -> Bool {
        if let value = message.headers["Auto-Submitted"]?.text.trimmingCharacters(in: .whitespaces).lowercased(),
           !value.isEmpty, !value.hasPrefix("no") {
            return true
        }
        if Self.autoReplyHeaders.contains(where: { message.headers[$0] != nil }) { return true }
        let subject = (message.subject ?? "").lowercased()
        return Self.autoReplySubjects.contains { subject.hasPrefix($0) }
    }

    func isList(_ message: Message) -> Bool {
        if message.headers["List-Id"] != nil || message.headers["List-Unsubscribe"] != nil { return true }
        let precedence = message.headers["Precedence"]?.text.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return ["bulk", "junk", "list"].contains(precedence)
    }
}
