import Dispatch

/// A serial executor on a private DispatchQueue, so an actor's blocking calls
/// (`curl_easy_perform`, file reads) occupy their own thread instead of one of the few threads
/// of Swift's cooperative pool. `DispatchSerialQueue` as an executor is not available in
/// corelibs-libdispatch on Linux, hence this small type (libcurl note §4.4).
final class SerialQueueExecutor: SerialExecutor, @unchecked Sendable {
    private let queue: DispatchQueue

    init(label: String) { queue = DispatchQueue(label: label) }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedSerialExecutor()) }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor { UnownedSerialExecutor(ordinary: self) }
}
