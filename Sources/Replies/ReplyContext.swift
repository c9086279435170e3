import Foundation
import Intake
import MIME

/// Everything one reply says, as values: who writes to whom, the request and its thread, the
/// verdict's content, and the pinned moment and host that make the output reproducible.
public struct ReplyContext: Sendable {
    /// `OCM-2026-0001`.
    public var requestID: String
    /// 1 for the first reply to a request, 2 after the first follow-up, …
    public var revision: Int
    public var kind: ReplyKind
    /// The OCM mailbox that answers (aseguramientoocm@).
    public var from: Mailbox
    /// The other OCM mailbox (formacionocm@), in copy.
    public var cc: [Mailbox]
    /// To: the requester, Reply-To honoured (`IncomingMail.replyTarget`).
    public var requester: Mailbox
    public var incoming: IncomingMail
    /// ASUNTO DEL CORREO; nil when none was found (the subject is used instead).
    public var topic: String?
    /// "Vicepresidencia de Fondos en Administración" (`AreaRule.name`).
    public var areaName: String?
    /// The verdict's observations, in order (worded by `observacion.mustache`).
    public var observations: [Observation]
    public var plan: OperationalPlan?
    public var productionDate: CivilDate?
    public var trainingDate: CivilDate?
    public var deadlines: [ReplyDeadline]
    /// For `ilegible`: what could not be read.
    public var problems: [ReadProblem]
    /// For `revision-manual`: what could not be decided ("el área solicitante", …).
    public var undecided: [String] = []
    /// For `observaciones`: the proposed day of the 5.2.4 work table.
    public var workTableDate: CivilDate?
    /// The Date field's instant (the clock's reading, injected).
    public var date: Date
    /// Bogotá, -0500 all year.
    public var timeZoneOffsetMinutes: Int
    /// The right-hand side of the Message-ID.
    public var hostname: String

    public init(requestID: String, revision: Int, kind: ReplyKind, from: Mailbox, cc: [Mailbox], requester: Mailbox,
                incoming: IncomingMail, topic: String? = nil, areaName: String? = nil, observations: [Observation] = [],
                plan: OperationalPlan? = nil, productionDate: CivilDate? = nil, trainingDate: CivilDate? = nil,
                deadlines: [ReplyDeadline] = [], problems: [ReadProblem] = [], date: Date,
                timeZoneOffsetMinutes: Int = -300, hostname: String) {
        self.requestID = requestID
        self.revision = revision
        self.kind = kind
        self.from = from
        self.cc = cc
        self.requester = requester
        self.incoming = incoming
        self.topic = topic
        self.areaName = areaName
        self.observations = observations
        self.plan = plan
        self.productionDate = productionDate
        self.trainingDate = trainingDate
        self.deadlines = deadlines
        self.problems = problems
        self.date = date
        self.timeZoneOffsetMinutes = timeZoneOffsetMinutes
        self.hostname = hostname
    }
}
