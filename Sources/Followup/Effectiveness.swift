/// "% de efectividad" (section 5): participants at or above the passing score among those
/// evaluated (attended and scored). Absent or unscored people do not count either way.
public struct Effectiveness: Sendable, Hashable, Codable {
    public var participants: Int
    public var evaluated: Int
    public var passed: Int

    public init(participants: Int, evaluated: Int, passed: Int) {
        self.participants = participants
        self.evaluated = evaluated
        self.passed = passed
    }

    public init(_ table: ResultsTable, passingScore: Double) {
        let scores = table.evaluated
        self.init(participants: table.participants.count, evaluated: scores.count,
                  passed: scores.filter { $0 + 1e-9 >= passingScore }.count)
    }

    /// Combines several files (e.g. every replica of a request).
    public static func total(_ parts: [Effectiveness]) -> Effectiveness {
        parts.reduce(Effectiveness(participants: 0, evaluated: 0, passed: 0)) {
            Effectiveness(participants: $0.participants + $1.participants, evaluated: $0.evaluated + $1.evaluated,
                          passed: $0.passed + $1.passed)
        }
    }

    /// 0–100, nil when nobody was evaluated.
    public var percent: Double? { evaluated == 0 ? nil : 100 * Double(passed) / Double(evaluated) }

    public func meets(target: Double) -> Bool? { percent.map { $0 + 1e-9 >= target } }
}
