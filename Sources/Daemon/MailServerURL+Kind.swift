import MailTransport

extension MailServerURL {
    /// A local Maildir: drafts are files, there is no server to check.
    var isMaildir: Bool {
        if case .maildir = self { return true }
        return false
    }
}
