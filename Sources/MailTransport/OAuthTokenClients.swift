import Foundation

/// The process's token clients, one per app registration and endpoint: mailboxes and SMTP with
/// the same `oauth:` settings share one token, and a reloaded configuration keeps it.
public enum OAuthTokenClients {
    nonisolated(unsafe) private static var clients: [OAuthSettings: OAuthTokenClient] = [:]
    private static let lock = NSLock()

    public static func shared(for settings: OAuthSettings) -> OAuthTokenClient {
        lock.withLock {
            if let client = clients[settings] { return client }
            let client = OAuthTokenClient(settings: settings)
            clients[settings] = client
            return client
        }
    }
}
