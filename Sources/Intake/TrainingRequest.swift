/// A training request as an OCM professional reads it from a mail: the fields of 4.2.1, who
/// asks and for what kind of training, what material came, and the test. No verdict yet.
public struct TrainingRequest: Sendable, Hashable {
    /// ASUNTO DEL CORREO, or the mail's subject without client prefixes.
    public var topic: String?
    public var area: String
    public var kind: String
    public var productionDate: CivilDate?
    public var trainingDate: CivilDate?
    /// `trainingDate` is the day written for a week ("la semana del 8 de junio"): the training
    /// is its first business day (`RequestEvaluator.settled`).
    public var trainingWeek = false
    /// FECHA DE SALIDA A PRODUCCIÓN says "no aplica" (a reinforcement of a current process).
    public var productionNotApplicable = false
    /// Topics taught (TEMAS), at least one.
    public var topics: [String]
    /// Questions counted in the test (body TEST field and test attachments), per topic group.
    public var questionCount: QuestionCount
    /// Questions the sender says the test has ("Adjunto, 6 preguntas"), when stated.
    public var declaredQuestions: Int?
    /// The mail says a test is attached ("adjunto el test"), with or without a count.
    public var testAnnounced = false
    /// Conditions of rules.yaml the request states (convocatoria, condonable, ...).
    public var conditions: Set<String>
    /// Material code → what satisfied it (file names, "campo CONTEXTO DEL PROYECTO", ...).
    public var material: [String: [String]]
    public var attachments: [AttachmentEvidence]
    /// Category per attachment, in `attachments` order.
    public var categories: [String?]
    /// Whether anything in the mail looks like a training request at all.
    public var looksLikeRequest: Bool
    /// Problems that the reviewer should know about (unreadable attachment, ...).
    public var warnings: [String]

    /// Questions the procedure counts: what was counted, or what was declared when the test
    /// document could not be read.
    public var questions: Int? {
        if questionCount.total > 0 { return questionCount.total }
        return declaredQuestions
    }
}
