/// Questions found in a test, in total and per topic: the procedure asks at least 5 questions
/// per topic taught, so a total alone cannot say whether a test is enough.
public struct QuestionCount: Sendable, Hashable {
    /// Questions under one topic heading; `topic` is nil for questions before any heading.
    public struct Group: Sendable, Hashable {
        public var topic: String?
        public var questions: Int

        public init(topic: String?, questions: Int) {
            self.topic = topic
            self.questions = questions
        }
    }

    /// In order of appearance. A heading with no questions under it is kept (0 questions is
    /// what an observation must report); an untitled group appears only when it has questions.
    public var groups: [Group]

    public init(groups: [Group] = []) {
        self.groups = groups
    }

    public var total: Int { groups.reduce(0) { $0 + $1.questions } }

    /// Named topics (headings) only.
    public var topics: [Group] { groups.filter { $0.topic != nil } }
}
