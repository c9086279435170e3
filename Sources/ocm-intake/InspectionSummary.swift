import Intake

/// The readable Spanish summary `inspect` prints for OCM staff.
struct InspectionSummary {
    let inspection: Inspection

    init(_ inspection: Inspection) { self.inspection = inspection }

    var text: String {
        var lines = ["== \(inspection.file)"]
        lines.append("Remitente: \(inspection.from ?? "(sin remitente)")")
        lines.append("Asunto: \(inspection.subject ?? "(sin asunto)")")
        if let id = inspection.messageId { lines.append("Message-ID: \(id)") }
        if inspection.attachments.isEmpty {
            lines.append("Adjuntos: ninguno")
        } else {
            lines.append("Adjuntos (\(inspection.attachments.count)):")
            for a in inspection.attachments {
                let category = a.category.map { " → \($0)" } ?? ""
                lines.append("  - \(a.filename ?? "(sin nombre)") · \(a.contentType) · \(Self.size(a.bytes))\(category)")
            }
        }
        return lines.joined(separator: "\n")
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
