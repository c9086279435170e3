import Intake

/// Why a day cannot hold a session; the text is what `schedule confirm` prints when it refuses.
public enum ANSViolation: Sendable, Hashable, CustomStringConvertible {
    case notBusinessDay(CivilDate)
    case outsideWindow(CivilDate, TrainingWindow)
    /// The conciliation with the provider needs `needed` business days after `today`; only `available` remain.
    case conciliationDoesNotFit(CivilDate, needed: Int, available: Int)
    /// The ISO week would exceed the cap: hours already booked, the session's hours, the cap.
    case weeklyCapExceeded(ISOWeek, booked: Double, adding: Double, cap: Double)

    public var description: String {
        switch self {
        case let .notBusinessDay(d):
            return "\(d) no es día hábil"
        case let .outsideWindow(d, w):
            return "\(d) está fuera de la ventana de capacitación (\(w.earliest) a \(w.latest))"
        case let .conciliationDoesNotFit(d, needed, available):
            return "la conciliación con el proveedor necesita \(needed) días hábiles antes de \(d); solo hay \(available)"
        case let .weeklyCapExceeded(week, booked, adding, cap):
            return "la semana \(week) ya tiene \(Hours.text(booked)) h de capacitación; con \(Hours.text(adding)) h más supera el ANS de \(Hours.text(cap)) h"
        }
    }
}

/// Hours as people write them: 2, 1,5.
public enum Hours {
    public static func text(_ hours: Double) -> String {
        if hours == hours.rounded() { return String(Int(hours)) }
        return String(format: "%.1f", hours).replacingOccurrences(of: ".", with: ",")
    }

    /// Reads a DURACIÓN value: "2 horas", "1,5 h", "90 minutos", "1 hora 30 minutos", "2". Nil when
    /// no number is found.
    public static func parse(_ text: String) -> Double? {
        let lower = text.lowercased().replacingOccurrences(of: ",", with: ".")
        var total = 0.0
        var found = false
        let scanner = lower.split(whereSeparator: { !($0.isNumber || $0 == "." || $0.isLetter) })
        var pending: Double?
        for token in scanner {
            var t = Substring(token)
            let number = t.prefix(while: { $0.isNumber || $0 == "." })
            if !number.isEmpty, let value = Double(number) {
                if let p = pending { total += p }
                pending = value
                found = true
                t = t.dropFirst(number.count)
                if t.isEmpty { continue }
            }
            if let p = pending, t.hasPrefix("min") { total += p / 60; pending = nil }
            else if let p = pending, t.hasPrefix("h") { total += p; pending = nil }
        }
        if let p = pending { total += p }
        return found && total > 0 ? total : nil
    }
}

/// The session length the area asked for: the DURACIÓN field of its mails (4.2.1), read with the
/// same label table as the other fields.
public enum SessionDuration {
    public static func hours(inMailBody text: String) -> Double? {
        LabeledFieldExtractor.extract(from: text)[.duracion].flatMap { Hours.parse($0.value) }
    }
}
