import Foundation

/// Test-only, like `CrashPoint`: with `OCM_INTAKE_STALL_MESSAGE_ID=<id>` in the environment (read
/// once, at start) the mail with that Message-ID (without angle brackets) keeps its reader busy
/// until the watchdog or a signal ends the process — a hanging reader on demand, whatever the
/// machine's speed. The containment tests use it; unset, it costs one comparison per mail.
final class StallPoint: Sendable {
    static let shared = StallPoint(messageID: ProcessInfo.processInfo.environment["OCM_INTAKE_STALL_MESSAGE_ID"])

    private let messageID: String?

    init(messageID: String?) { self.messageID = messageID?.trimmingCharacters(in: CharacterSet(charactersIn: "<> ")) }

    /// Never returns for the chosen mail.
    func reached(_ id: String?) {
        guard let messageID, let id, id.trimmingCharacters(in: CharacterSet(charactersIn: "<> ")) == messageID else { return }
        while true { Thread.sleep(forTimeInterval: 3600) }
    }
}
