/// Why a mail gets no reply (design.md): each is recorded with the mail, never dropped silently.
public enum SkipReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// `Auto-Submitted` other than `no`, or another auto-responder mark (RFC 3834).
    case autoSubmitted = "auto_submitted"
    /// A delivery status notification or a mail from MAILER-DAEMON/postmaster or the null sender.
    case bounce
    /// `List-Id`, `List-Unsubscribe` or `Precedence: bulk|junk|list`.
    case mailingList = "mailing_list"
    /// Sent by one of OCM's own mailboxes (our own replies coming back).
    case ownAddress = "own_address"
    /// The sender's domain is not among the allowed ones (areas are inside ICETEX).
    case senderNotAllowed = "sender_not_allowed"
    /// The same message already seen (the other OCM mailbox, a re-delivery).
    case duplicate
    /// More mails from this sender today than the daily limit.
    case rateLimited = "rate_limited"
    /// A mail that carries no training request at all.
    case notARequest = "not_a_request"
}
