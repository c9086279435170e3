/// What a TEST field says about its questions: how many the sender declares ("Adjunto, 6
/// preguntas") and how many are actually written there. They are kept apart because they
/// disagree in practice and the observation should say which one fell short.
public struct QuestionTally: Sendable, Hashable {
    public var declared: Int?
    public var counted: QuestionCount

    public init(declared: Int?, counted: QuestionCount) {
        self.declared = declared
        self.counted = counted
    }
}
