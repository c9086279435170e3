extension MailServerConfiguration {
    /// The mailbox this configuration names: `IMAPMailbox` for imap(s)://, `MaildirMailbox` for
    /// maildir:. Nothing connects yet; the first call logs in.
    public func openMailbox() throws(MailboxError) -> any Mailbox {
        switch url {
        case .imap: return try IMAPMailbox(configuration: self)
        case .maildir(let path): return try MaildirMailbox(path: path, maxMessageBytes: maxMessageBytes)
        case .smtp: throw MailboxError(mailbox: "\(url)", operation: .configure, reason: .invalidRequest("an SMTP URL is not a mailbox"))
        }
    }

    /// The sender for an smtp(s):// URL.
    public func openSender() throws(MailSendError) -> any MailSender {
        try SMTPSender(configuration: self)
    }
}
