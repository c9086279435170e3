import Intake

/// One request as the section 6 report needs it; the shell fills it from the ledger.
public struct ReportRequest: Sendable, Hashable {
    public var id: String
    public var area: String
    public var kind: String
    public var state: String
    public var openedDay: CivilDate
    /// The first verdict's state: `viable` (complete and on time at the first mail) or
    /// `observaciones_enviadas`; nil before any verdict.
    public var firstVerdict: String?
    public var observationRounds: Int
    public var viableDay: CivilDate?
    public var sessionDate: CivilDate?
    /// Day the material went to the provider over the secure route (5.2.11), if seen.
    public var deliveredDay: CivilDate?
    /// Results of a test came back (5.2.13).
    public var testApplied: Bool
    public var misional: Effectiveness?
    public var replica: Effectiveness?

    public init(id: String, area: String, kind: String, state: String, openedDay: CivilDate, firstVerdict: String? = nil,
                observationRounds: Int = 0, viableDay: CivilDate? = nil, sessionDate: CivilDate? = nil,
                deliveredDay: CivilDate? = nil, testApplied: Bool = false, misional: Effectiveness? = nil, replica: Effectiveness? = nil) {
        self.id = id
        self.area = area
        self.kind = kind
        self.state = state
        self.openedDay = openedDay
        self.firstVerdict = firstVerdict
        self.observationRounds = observationRounds
        self.viableDay = viableDay
        self.sessionDate = sessionDate
        self.deliveredDay = deliveredDay
        self.testApplied = testApplied
        self.misional = misional
        self.replica = replica
    }
}

/// One results file (a misional session or one replica), for effectiveness per replica.
public struct ReportResult: Sendable, Hashable, Codable {
    public var request: String
    public var source: ResultSource
    public var fileName: String
    public var day: CivilDate
    public var effectiveness: Effectiveness

    public init(request: String, source: ResultSource, fileName: String, day: CivilDate, effectiveness: Effectiveness) {
        self.request = request
        self.source = source
        self.fileName = fileName
        self.day = day
        self.effectiveness = effectiveness
    }
}

/// What the report covers: requests opened in [from, to], sessions and results in it.
public struct ReportInput: Sendable {
    public var from: CivilDate
    public var to: CivilDate
    public var requests: [ReportRequest]
    public var sessions: [TrainingSession]
    public var results: [ReportResult]
    public var weeklyCap: Double
    /// Business days after the session by which the material must reach the provider.
    public var deliveryDueBusinessDays: Int
    public var targetPercent: Double

    public init(from: CivilDate, to: CivilDate, requests: [ReportRequest], sessions: [TrainingSession], results: [ReportResult] = [],
                weeklyCap: Double, deliveryDueBusinessDays: Int, targetPercent: Double) {
        self.results = results
        self.from = from
        self.to = to
        self.requests = requests
        self.sessions = sessions
        self.weeklyCap = weeklyCap
        self.deliveryDueBusinessDays = deliveryDueBusinessDays
        self.targetPercent = targetPercent
    }
}
