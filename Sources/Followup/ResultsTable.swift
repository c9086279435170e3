import Foundation
import Intake

/// Whose session a results file measures (section 5: both count, apart).
public enum ResultSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// The misional area's own session (5.2.6).
    case misional
    /// The provider's replicas to its channels (5.2.12).
    case replica
}

/// One participant's line. Names are read only to tell rows apart; nothing personal is kept.
public struct ParticipantResult: Sendable, Hashable {
    /// Score on 0–100; nil when the row has none (not evaluated).
    public var score: Double?
    /// False when the attendance column says the person did not attend.
    public var attended: Bool

    public init(score: Double?, attended: Bool = true) {
        self.score = score
        self.attended = attended
    }
}

/// The scale the provider wrote its scores in, told apart by the header and the values.
public enum ScoreScale: String, Sendable, Hashable, Codable {
    case percent, fraction, hundred, five

    func normalise(_ value: Double) -> Double {
        switch self {
        case .percent, .hundred: return value
        case .fraction: return value * 100
        case .five: return value * 20
        }
    }
}

/// A results file read: participants with scores on 0–100, and how the file was understood.
public struct ResultsTable: Sendable, Hashable {
    public var participants: [ParticipantResult]
    public var scale: ScoreScale
    public var scoreColumn: String
    public var skippedBlankRows: Int

    public var evaluated: [Double] { participants.filter(\.attended).compactMap(\.score) }
}

/// Why a results file could not be read; the text goes, politely, to the provider.
public enum ResultsReadError: Error, Sendable, Hashable, CustomStringConvertible {
    case unsupportedFile(String)
    case unreadableSpreadsheet(String)
    case noScoreColumn
    case noParticipants
    case badScore(row: Int, value: String)

    public var description: String {
        switch self {
        case let .unsupportedFile(name):
            return "el archivo \(name) no es una hoja de cálculo que podamos leer (se esperan archivos .xlsx o .csv)"
        case let .unreadableSpreadsheet(name):
            return "el archivo \(name) está dañado o protegido con contraseña y no se pudo abrir"
        case .noScoreColumn:
            return "no encontramos la columna de calificación (por ejemplo «Nota», «Calificación», «Puntaje» o «Resultado»)"
        case .noParticipants:
            return "el archivo no tiene filas de participantes con datos"
        case let .badScore(row, value):
            return "la fila \(row) tiene una calificación que no es un número («\(value)»)"
        }
    }
}
