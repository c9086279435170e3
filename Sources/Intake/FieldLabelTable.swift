/// Which written labels name which field. Areas write "ASUNTO DEL CORREO", "Asunto", "Tema",
/// in any case, with or without accents, sometimes misspelt; the table is data (a rules file
/// replaces `defaultSynonyms`) and matching forgives a typo in proportion to the label's length.
public struct FieldLabelTable: Sendable {
    /// Synonyms as the procedure and real mails write them; folded before use.
    public static let defaultSynonyms: [FieldKey: [String]] = [
        .asunto: ["ASUNTO DEL CORREO", "asunto", "tema", "tema de la capacitación", "nombre del proyecto"],
        .fechaProduccion: [
            "FECHA DE SALIDA A PRODUCCIÓN", "fecha salida a produccion", "fecha de salida",
            "salida a producción", "fecha de producción", "fecha de lanzamiento",
            "apertura de la convocatoria",
        ],
        .material: ["MATERIAL DE APOYO", "material"],
        .test: ["TEST", "prueba", "cuestionario", "evaluación"],
        .contexto: ["CONTEXTO DEL PROYECTO", "contexto", "impacto"],
        .temas: ["TEMAS", "temas a tratar", "temario"],
        .fechaCapacitacion: [
            "FECHA DE CAPACITACIÓN", "fecha de la capacitación", "fecha de formación", "fecha propuesta",
        ],
        .duracion: ["DURACIÓN", "duración de la sesión", "intensidad horaria"],
        .area: ["ÁREA", "área solicitante", "dependencia"],
        .tipo: ["TIPO DE SOLICITUD", "tipo"],
    ]

    /// Typos forgiven by label length (in folded characters), longest first: a 4-letter label
    /// must be exact ("tema" is one letter from "temas"), a long one survives two slips.
    public static let defaultTolerance: [(minimumLength: Int, maximumDistance: Int)] = [
        (12, 2), (5, 1),
    ]

    /// Longer candidates are prose, not labels (and not worth a distance computation).
    public static let maximumLabelLength = 60

    struct Entry: Sendable {
        var key: FieldKey
        var spelling: [Character]
        var maximumDistance: Int
    }

    let entries: [Entry]

    public init(synonyms: [FieldKey: [String]] = FieldLabelTable.defaultSynonyms,
                tolerance: [(minimumLength: Int, maximumDistance: Int)] = FieldLabelTable.defaultTolerance) {
        var entries: [Entry] = []
        for (key, spellings) in synonyms {
            for spelling in spellings {
                let folded = Array(TextNormalizer.key(spelling))
                guard !folded.isEmpty else { continue }
                let allowed = tolerance.first { folded.count >= $0.minimumLength }?.maximumDistance ?? 0
                entries.append(Entry(key: key, spelling: folded, maximumDistance: allowed))
            }
        }
        self.entries = entries
    }

    public static let standard = FieldLabelTable()

    /// The field `candidate` names, or nil. The closest spelling wins; a tie between two
    /// different fields is no match rather than a guess.
    public func field<S: StringProtocol>(forLabel candidate: S) -> FieldKey? {
        // Speed: a long line is rejected after at most `maximumLabelLength` + 1 Characters.
        guard candidate.utf8.count <= Self.maximumLabelLength
              || candidate.index(candidate.startIndex, offsetBy: Self.maximumLabelLength + 1, limitedBy: candidate.endIndex) == nil
        else { return nil }
        let folded = Array(TextNormalizer.key(candidate))
        guard !folded.isEmpty else { return nil }
        var best: (key: FieldKey, distance: Int)?
        var tied = false
        for entry in entries {
            guard let distance = EditDistance.distance(folded, entry.spelling, limit: entry.maximumDistance)
            else { continue }
            if best == nil || distance < best!.distance {
                best = (entry.key, distance)
                tied = false
            } else if distance == best!.distance, entry.key != best!.key {
                tied = true
            }
        }
        return tied ? nil : best?.key
    }
}
