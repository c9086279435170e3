import Foundation
import MIME

extension Inspector {
    /// `inspect(thread:)` from each mail's reading (`reader.read`, oldest first) instead of the
    /// mails themselves: a caller that keeps the readings of a thread's earlier mails reads only
    /// the new one, so a thread of n mails costs n reads, not n² (issue 11). `first` is the
    /// first mail (the inspection's sender, subject and Message-ID). `inspect(thread:)`
    /// reads its mails and comes here, so both give one answer (`ThreadReadingsTests`).
    public func inspect(readings: [TrainingRequest], first: Message, file: String, now: Date,
                        requestedAt: Date? = nil) -> Inspection {
        guard let head = readings.first else { return Inspection(file: file) }
        var inspection = Inspection(file: file, message: first)
        let request = evaluator.settled(readings.dropFirst().reduce(head) { $0.merged(with: $1) })
        let requestDay = CivilDate(instant: requestedAt ?? first.date?.instant ?? now, timeZone: timeZone)
        let verdict = evaluator.evaluate(request, requestDay: requestDay, materialDay: CivilDate(instant: now, timeZone: timeZone))
        inspection.fill(request: request, verdict: verdict, wording: wording)
        return inspection
    }
}
