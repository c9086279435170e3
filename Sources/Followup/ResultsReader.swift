import Foundation
import Intake

/// Reads the provider's attendance and test-results files (5.2.13): xlsx or csv, the header
/// anywhere in the first rows and worded as each provider likes, scores as "85%", 0.85, 85 or
/// 4,3 (of 5), blank rows and a totals row ignored.
public enum ResultsReader {
    static let scoreHeaders = ["nota", "calificacion", "puntaje", "resultado", "score", "porcentaje", "nota final",
                               "calificacion final", "resultado evaluacion", "resultado test", "puntuacion", "aciertos"]
    static let attendanceHeaders = ["asistio", "asistencia", "asiste", "presente"]
    static let nameHeaders = ["nombre", "nombres", "participante", "colaborador", "asesor", "nombre completo", "apellidos",
                              "documento", "cedula", "identificacion"]

    public static func read(file bytes: [UInt8], filename: String) throws -> ResultsTable {
        let lower = filename.lowercased()
        if lower.hasSuffix(".csv") || lower.hasSuffix(".txt") {
            let text = String(decoding: bytes, as: UTF8.self)
            let fixed = text.contains("\u{FFFD}") ? String(bytes.map { Character(Unicode.Scalar($0)) }) : text
            return try read(rows: CSVTable.rows(fixed))
        }
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") {
            let (document, _) = OfficeInspector.inspect(bytes, filename: filename)
            guard let document, document.kind == .xlsx else { throw ResultsReadError.unreadableSpreadsheet(filename) }
            var lastError: ResultsReadError = .noScoreColumn
            for sheet in document.sheets {
                do { return try read(rows: sheet.rows) } catch let error as ResultsReadError { lastError = error }
            }
            throw lastError
        }
        throw ResultsReadError.unsupportedFile(filename)
    }

    public static func read(rows: [[String]]) throws -> ResultsTable {
        guard let (headerIndex, scoreColumn) = header(in: rows) else { throw ResultsReadError.noScoreColumn }
        let headerRow = rows[headerIndex].map { TextNormalizer.key($0) }
        let attendanceColumn = headerRow.firstIndex { key in attendanceHeaders.contains { key.hasPrefix($0) } }
        let nameColumns = headerRow.indices.filter { i in i != scoreColumn && nameHeaders.contains { headerRow[i].hasPrefix($0) } }
        var raw: [(row: Int, score: String, attended: Bool)] = []
        var blank = 0
        for index in rows.indices where index > headerIndex {
            let row = rows[index]
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { blank += 1; continue }
            let first = TextNormalizer.key(row.first ?? "")
            if first.hasPrefix("total") || first.hasPrefix("promedio") { continue }
            let hasName = nameColumns.isEmpty || nameColumns.contains { $0 < row.count && !row[$0].trimmingCharacters(in: .whitespaces).isEmpty }
            let score = scoreColumn < row.count ? row[scoreColumn].trimmingCharacters(in: .whitespaces) : ""
            guard hasName || !score.isEmpty else { blank += 1; continue }
            let attendance = attendanceColumn.flatMap { $0 < row.count ? TextNormalizer.key(row[$0]) : nil } ?? ""
            let absent = ["no", "n", "0", "ausente", "falso", "false", "no asistio"].contains(attendance)
            raw.append((index + 1, score, !absent))
        }
        guard !raw.isEmpty else { throw ResultsReadError.noParticipants }
        let scale = try Self.scale(header: rows[headerIndex][scoreColumn], values: raw.map { ($0.row, $0.score) })
        let participants = raw.map { item in
            ParticipantResult(score: number(item.score).map(scale.normalise), attended: item.attended)
        }
        return ResultsTable(participants: participants, scale: scale, scoreColumn: rows[headerIndex][scoreColumn], skippedBlankRows: blank)
    }

    /// The first row (of the first 15) with a score column, and that column.
    static func header(in rows: [[String]]) -> (Int, Int)? {
        for (index, row) in rows.prefix(15).enumerated() {
            let keys = row.map { TextNormalizer.key($0) }
            if let column = keys.firstIndex(where: { key in scoreHeaders.contains { key == $0 || key.hasPrefix($0 + " ") } }) {
                return (index, column)
            }
        }
        return nil
    }

    /// Percent when a value carries `%` or the header says so; else fraction when every value
    /// is ≤ 1, 0–5 when the header says "/5", "sobre 5", "0 a 5", or every value is ≤ 5; else 0–100.
    static func scale(header: String, values: [(row: Int, text: String)]) throws -> ScoreScale {
        var numbers: [Double] = []
        for (row, text) in values where !text.isEmpty && !isMissingScore(text) {
            guard let value = number(text) else { throw ResultsReadError.badScore(row: row, value: text) }
            numbers.append(value)
        }
        let key = TextNormalizer.key(header)
        if header.contains("%") || values.contains(where: { $0.text.contains("%") }) || key.contains("porcentaje") { return .percent }
        if header.contains("/5") || key.contains("sobre 5") || key.contains("0 a 5") || key.contains("1 a 5") { return .five }
        if header.contains("/100") || key.contains("sobre 100") { return .hundred }
        guard let top = numbers.max() else { return .hundred }
        if top <= 1 { return .fraction }
        if top <= 5 { return .five }
        return .hundred
    }

    static func isMissingScore(_ text: String) -> Bool {
        ["-", "n/a", "na", "no presento", "pendiente", "sin nota"].contains(TextNormalizer.fold(text.trimmingCharacters(in: .whitespaces)))
    }

    /// "85%", "85", "4,3", "0.85", "85,5 %"; nil for anything else.
    static func number(_ text: String) -> Double? {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("%") { t = String(t.dropLast()).trimmingCharacters(in: .whitespaces) }
        t = t.replacingOccurrences(of: ",", with: ".")
        guard !t.isEmpty, let value = Double(t), value.isFinite, value >= 0 else { return nil }
        return value
    }
}
