/// A canonical request field (4.2.1 and the fields areas add). A string-backed value rather
/// than an enum so a rules file can name fields this build does not know.
public struct FieldKey: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    /// ASUNTO DEL CORREO: the session's topic or the project's name.
    public static let asunto: FieldKey = "asunto"
    /// FECHA DE SALIDA A PRODUCCIÓN: the convocatoria's opening date.
    public static let fechaProduccion: FieldKey = "fechaProduccion"
    /// MATERIAL DE APOYO.
    public static let material: FieldKey = "material"
    /// TEST: the questions, or a note that they are attached.
    public static let test: FieldKey = "test"
    /// CONTEXTO DEL PROYECTO: required of project requests.
    public static let contexto: FieldKey = "contexto"
    /// TEMAS: the topics taught (each needs 5 questions).
    public static let temas: FieldKey = "temas"
    /// FECHA DE CAPACITACIÓN: the proposed session date.
    public static let fechaCapacitacion: FieldKey = "fechaCapacitacion"
    /// DURACIÓN of the session (the ANS caps training hours per week).
    public static let duracion: FieldKey = "duracion"
    /// ÁREA solicitante.
    public static let area: FieldKey = "area"
    /// TIPO DE SOLICITUD (new topic, update, project...).
    public static let tipo: FieldKey = "tipo"
}
