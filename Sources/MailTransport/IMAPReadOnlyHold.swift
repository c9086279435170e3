/// Whether the polled mailbox is still EXAMINEd (read-only) on the server, so that a fetch can
/// skip its EXAMINE: true right after a fetch when no other transfer ran on the handle since (any
/// command, on any folder, may make libcurl SELECT again), no new connection was made (libcurl
/// SELECTs read-write on a fresh one), and less than `maxIdle` passed (libcurl drops connections
/// idle for 118 s). A backlog of fetches then costs one command each instead of two (issue 11).
/// Should it fail anyway, `IMAPMailbox.repairSeenFlagIfSet` still catches the `\Seen`.
struct IMAPReadOnlyHold {
    static let maxIdle: Duration = .seconds(60)

    private var transfers: Int?
    private var connections = 0
    private var at = ContinuousClock.now

    func holds(_ session: IMAPSession) -> Bool {
        transfers == session.transfers && connections == session.connections && ContinuousClock.now - at < Self.maxIdle
    }

    /// After a fetch that worked (it ran right after an EXAMINE, or while one held).
    mutating func note(_ session: IMAPSession, _ result: CurlEasy.Result) {
        guard result.newConnections == 0 else { forget(); return }
        transfers = session.transfers
        connections = session.connections
        at = ContinuousClock.now
    }

    mutating func forget() { transfers = nil }
}
