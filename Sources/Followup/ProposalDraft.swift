import Foundation
import Intake
import MIME

/// The 5.2.5 proposal mail (Spanish): from formacionocm@ to the area, Aseguramiento in copy, the
/// session, the provider's diffusion week and the conciliation start, with the `.ics` attached.
public struct ProposalDraft: Sendable {
    public var proposal: SessionProposal
    public var topic: String?
    public var from: Mailbox
    public var to: [Mailbox]
    public var cc: [Mailbox]
    public var date: Date
    public var hostname: String
    public var weeklyCap: Double
    public var sequence: Int
    /// The directors' agreed exception (4.2.1 Nota), when the session breaks an ANS rule.
    public var exception: String?

    public init(proposal: SessionProposal, topic: String?, from: Mailbox, to: [Mailbox], cc: [Mailbox], date: Date,
                hostname: String, weeklyCap: Double, sequence: Int = 0, exception: String? = nil) {
        self.proposal = proposal
        self.topic = topic
        self.from = from
        self.to = to
        self.cc = cc
        self.date = date
        self.hostname = hostname
        self.weeklyCap = weeklyCap
        self.sequence = sequence
        self.exception = exception
    }

    var session: TrainingSession { proposal.session }

    public var subject: String {
        "[\(session.requestID)] Propuesta de sesión de capacitación" + (topic.map { ": \($0)" } ?? "")
    }

    /// Tentative: the session is a proposal until staff confirm it (`schedule confirm`).
    public var invitation: CalendarInvitation {
        var invitation = CalendarInvitation(
            session: session, summary: "Capacitación \(session.requestID)" + (topic.map { ": \($0)" } ?? ""),
            description: "Sesión de capacitación de la solicitud \(session.requestID) (procedimiento M5-1-21, 5.2.5).",
            organizer: from, attendees: to + cc, stamp: date, hostname: hostname, sequence: sequence)
        invitation.tentative = true
        return invitation
    }

    public var text: String {
        let s = session
        let week = proposal.diffusionWeek
        let load = proposal.weekHoursBooked + s.hours
        var lines = [
            "Buen día,", "",
            "Gestión del Conocimiento de la OCM propone la siguiente sesión de capacitación para la solicitud \(s.requestID)"
                + (topic.map { " (\($0))" } ?? "") + ":", "",
            "- Fecha: \(Observation.spanish(s.date))",
            "- Hora: \(s.startText) a \(TrainingSession.clock(s.endMinutes)) (hora de Bogotá)",
            "- Duración: \(Hours.text(s.hours)) h",
            "- Audiencia: \(s.audience)",
            "- Lugar o enlace: \(s.place)", "",
            "Réplica del proveedor: la divulgación en los canales de atención se hará en la semana \(week), del "
                + "\(Observation.spanish(week.monday)) al \(Observation.spanish(week.monday.adding(days: 4))). "
                + "Las sesiones de lunes a miércoles se replican la misma semana; las de jueves y viernes, la semana siguiente (4.2.1, Nota).", "",
            "Conciliación con el proveedor: los temas se concilian desde el \(Observation.spanish(proposal.conciliationStart)), "
                + "16 días hábiles antes de la sesión (ANS).", "",
            "Carga de la semana \(ISOWeek(containing: s.date)): con esta sesión suma \(Hours.text(load)) h de capacitación "
                + "de las \(Hours.text(weeklyCap)) h semanales que permite el ANS.",
        ]
        if let exception {
            lines += ["", "Excepción acordada con los directores (4.2.1, Nota): \(exception)"]
        }
        lines += [
            "",
            "Adjuntamos la invitación (archivo .ics). Si la fecha no les conviene, respondan a este correo conservando "
                + "[\(s.requestID)] en el asunto.", "",
            "Cordialmente,", "",
            "Gestión del Conocimiento",
            "Oficina Comercial y de Mercadeo - ICETEX",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    public var messageID: String {
        "<\(session.requestID).sesion.s\(sequence)@\(hostname.isEmpty ? "ocm-intake.invalid" : hostname)>"
    }

    public func build() -> [UInt8] {
        var builder = MessageBuilder(body: .plain(text))
        builder.add("From", mailboxes: [from])
        builder.add("To", mailboxes: to)
        builder.add("Cc", mailboxes: cc)
        builder.add("Subject", text: subject)
        builder.add("Date", date: date, offsetMinutes: -300)
        builder.add("Message-ID", messageIDs: [messageID])
        let ics = MailAttachment(filename: "\(session.requestID).ics", contentType: "text/calendar; method=REQUEST; charset=utf-8",
                                 bytes: Array(invitation.render().utf8))
        return MixedMessage.build(builder, attachments: [ics])
    }
}
