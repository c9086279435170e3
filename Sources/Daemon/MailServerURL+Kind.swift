import MailTransport

extension MailServerURL {
    /// A local Maildir: drafts are files, there is no server to check.
    var isMaildir: Bool {
        if case .maildir = self { return true }
        return false
    }
}

extension MailboxError {
    var isMessageTooLarge: Bool {
        if case .messageTooLarge = reason { return true }
        return false
    }

    var isMessageNotFound: Bool {
        if case .messageNotFound = reason { return true }
        return false
    }
}
