import Foundation

/// An access token and when it stops being used. Refreshed early by a share of its lifetime
/// (10 %, at most 5 minutes), so a one-hour Microsoft token is renewed 5 minutes before it
/// expires and a 20-second test token 2 seconds before.
public struct OAuthToken: Sendable {
    public var value: String
    public var issuedAt: Date
    public var expiresAt: Date

    public init(value: String, issuedAt: Date, expiresAt: Date) {
        self.value = value
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }

    public static let marginShare = 0.10
    public static let maximumMargin: TimeInterval = 300

    public var lifetime: TimeInterval { max(0, expiresAt.timeIntervalSince(issuedAt)) }

    /// Seconds before `expiresAt` at which the token is no longer handed out.
    public var refreshMargin: TimeInterval { min(lifetime * Self.marginShare, Self.maximumMargin) }

    public var refreshAt: Date { expiresAt.addingTimeInterval(-refreshMargin) }

    public func isUsable(at now: Date) -> Bool { now < refreshAt }
}

extension OAuthToken: CustomStringConvertible {
    public var description: String { "OAuthToken([redacted], expires \(expiresAt))" }
}
