import Foundation
import Intake
import MIME

/// The plain Spanish drafts after the results (5.2.13–5.2.15): a reinforcement proposal when
/// effectiveness is below target, and a polite note to the provider when a file cannot be read.
/// They wait in Drafts for a person; nothing here is sent to the provider automatically.
public struct FollowupDraft: Sendable {
    public var subject: String
    public var text: String
    public var from: Mailbox
    public var to: [Mailbox]
    public var cc: [Mailbox]

    public func build(date: Date, messageID: String) -> [UInt8] {
        var builder = MessageBuilder(body: .plain(text))
        builder.add("From", mailboxes: [from])
        builder.add("To", mailboxes: to)
        builder.add("Cc", mailboxes: cc)
        builder.add("Subject", text: subject)
        builder.add("Date", date: date, offsetMinutes: -300)
        builder.add("Message-ID", messageIDs: [messageID])
        return builder.build()
    }

    static func percent(_ value: Double?) -> String {
        guard let value else { return "sin evaluados" }
        return String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",") + " %"
    }

    /// 5.2.15: below target, propose a reinforcement to the area and OCM.
    public static func reinforcement(requestID: String, topic: String?, source: ResultSource, result: Effectiveness,
                                     config: FollowupConfig, from: Mailbox, to: [Mailbox], cc: [Mailbox]) -> FollowupDraft {
        let who = source == .misional ? "la sesión de la misional" : "las réplicas del proveedor"
        let text = """
            Buen día,

            Recibimos los resultados de la evaluación de \(who) de la solicitud \(requestID)\(topic.map { " (\($0))" } ?? "").

            - Participantes: \(result.participants)
            - Evaluados: \(result.evaluated)
            - Aprobados (nota igual o superior a \(Hours.text(config.passingScore))): \(result.passed)
            - % de efectividad: \(percent(result.percent)) (meta: \(Hours.text(config.targetPercent)) %)

            El resultado está por debajo de la meta, por lo que proponemos una sesión de refuerzo (5.2.15). \
            Si están de acuerdo, respondan a este correo conservando [\(requestID)] en el asunto e indiquen \
            los temas a reforzar; abriremos una solicitud de refuerzo vinculada a esta.

            Cordialmente,

            Gestión del Conocimiento
            Oficina Comercial y de Mercadeo - ICETEX

            """
        return FollowupDraft(subject: "[\(requestID)] Propuesta de refuerzo: % de efectividad por debajo de la meta",
                             text: text, from: from, to: to, cc: cc)
    }

    /// A results file that could not be read: what was wrong, and what we need instead.
    public static func unreadable(requestID: String?, filename: String, problem: ResultsReadError,
                                  from: Mailbox, to: [Mailbox]) -> FollowupDraft {
        let tag = requestID.map { "[\($0)] " } ?? ""
        let text = """
            Buen día,

            Gracias por enviar los resultados\(requestID.map { " de la solicitud \($0)" } ?? ""). \
            No pudimos leer el archivo «\(filename)»: \(problem).

            Les agradecemos reenviarlo en formato .xlsx o .csv, con una fila de encabezados que incluya \
            el nombre del participante, la asistencia y la calificación (en porcentaje, de 0 a 100 o de 0 a 5), \
            conservando \(requestID.map { "[\($0)]" } ?? "la etiqueta de la solicitud") en el asunto.

            Cordialmente,

            Gestión del Conocimiento
            Oficina Comercial y de Mercadeo - ICETEX

            """
        return FollowupDraft(subject: "\(tag)Resultados: no pudimos leer el archivo \(filename)", text: text,
                             from: from, to: to, cc: [])
    }
}
