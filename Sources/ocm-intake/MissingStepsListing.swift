import Followup
import Intake

/// Section 6's second control, as `status` and `results missing` print it: the later steps
/// (5.2.7–5.2.11, followup.yaml `pasos`) not seen in mail once their business days after the
/// session have passed.
enum MissingStepsListing {
    static func lines(_ context: FollowupContext) throws -> [String] {
        let recorded = Dictionary(grouping: try context.ledger.steps(), by: \.request).mapValues { Set($0.map(\.step)) }
        var lines: [String] = []
        for session in try context.ledger.sessions() where session.status == .impartida {
            guard let day = CivilDate(session.date) else { continue }
            for (rule, due) in MissingSteps.overdue(session: day, recorded: recorded[session.request] ?? [],
                                                    rules: context.followup.steps, today: context.today, calendar: context.calendar) {
                lines.append("\(session.request)  session \(session.date)  missing \(rule.id) (\(rule.name)), due \(due)")
            }
        }
        return lines
    }
}
