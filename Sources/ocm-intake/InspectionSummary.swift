import Intake

/// The readable Spanish summary `inspect` prints for OCM staff.
struct InspectionSummary {
    let inspection: Inspection

    init(_ inspection: Inspection) { self.inspection = inspection }

    static let replyNames = ["observaciones": "observaciones (5.2.4)", "aprobacion": "concepto viable y plan operativo (5.2.5)",
                             "revision-manual": "revisión manual por OCM (no se escribe al área)",
                             "ninguna": "ninguna"]
    static let skipNames = [
        "auto_submitted": "respuesta automática (fuera de oficina u otra)", "bounce": "rebote o aviso de entrega",
        "mailing_list": "lista de correo o envío masivo", "own_address": "enviado por un buzón de OCM",
        "sender_not_allowed": "remitente externo a ICETEX", "duplicate": "correo repetido",
        "rate_limited": "demasiados correos del remitente hoy", "not_a_request": "no es una solicitud de capacitación",
    ]

    var text: String {
        let i = inspection
        var lines = ["== \(i.file)"]
        lines.append("Remitente: \(i.from ?? "(sin remitente)")")
        lines.append("Asunto: \(i.subject ?? "(sin asunto)")")
        if let reason = i.skipReason {
            lines.append("Respuesta: ninguna — \(Self.skipNames[reason] ?? reason)")
            return lines.map(TerminalText.escapedLine).joined(separator: "\n")
        }
        if let tag = i.subject.flatMap(RequestTag.find) {
            lines.append("Nota: es una respuesta a la solicitud \(tag); aquí se evalúa sola, el servicio la une a su solicitud.")
        }
        if let topic = i.topic { lines.append("Tema: \(topic)") }
        lines.append("Área: \(i.area ?? "?") · Tipo: \(i.kind ?? "?")")
        lines.append("Salida a producción: \(i.productionDate ?? "no indicada")" + (i.trainingDate.map { " · Capacitación: \($0)" } ?? ""))
        lines.append("Test: \(i.questions.map { "\($0) preguntas" } ?? "sin preguntas") · Temas: \(i.topics ?? 1)")
        if i.attachments.isEmpty {
            lines.append("Adjuntos: ninguno")
        } else {
            lines.append("Adjuntos (\(i.attachments.count)):")
            for a in i.attachments {
                let category = a.category.map { " → \($0)" } ?? ""
                lines.append("  - \(a.filename ?? "(sin nombre)") · \(Self.size(a.bytes))\(category)")
            }
        }
        for d in i.deadlines ?? [] {
            lines.append("Plazo \(d.rule): hasta \(d.due) — \(d.met ? "cumple" : "NO cumple")")
        }
        lines.append("Veredicto: \(i.viable == true ? "VIABLE" : "NO VIABLE")" + ((i.missing ?? []).isEmpty ? "" : " · falta: \(i.missing!.joined(separator: ", "))"))
        lines.append("Respuesta: \(Self.replyNames[i.reply ?? ""] ?? i.reply ?? "?")")
        for observation in i.observations ?? [] { lines.append("  • \(observation)") }
        if let plan = i.plan { lines += PlanSummary(plan: plan).lines }
        // Subject, sender and file names come from the mail: no terminal controls get through.
        return lines.map(TerminalText.escapedLine).joined(separator: "\n")
    }

    /// Sizes as staff read them: "48,2 KB".
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let kb = Double(bytes) / 1024
        if kb < 1024 { return format(kb) + " KB" }
        return format(kb / 1024) + " MB"
    }

    private static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10),\(tenths % 10)"
    }
}
