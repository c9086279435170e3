/// A body split into what the sender wrote now, their signature and the earlier mails they
/// quoted. Only `text` feeds fields: a reply quoting our observations would otherwise read
/// its own quoted "ASUNTO:" lines back as the request.
public struct CleanedBody: Sendable, Hashable {
    /// The sender's own words.
    public var text: String
    /// Closing and name block ("Cordialmente, / Ana María Pérez / Profesional Vicepresidencia
    /// de Fondos en Administración"), kept because it names the requesting area.
    public var signature: String?
    /// Earlier mails below an attribution or Outlook header block, and `>` lines.
    public var quoted: String?

    public init(text: String, signature: String? = nil, quoted: String? = nil) {
        self.text = text
        self.signature = signature
        self.quoted = quoted
    }
}
