// How long a transiently failed delivery waits: Postfix's deferred queue, doubling from `base`
// up to `cap`; past `maxAttempts` (if set) the entry fails for good and a person looks at it.
import Foundation

public struct RetryPolicy: Sendable, Hashable {
    public var base: TimeInterval
    public var cap: TimeInterval
    public var maxAttempts: Int?

    /// 1 min, 2, 4, … capped at 6 h; no attempt limit (a server that is down delays work, never loses it).
    public static let standard = RetryPolicy(base: 60, cap: 6 * 3600, maxAttempts: nil)

    public init(base: TimeInterval, cap: TimeInterval, maxAttempts: Int? = nil) {
        self.base = base
        self.cap = cap
        self.maxAttempts = maxAttempts
    }

    /// The wait after the `attempts`-th failed attempt (1-based): base × 2^(attempts − 1), capped.
    public func delay(afterAttempts attempts: Int) -> TimeInterval {
        let exponent = max(0, attempts - 1)
        guard exponent < 63 else { return cap }
        return min(base * Double(1 << exponent), cap)
    }
}
