import Foundation

/// How long one transfer may take, checked in libcurl's progress callback (called about once a
/// second in every phase, also while a command waits for its answer): a total limit that grows
/// with the transfer's size, and the daemon's stop flag, so SIGTERM ends a transfer stuck on a
/// slow server within a few seconds (issue 7 items 5 and 7).
///
/// The low-speed limit is checked here too, over the last `lowSpeedTime` exactly: libcurl's own
/// (`CURLOPT_LOW_SPEED_*`, kept as a backstop) averages speed over ~5 s first, so a server that
/// stalls after a fast burst was cut only 5-6 s after the limit.
public struct TransferLimits: Sendable {
    /// Fewer bytes than `lowSpeedBytesPerSecond × lowSpeedTime` moved in the last `lowSpeedTime`
    /// ends the transfer (also while a command waits for its answer).
    public var lowSpeedBytesPerSecond = 1024
    public var lowSpeedTime: Duration = .seconds(60)
    /// Allowed for any transfer, whatever its size.
    public var base: Duration
    /// Added per MiB of the transfer (the upload's size, or the size the server announced).
    public var perMiB: Duration
    /// Raised by SIGTERM/SIGINT: the transfer is aborted `stopGrace` after it is first seen, so a
    /// transfer about to finish still can.
    public var shouldStop: (@Sendable () -> Bool)?
    public var stopGrace: Duration = .seconds(2)

    public init(base: Duration = .seconds(300), perMiB: Duration = .seconds(60), shouldStop: (@Sendable () -> Bool)? = nil) {
        self.base = base
        self.perMiB = perMiB
        self.shouldStop = shouldStop
    }

    /// Seconds allowed for a transfer of `bytes`.
    func allowed(bytes: Int64) -> Double {
        seconds(base) + seconds(perMiB) * Double(max(0, bytes)) / 1_048_576
    }

    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// Why the progress callback ended a transfer.
enum TransferAbort {
    case stopped
    case timeLimit(seconds: Double)
    case tooSlow(bytesPerSecond: Int, seconds: Double)
}

/// Per-transfer clock for `TransferLimits`, reached from the C progress callback.
final class TransferClock {
    let limits: TransferLimits
    let started = Date()
    private var stopSeenAt: Date?
    private(set) var aborted: TransferAbort?
    /// (seconds since start, bytes moved), one per callback, oldest first; trimmed to the window.
    private var samples: [(at: Double, bytes: Int64)] = [(0, 0)]

    init(limits: TransferLimits) { self.limits = limits }

    /// True when the transfer must end now. `size`: the transfer's size as far as known;
    /// `moved`: bytes down and up so far.
    func check(size: Int64, moved: Int64) -> Bool {
        let now = Date()
        if let shouldStop = limits.shouldStop, shouldStop() {
            let seen = stopSeenAt ?? now
            stopSeenAt = seen
            if now.timeIntervalSince(seen) >= limits.seconds(limits.stopGrace) {
                aborted = .stopped
                return true
            }
        }
        let elapsed = now.timeIntervalSince(started)
        let allowed = limits.allowed(bytes: size)
        if elapsed > allowed {
            aborted = .timeLimit(seconds: allowed)
            return true
        }
        return tooSlow(elapsed: elapsed, moved: moved)
    }

    /// Whether fewer than limit × window bytes moved since the newest sample at least a window old.
    private func tooSlow(elapsed: Double, moved: Int64) -> Bool {
        let window = limits.seconds(limits.lowSpeedTime)
        // A quarter-second grid keeps the window short however often libcurl calls back; each
        // slot keeps the latest count, so the end of a burst is never lost.
        if elapsed - samples[samples.count - 1].at >= 0.25 {
            samples.append((elapsed, moved))
        } else {
            samples[samples.count - 1].bytes = moved
        }
        // libcurl calls back about once a second while nothing moves: judge the window at the
        // last call before it ends rather than the first after, so a stall is cut by its time + 1 s.
        let early = min(0.75, window / 4)
        guard let base = samples.lastIndex(where: { $0.at <= elapsed - window + early }) else { return false }
        samples.removeFirst(base)
        let rate = limits.lowSpeedBytesPerSecond
        guard moved - samples[0].bytes < Int64(Double(rate) * window) else { return false }
        aborted = .tooSlow(bytesPerSecond: rate, seconds: window)
        return true
    }
}
