/// The verdict `ocm-intake inspect --json` prints for one mail: the stable contract of
/// design.md. Keys with no value yet are present with `null`.
public struct Inspection: Sendable, Hashable {
    public struct Attachment: Sendable, Hashable, Codable {
        public var filename: String?
        public var contentType: String
        public var bytes: Int
        /// Material code (`presentacion`, `reglamento`, ...) or nil when not material.
        public var category: String?

        public init(filename: String?, contentType: String, bytes: Int, category: String? = nil) {
            self.filename = filename
            self.contentType = contentType
            self.bytes = bytes
            self.category = category
        }
    }

    public struct Deadline: Sendable, Hashable, Codable {
        public var rule: String
        public var due: String
        public var met: Bool
        /// The days asked of this request (fewer than the rule's when Nota 2's relief applied).
        public var days: Int?

        public init(rule: String, due: String, met: Bool, days: Int? = nil) {
            self.rule = rule
            self.due = due
            self.met = met
            self.days = days
        }
    }

    public var file: String
    public var messageId: String?
    public var from: String?
    public var subject: String?
    public var topic: String?
    public var area: String?
    public var kind: String?
    public var productionDate: String?
    public var trainingDate: String?
    public var topics: Int?
    public var questions: Int?
    public var attachments: [Attachment]
    public var viable: Bool?
    public var missing: [String]?
    public var deadlines: [Deadline]?
    public var reply: String?
    public var skipReason: String?
    public var observations: [String]?
    /// The operational plan of 4.1 for a viable request (a key added to the contract).
    public var plan: OperationalPlan?
    /// What could not be decided (area, kind): the reply is `revision-manual` (a key added).
    public var undecided: [String]?
    /// The proposed date of the 5.2.4 work table when the request is not viable (a key added).
    public var workTableDate: String?
    /// The typed request and verdict behind these strings, for the reply drafter (which needs
    /// dates, not their text). Not part of the JSON: present only on a fresh inspection.
    public var request: TrainingRequest?
    public var verdict: Verdict?

    public init(file: String) {
        self.file = file
        self.attachments = []
    }
}

extension Inspection: Codable {
    enum CodingKeys: String, CodingKey {
        case file, messageId, from, subject, topic, area, kind, productionDate, trainingDate, topics,
             questions, attachments, viable, missing, deadlines, reply, skipReason, observations, plan, undecided, workTableDate
    }

    /// Every key is written, absent values as `null`: consumers rely on the key set.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(messageId, forKey: .messageId)
        try c.encode(from, forKey: .from)
        try c.encode(subject, forKey: .subject)
        try c.encode(topic, forKey: .topic)
        try c.encode(area, forKey: .area)
        try c.encode(kind, forKey: .kind)
        try c.encode(productionDate, forKey: .productionDate)
        try c.encode(trainingDate, forKey: .trainingDate)
        try c.encode(topics, forKey: .topics)
        try c.encode(questions, forKey: .questions)
        try c.encode(attachments, forKey: .attachments)
        try c.encode(viable, forKey: .viable)
        try c.encode(missing, forKey: .missing)
        try c.encode(deadlines, forKey: .deadlines)
        try c.encode(reply, forKey: .reply)
        try c.encode(skipReason, forKey: .skipReason)
        try c.encode(observations, forKey: .observations)
        try c.encode(plan, forKey: .plan)
        try c.encode(undecided, forKey: .undecided)
        try c.encode(workTableDate, forKey: .workTableDate)
    }
}
