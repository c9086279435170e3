import CCurl
import Foundation

/// How long to wait before trying again a command the server refused for now: Exchange answers
/// `NO [THROTTLED]` or `NO [UNAVAILABLE]` (RFC 5530), or ends the session with `* BYE` "server
/// busy", when a client goes over its limits. Doubling waits, bounded in count and length, then
/// the error goes to the caller as transient (the poll is retried next cycle; no mail counts it).
public struct ThrottleBackoff: Sendable, Equatable {
    /// Tries after the first one.
    public var retries: Int
    public var initial: Duration
    public var maximum: Duration

    public init(retries: Int = 3, initial: Duration = .seconds(2), maximum: Duration = .seconds(30)) {
        self.retries = retries
        self.initial = initial
        self.maximum = maximum
    }

    /// The wait before retry `n` (0-based): initial · 2ⁿ, at most `maximum`.
    public func delay(before retry: Int) -> Duration {
        var wait = initial
        for _ in 0..<min(retry, 30) where wait < maximum { wait = wait * 2 }
        return min(wait, maximum)
    }

    /// The server's line says "not now": a throttling or unavailability response code, or a BYE
    /// that is not the answer to our LOGOUT.
    public static func isThrottling(_ error: CurlError) -> Bool {
        guard let line = error.serverResponse?.uppercased() else { return false }
        let words = line.split(separator: " ")
        guard words.count >= 2 else { return false }
        if ["NO", "BAD"].contains(words[1]), words.count >= 3 {
            return ["[THROTTLED", "[UNAVAILABLE", "[INUSE"].contains { words[2].hasPrefix($0) }
        }
        if words[0] == "*", words[1] == "BYE" {
            return !line.contains("LOGGING OUT") && !line.contains("LOGOUT")
        }
        return false
    }
}

extension IMAPMailbox {
    /// "Not now" answers waited out so far and the seconds spent waiting (tests, `status`).
    public var throttling: (answers: Int, seconds: Double) { (session.throttled, session.throttledSeconds) }
}
