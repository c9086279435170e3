/// The opening date of the convocatoria / product, and whether it came from the labelled
/// FECHA DE SALIDA A PRODUCCIÓN field or from prose ("saldrá a producción el …").
public struct ProductionDate: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable, Codable {
        case labeled, prose
    }

    public var parts: DateParts
    public var source: Source

    public init(parts: DateParts, source: Source) {
        self.parts = parts
        self.source = source
    }
}
