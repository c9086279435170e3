import Foundation
import MailTransport

/// `ocm-intake.yaml`, resolved: what the daemon polls, where replies go, where it keeps state.
/// Paths are absolute (relative ones are taken from the config file's folder); secrets are
/// already read from their file or environment variable and never printed.
public struct DaemonConfiguration: Sendable {
    /// How OCM staff review replies before they leave (design.md).
    public enum ReviewMode: String, Sendable, CaseIterable {
        /// APPEND to the mailbox's Drafts folder flagged \Draft; staff send from Outlook.
        case drafts
        /// Held in the ledger; `ocm-intake review approve` sends by SMTP.
        case queue
        /// Sent at once by SMTP.
        case off
    }

    public struct MailboxEntry: Sendable {
        /// `aseguramiento` or `formacion`.
        public var role: String
        /// The mailbox's own address: From of its replies, Cc of the other mailbox's.
        public var address: String
        public var server: MailServerConfiguration
        /// Folder for drafts (`Drafts`; Maildir: `.Drafts`).
        public var draftsFolder: String
        /// Stable name in the ledger (role), so a URL change keeps the mailbox's history.
        public var ledgerName: String { role }
    }

    public var file: String
    public var mailboxes: [MailboxEntry]
    public var smtp: MailServerConfiguration?
    public var review: ReviewMode
    public var pollInterval: Duration
    public var ledgerPath: String
    public var templatesDirectory: String
    /// Folder with rules.yaml and holidays.yaml.
    public var rulesDirectory: String
    public var timeZone: TimeZone
    /// Host part of reply Message-IDs.
    public var hostname: String
    public var maxMessageBytes: Int
    /// Replies to one sender per day before `rate_limited`.
    public var maxRepliesPerSenderPerDay: Int
    /// Messages fetched per mailbox per cycle (the rest next cycle).
    public var batchSize: Int
    /// Hard limit for one message; past it the watchdog ends the process (MessageWatchdog).
    public var messageTimeLimit: Duration = .seconds(30)
    /// Days a message's raw bytes stay in the ledger after it was handled (`raw_retention_days`).
    public var rawRetentionDays = 180
}
