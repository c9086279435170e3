/// Why a mail could not be read, as the `ilegible` reply explains it to the requester: what was
/// too large or unreadable, so they know what to send again.
public enum ReadProblem: Sendable, Hashable {
    /// The whole mail was over the size limit.
    case messageTooLarge(bytes: Int, limit: Int)
    /// One attachment was over the per-file limit.
    case attachmentTooLarge(filename: String?, bytes: Int, limit: Int)
    /// A file that could not be opened; `reason` in Spanish ("está protegido con contraseña").
    case unreadableAttachment(filename: String?, reason: String?)
    /// The mail itself was damaged (its structure or text could not be read).
    case unreadableMessage

    /// What `problema.mustache` sees: one key for the case (`correoGrande`, `adjuntoGrande`,
    /// `adjuntoIlegible`, `correoDanado`) with `tamano`, `limite`, `archivo`, `motivo`.
    var model: [String: Any] {
        switch self {
        case let .messageTooLarge(bytes, limit):
            return ["correoGrande": ["tamano": Self.size(bytes), "limite": Self.size(limit)]]
        case let .attachmentTooLarge(filename, bytes, limit):
            return ["adjuntoGrande": Self.file(filename).merging(["tamano": Self.size(bytes), "limite": Self.size(limit)]) { $1 }]
        case let .unreadableAttachment(filename, reason):
            var values = Self.file(filename)
            values["conMotivo"] = reason != nil
            if let reason { values["motivo"] = reason.singleLine }
            return ["adjuntoIlegible": values]
        case .unreadableMessage:
            return ["correoDanado": true]
        }
    }

    static func file(_ name: String?) -> [String: Any] {
        var values: [String: Any] = ["conArchivo": name != nil]
        if let name { values["archivo"] = name.singleLine }
        return values
    }

    /// "38,2 MB", "950 KB", "12 bytes": binary units, a decimal comma as written in Colombia.
    static func size(_ bytes: Int) -> String {
        let units: [(Int, String)] = [(1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")]
        for (scale, unit) in units where bytes >= scale {
            let tenths = (bytes * 10 + scale / 2) / scale
            let text = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10),\(tenths % 10)"
            return "\(text) \(unit)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}
