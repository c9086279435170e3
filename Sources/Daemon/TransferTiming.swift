import MailTransport

/// The time limits of `ocm-intake.yaml` (`low_speed_limit`, `low_speed_time`, `transfer_timeout`,
/// `transfer_timeout_per_mib`), applied to every mailbox and the SMTP server alike.
struct TransferTiming {
    var lowSpeedLimit: Int
    var lowSpeedTime: Int
    var timeout: Int
    var timeoutPerMiB: Int

    func apply(to server: inout MailServerConfiguration) {
        server.lowSpeedBytesPerSecond = lowSpeedLimit
        server.lowSpeedTime = .seconds(lowSpeedTime)
        server.limits.base = .seconds(timeout)
        server.limits.perMiB = .seconds(timeoutPerMiB)
    }
}
