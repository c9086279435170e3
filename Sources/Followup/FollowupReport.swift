import Intake

/// The figures of section 6 (control) and the indicator, computed from a `ReportInput`.
public struct FollowupReport: Sendable, Hashable, Codable {
    public struct Count: Sendable, Hashable, Codable { public var key: String; public var count: Int }
    public struct Row: Sendable, Hashable, Codable {
        public var id: String
        public var area: String
        public var kind: String
        public var state: String
        public var observationRounds: Int
        public var businessDaysToViable: Int?
        public var completeAtFirstMail: Bool?
        public var deliveredOnTime: Bool?
        public var testApplied: Bool
        public var misionalPercent: Double?
        public var replicaPercent: Double?
    }
    public struct WeekLoad: Sendable, Hashable, Codable { public var week: String; public var hours: Double; public var overCap: Bool }

    public var from: String
    public var to: String
    public var requests: Int
    public var byArea: [Count]
    public var byKind: [Count]
    public var byState: [Count]
    public var byMonth: [Count]
    /// First control: complete and on time at the first mail, among requests with a verdict.
    public var completeAtFirstMail: Int
    public var judged: Int
    public var averageObservationRounds: Double?
    public var averageBusinessDaysToViable: Double?
    /// Second control: material delivered on time, among requests whose session took place.
    public var deliveredOnTime: Int
    public var testApplied: Int
    public var sessionsGiven: Int
    public var misional: Effectiveness
    public var replica: Effectiveness
    public var targetPercent: Double
    public var weeklyCap: Double
    public var weeks: [WeekLoad]
    public var rows: [Row]
    /// Every results file received in the period: the misional session and each replica apart.
    public var files: [ReportResult]

    public var completeAtFirstMailPercent: Double? { judged == 0 ? nil : 100 * Double(completeAtFirstMail) / Double(judged) }

    public init(_ input: ReportInput, calendar: BusinessCalendar) {
        let requests = input.requests.filter { input.from <= $0.openedDay && $0.openedDay <= input.to }
        from = input.from.description
        to = input.to.description
        self.requests = requests.count
        byArea = Self.counts(requests, \.area)
        byKind = Self.counts(requests, \.kind)
        byState = Self.counts(requests, \.state)
        byMonth = Self.counts(requests) { String($0.openedDay.description.prefix(7)) }
        let judgedRequests = requests.filter { $0.firstVerdict != nil }
        judged = judgedRequests.count
        completeAtFirstMail = judgedRequests.filter { $0.firstVerdict == "viable" }.count
        averageObservationRounds = Self.average(judgedRequests.map { Double($0.observationRounds) })
        rows = requests.map { Self.row($0, input: input, calendar: calendar) }
        averageBusinessDaysToViable = Self.average(rows.compactMap(\.businessDaysToViable).map(Double.init))
        let given = rows.filter { $0.deliveredOnTime != nil }
        sessionsGiven = given.count
        deliveredOnTime = given.filter { $0.deliveredOnTime == true }.count
        testApplied = given.filter(\.testApplied).count
        misional = Effectiveness.total(requests.compactMap(\.misional))
        replica = Effectiveness.total(requests.compactMap(\.replica))
        targetPercent = input.targetPercent
        weeklyCap = input.weeklyCap
        weeks = Self.weeks(input)
        files = input.results.filter { input.from <= $0.day && $0.day <= input.to }
    }

    static func counts(_ requests: [ReportRequest], _ key: (ReportRequest) -> String) -> [Count] {
        Dictionary(grouping: requests, by: key).map { Count(key: $0.key, count: $0.value.count) }.sorted { $0.key < $1.key }
    }

    static func average(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// A session held by the end of the period is on time when its material reached the provider
    /// within the configured business days after it.
    static func row(_ r: ReportRequest, input: ReportInput, calendar: BusinessCalendar) -> Row {
        var onTime: Bool?
        if let session = r.sessionDate, session <= input.to {
            let due = calendar.addingBusinessDays(input.deliveryDueBusinessDays, to: session)
            onTime = r.deliveredDay.map { $0 <= due } ?? false
        }
        return Row(id: r.id, area: r.area, kind: r.kind, state: r.state, observationRounds: r.observationRounds,
                   businessDaysToViable: r.viableDay.map { calendar.businessDays(after: r.openedDay, through: $0) },
                   completeAtFirstMail: r.firstVerdict.map { $0 == "viable" }, deliveredOnTime: onTime,
                   testApplied: r.testApplied, misionalPercent: r.misional?.percent, replicaPercent: r.replica?.percent)
    }

    /// Every ISO week touching the period, with its hours of training (all requests).
    static func weeks(_ input: ReportInput) -> [WeekLoad] {
        let sessions = input.sessions.filter { input.from <= $0.date && $0.date <= input.to }
        var weeks: [WeekLoad] = []
        var week = ISOWeek(containing: input.from)
        while week.monday <= input.to {
            let hours = sessions.filter { ISOWeek(containing: $0.date) == week }.reduce(0) { $0 + $1.hours }
            weeks.append(WeekLoad(week: week.description, hours: hours, overCap: hours > input.weeklyCap + 1e-9))
            week = week.next
        }
        return weeks
    }
}
