import Intake
import MIME

/// The values a template sees, under Spanish names (see `Templates/README.md`): every text on
/// one line, every date written out in Spanish, lists numbered. Keys that have no value are
/// left out, so `{{#clave}}…{{/clave}}` and `{{^clave}}…{{/clave}}` choose between wordings.
enum ReplyModel {
    static func make(_ context: ReplyContext, templates: ReplyTemplates) -> [String: Any] {
        var model: [String: Any] = [
            "solicitud": context.requestID.singleLine,
            "revision": context.revision,
            "tema": topic(context),
            "observaciones": numbered(context.observations.map { ["texto": templates.observationText($0)] }),
            "plazos": context.deadlines.map { deadline -> [String: Any] in
                ["etiqueta": templates.deadlineText(deadline), "fecha": spanish(deadline.due), "cumplido": deadline.met]
            },
            "problemas": context.problems.map { ["texto": templates.problemText($0)] },
            "sinDecidir": context.undecided.map { ["texto": $0.singleLine] },
            "correoRespuesta": context.from.wireAddress,
        ]
        let copies = ReplyComposer.copies(context).map(\.wireAddress).joined(separator: ", ")
        if !copies.isEmpty { model["copia"] = copies }
        let name = (context.requester.displayName ?? "").singleLine
        if !name.isEmpty { model["nombre"] = name }
        if let area = context.areaName?.singleLine, !area.isEmpty { model["area"] = area }
        if let original = context.incoming.subject?.singleLine, !original.isEmpty { model["asuntoOriginal"] = original }
        let requester = context.requester.wireAddress
        if !requester.isEmpty { model["remitente"] = requester }
        if let date = context.productionDate { model["fechaProduccion"] = spanish(date) }
        if let date = context.trainingDate { model["fechaCapacitacion"] = spanish(date) }
        if let date = context.workTableDate { model["mesaTrabajo"] = spanish(date) }
        if context.revision > 1 { model["seguimiento"] = true }
        if let plan = context.plan { model["plan"] = self.plan(plan, templates: templates) }
        return model
    }

    /// ASUNTO DEL CORREO, else the incoming subject without prefixes, else a neutral phrase.
    static func topic(_ context: ReplyContext) -> String {
        if let topic = context.topic?.singleLine, !topic.isEmpty { return topic }
        return ReplySubject.topic(of: context.incoming.subject) ?? "solicitud de capacitación"
    }

    static func numbered(_ rows: [[String: Any]]) -> [[String: Any]] {
        rows.enumerated().map { index, row in row.merging(["numero": index + 1]) { old, _ in old } }
    }

    static func spanish(_ date: CivilDate) -> String { date.spanishText }
}
