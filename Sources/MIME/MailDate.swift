import Foundation

/// An RFC 5322 date with the offset the sender wrote (kept: the request day is computed in
/// America/Bogota from the instant, but the written offset is useful evidence).
public struct MailDate: Sendable, Hashable {
    public var instant: Date
    /// Offset from UTC in minutes as written (`-0500` → -300).
    public var offsetMinutes: Int

    public init(instant: Date, offsetMinutes: Int) {
        self.instant = instant
        self.offsetMinutes = offsetMinutes
    }

    /// Parses `Mon, 16 Feb 2026 09:12:00 -0500` and the usual variants (no weekday, 2-digit year,
    /// obsolete zone names, missing seconds, comments). `nil` when no date can be read.
    public static func parse(_ raw: String) -> MailDate? {
        // PLACEHOLDER (helper A replaces).
        nil
    }
}
