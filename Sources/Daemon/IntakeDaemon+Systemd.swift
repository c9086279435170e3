import Foundation
import ServiceLifecycle

extension IntakeDaemon {
    /// Sleeps `interval` in slices of at most 10 s, telling systemd's watchdog (`WatchdogSec=`)
    /// after each that the loop is alive; a graceful shutdown cancels the sleep.
    func sleepNotifyingWatchdog(_ interval: Duration) async throws {
        var left = interval
        while left > .zero {
            let slice = min(left, .seconds(10))
            try await cancelWhenGracefulShutdown { try await Task.sleep(for: slice) }
            left -= slice
            MessageWatchdog.shared.notifier.notify("WATCHDOG=1")
        }
    }
}
