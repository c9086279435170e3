import Foundation
import MIME

/// Who must never get an automatic answer: at least what Dovecot Pigeonhole's vacation refuses
/// (RFC 3834, RFC 5230; `cmd-vacation.c`), plus Exchange's conventions, plus our own mailboxes
/// and senders outside ICETEX. Pure: the daemon adds the checks that need the ledger
/// (`duplicate`, `rate_limited`). The marks themselves are in `SenderScreening+Marks.swift`.
public struct SenderScreening: Sendable, Hashable {
    /// Lowercased addresses of the OCM mailboxes.
    public var ownAddresses: Set<String>
    /// Lowercased domains whose senders may get replies.
    public var allowedDomains: Set<String>

    public init(ownAddresses: [String], allowedDomains: [String]) {
        self.ownAddresses = Set(ownAddresses.map { $0.lowercased() })
        self.allowedDomains = Set(allowedDomains.map { $0.lowercased() })
    }

    /// The reason this mail must not be answered, or nil when it may be.
    public func skipReason(for message: Message) -> SkipReason? {
        if isBounce(message) { return .bounce }
        if isAutoSubmitted(message) { return .autoSubmitted }
        if isList(message) { return .mailingList }
        guard let sender = (replyTo(message) ?? message.from)?.normalizedAddress.lowercased() else {
            return .bounce
        }
        if let from = message.from?.normalizedAddress.lowercased(), ownAddresses.contains(from) { return .ownAddress }
        if ownAddresses.contains(sender) || isLoop(message) { return .ownAddress }
        if Self.isSystemAddress(sender) { return .mailingList }
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

    /// A delivery report: multipart/report, the null or a daemon return path, a daemon or
    /// Exchange system sender, Exchange's NDR mark, or a non-delivery subject.
    func isBounce(_ message: Message) -> Bool {
        if message.root.mimeType == "multipart/report" { return true }
        if Self.ndrHeaders.contains(where: { message.headers[$0] != nil }) { return true }
        if let returnPath = message.headers["Return-Path"].map({ Self.angleAddress($0.text) }),
           returnPath.isEmpty || Self.nullSenders.contains(Self.localPart(returnPath)) {
            return true
        }
        guard let from = message.from else { return message.headers["From"] == nil ? false : true }
        let local = Self.localPart(from.address)
        if from.address.isEmpty || Self.nullSenders.contains(local) { return true }
        if local.hasPrefix("microsoftexchange") { return true }
        let subject = (message.subject ?? "").lowercased()
        return Self.ndrSubjects.contains { subject.hasPrefix($0) }
    }

    func isAutoSubmitted(_ message: Message) -> Bool {
        if let value = message.headers["Auto-Submitted"]?.text.trimmingCharacters(in: .whitespaces).lowercased(),
           !value.isEmpty, !value.hasPrefix("no") {
            return true
        }
        if Self.autoReplyHeaders.contains(where: { message.headers[$0] != nil }) { return true }
        let suppress = message.headers.all("X-Auto-Response-Suppress").flatMap { Self.tokens($0.text) }
        if suppress.contains(where: { $0 == "all" || $0 == "oof" }) { return true }
        if precedence(message) == "auto_reply" { return true }
        let subject = (message.subject ?? "").lowercased()
        return Self.autoReplySubjects.contains { subject.hasPrefix($0) }
    }

    /// Any list header (Pigeonhole's seven), a list precedence, or a list robot as the
    /// envelope sender.
    func isList(_ message: Message) -> Bool {
        if Self.listHeaders.contains(where: { message.headers[$0] != nil }) { return true }
        if ["bulk", "junk", "list"].contains(precedence(message)) { return true }
        for name in ["Return-Path", "Sender"] {
            guard let field = message.headers[name] else { continue }
            let address = Self.angleAddress(field.text)
            if !address.isEmpty, Self.isSystemAddress(address) { return true }
        }
        return false
    }

    /// Our own mail coming back: our address as Sender, in X-Loop or Exchange's inbox-rule
    /// loop mark, or a Message-ID in the shape our replies carry.
    func isLoop(_ message: Message) -> Bool {
        if let sender = message.sender?.normalizedAddress.lowercased(), ownAddresses.contains(sender) { return true }
        for name in Self.loopHeaders {
            for field in message.headers.all(name) {
                let value = field.text.lowercased()
                if ownAddresses.contains(where: { value.contains($0) }) { return true }
            }
        }
        guard let id = message.messageID else { return false }
        return id.range(of: Self.ownMessageIDPattern, options: [.regularExpression, .caseInsensitive]) != nil
    }

    private func precedence(_ message: Message) -> String {
        message.headers["Precedence"]?.text.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
    }
}
