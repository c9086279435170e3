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

    public var completeAtFirstMailPercent: Double? { judged == 0 ? nil : 100 * Double(completeAtFirstMail) / Double(judged) }

    public init(_ input: ReportInput, calendar: BusinessCalendar) {
        let requests = input.requests.filter { input.from <= $0.openedDay && $0.openedDay <= input.to }
        func counts(_ key: (ReportRequest) -> String) -> [Count] {
            Dictionary(grouping: requests, by: key).map { Count(key: $0.key, count: $0.value.count) }.sorted { $0.key < $1.key }
        }
        from = input.from.description
        to = input.to.description
        self.requests = requests.count
        byArea = counts(\.area)
        byKind = counts(\.kind)
        byState = counts(\.state)
        byMonth = counts { String($0.openedDay.description.prefix(7)) }
        let judgedRequests = requests.filter { $0.firstVerdict != nil }
        judged = judgedRequests.count
        completeAtFirstMail = judgedRequests.filter { $0.firstVerdict == "viable" }.count
        averageObservationRounds = judgedRequests.isEmpty ? nil
            : Double(judgedRequests.reduce(0) { $0 + $1.observationRounds }) / Double(judgedRequests.count)
        rows = requests.map { r in
            let toViable = r.viableDay.map { calendar.businessDays(after: r.openedDay, through: $0) }
            var onTime: Bool?
            if let session = r.sessionDate, session <= input.to {
                let due = calendar.addingBusinessDays(input.deliveryDueBusinessDays, to: session)
                onTime = r.deliveredDay.map { $0 <= due } ?? false
            }
            return Row(id: r.id, area: r.area, kind: r.kind, state: r.state, observationRounds: r.observationRounds,
                       businessDaysToViable: toViable, completeAtFirstMail: r.firstVerdict.map { $0 == "viable" },
                       deliveredOnTime: onTime, testApplied: r.testApplied, misionalPercent: r.misional?.percent,
                       replicaPercent: r.replica?.percent)
        }
        let days = rows.compactMap(\.businessDaysToViable)
        averageBusinessDaysToViable = days.isEmpty ? nil : Double(days.reduce(0, +)) / Double(days.count)
        let given = rows.filter { $0.deliveredOnTime != nil }
        sessionsGiven = given.count
        deliveredOnTime = given.filter { $0.deliveredOnTime == true }.count
        testApplied = given.filter(\.testApplied).count
        misional = Effectiveness.total(requests.compactMap(\.misional))
        replica = Effectiveness.total(requests.compactMap(\.replica))
        targetPercent = input.targetPercent
        weeklyCap = input.weeklyCap
        let sessions = input.sessions.filter { input.from <= $0.date && $0.date <= input.to }
        var weeks: [WeekLoad] = []
        var week = ISOWeek(containing: input.from)
        while week.monday <= input.to {
            let hours = sessions.filter { ISOWeek(containing: $0.date) == week }.reduce(0) { $0 + $1.hours }
            weeks.append(WeekLoad(week: week.description, hours: hours, overCap: hours > input.weeklyCap + 1e-9))
            week = week.next
        }
        self.weeks = weeks
    }
}
