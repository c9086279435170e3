import Foundation
import Intake

/// The days a request's training may take place, as the planner searches them. It is the
/// engine's backward plan (issue 9: `Intake.OperationalPlan.trainingWindow`, kept in the verdict),
/// never a second computation: `earliest` is where the conciliation can end, `latest` leaves room
/// for the provider's diffusion and Calidad Operativa before the production date.
public struct TrainingWindow: Sendable, Hashable {
    public var earliest: CivilDate
    public var latest: CivilDate

    public init(earliest: CivilDate, latest: CivilDate) {
        self.earliest = earliest
        self.latest = latest
    }

    public func contains(_ date: CivilDate) -> Bool { earliest <= date && date <= latest }

    /// The plan's window. A plan with no latest day (no production date and no training day)
    /// and a request with no plan at all are bounded only by `horizonDays` after `today`.
    public init(plan: Intake.TrainingWindow?, today: CivilDate, horizonDays: Int = 120) {
        earliest = plan?.earliest ?? today.adding(days: 1)
        latest = plan?.latest ?? today.adding(days: horizonDays)
    }

    /// The window of a verdict as the ledger keeps it (`inspect --json`'s `plan.trainingWindow`).
    public init(verdictJSON: String?, today: CivilDate, horizonDays: Int = 120) {
        struct Verdict: Decodable { var plan: Plan? }
        struct Plan: Decodable { var trainingWindow: Intake.TrainingWindow }
        let plan = verdictJSON.flatMap { try? JSONDecoder().decode(Verdict.self, from: Data($0.utf8)) }?.plan
        self.init(plan: plan?.trainingWindow, today: today, horizonDays: horizonDays)
    }
}
