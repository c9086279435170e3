import Daemon
import Foundation
import Ledger
import MailTransport

/// The OAuth part of `check-config --connect` and `status`: which step failed (token, login,
/// mailbox), and per mailbox the authentication mode and the last token error.
enum OAuthConnectCheck {
    /// Asks the token endpoint once per app registration the configuration uses; prints one line
    /// each. False when one failed (the logins after it are then reported too, with the same cause).
    static func tokens(_ configuration: DaemonConfiguration) -> Bool {
        var seen: [ObjectIdentifier] = []
        var ok = true
        for server in configuration.mailboxes.map(\.server) + (configuration.smtp.map { [$0] } ?? []) {
            guard case .oauth2(let client)? = server.secret, !seen.contains(ObjectIdentifier(client)) else { continue }
            seen.append(ObjectIdentifier(client))
            let name = "oauth client \(client.settings.clientID) at \(client.settings.tokenURL)"
            do {
                _ = try client.bearer()
                let left = client.expiry.map { Int($0.timeIntervalSinceNow) } ?? 0
                print("  \(name): token obtained (valid \(left) s, \(client.settings.credential))")
            } catch {
                ok = false
                print("  \(name): FAILED at step token: \(error)")
            }
        }
        return ok
    }

    /// The step a connection failure belongs to, for "FAILED at step …".
    static func step(of error: Error) -> String {
        let text = "\(error)"
        if text.contains("OAuth token request") { return "token" }
        if text.contains("OAuth login refused") || text.contains("Login denied") || text.contains("curl error 67") { return "login" }
        return "connect"
    }

    /// ", auth xoauth2" plus the last OAuth error the ledger recorded for the mailbox.
    static func statusSuffix(_ state: MailboxState, configuration: DaemonConfiguration) -> String {
        guard let entry = configuration.mailboxes.first(where: { $0.ledgerName == state.name }) else { return "" }
        var text = ", auth \(mode(entry.server))"
        if let error = state.lastError, error.contains("OAuth"), let at = state.lastErrorAt {
            let when = ISO8601DateFormatter().string(from: at)
            // A failing mailbox prints the error itself right after.
            text += state.isFailing ? ", OAuth failing since \(when)" : ", last token error \(when): \(error)"
        }
        return text
    }

    static func mode(_ server: MailServerConfiguration) -> String {
        if case .maildir = server.url { return "none (maildir)" }
        switch server.mechanism {
        case .xoauth2?, .oauthBearer?: return server.mechanism!.rawValue.lowercased()
        case let other?: return other.rawValue.lowercased()
        case nil: return "plain"
        }
    }
}
