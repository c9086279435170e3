import Foundation

/// The section 6 report as JSON, CSV (one row per request) or one self-contained HTML file
/// (inline CSS and SVG, no script, nothing fetched) that OCM opens in a browser.
public enum ReportRenderer {
    public static func json(_ report: FollowupReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(report)) ?? Data(), as: UTF8.self) + "\n"
    }

    public static func csv(_ report: FollowupReport) -> String {
        let header = ["solicitud", "area", "tipo", "estado", "rondas_observaciones", "dias_habiles_a_viable",
                      "completa_primer_correo", "material_a_tiempo", "test_aplicado", "efectividad_misional", "efectividad_replicas"]
        func cell(_ b: Bool?) -> String { b.map { $0 ? "si" : "no" } ?? "" }
        func cell(_ d: Double?) -> String { d.map { String(format: "%.1f", $0) } ?? "" }
        let lines = report.rows.map { r in
            [r.id, r.area, r.kind, r.state, String(r.observationRounds), r.businessDaysToViable.map(String.init) ?? "",
             cell(r.completeAtFirstMail), cell(r.deliveredOnTime), r.testApplied ? "si" : "no",
             cell(r.misionalPercent), cell(r.replicaPercent)].map(quote).joined(separator: ",")
        }
        return ([header.joined(separator: ",")] + lines).joined(separator: "\r\n") + "\r\n"
    }

    static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func pct(_ d: Double?) -> String {
        d.map { String(format: "%.1f", $0).replacingOccurrences(of: ".", with: ",") + " %" } ?? "—"
    }

    public static func html(_ report: FollowupReport) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="es"><head><meta charset="utf-8">
            <title>OCM — Informe de control \(report.from) a \(report.to)</title>
            <style>
            body{font-family:system-ui,Segoe UI,Arial,sans-serif;margin:24px;color:#1b2733;background:#fff}
            h1{color:#0b4f8a;font-size:22px}h2{color:#0b4f8a;font-size:17px;margin-top:28px}
            .cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #c9d6e3;border-radius:8px;padding:10px 14px;min-width:170px;background:#f4f8fc}
            .card b{display:block;font-size:24px;color:#0b4f8a}table{border-collapse:collapse;font-size:13px}
            td,th{border:1px solid #c9d6e3;padding:4px 8px;text-align:left}th{background:#e5eef7}.bad{color:#b3261e;font-weight:600}
            .charts{display:flex;gap:24px;flex-wrap:wrap}
            </style></head><body>
            <h1>Informe de control — procedimiento M5-1-21 (sección 6)</h1>
            <p>Periodo: \(report.from) a \(report.to). Solicitudes abiertas en el periodo: \(report.requests).</p>
            <div class="cards">
            <div class="card">Completas y a tiempo en el primer correo<b>\(pct(report.completeAtFirstMailPercent))</b>\(report.completeAtFirstMail) de \(report.judged)</div>
            <div class="card">Rondas de observaciones (promedio)<b>\(report.averageObservationRounds.map { String(format: "%.1f", $0).replacingOccurrences(of: ".", with: ",") } ?? "—")</b>por solicitud evaluada</div>
            <div class="card">Días hábiles hasta viable (promedio)<b>\(report.averageBusinessDaysToViable.map { String(format: "%.1f", $0).replacingOccurrences(of: ".", with: ",") } ?? "—")</b>desde el primer correo</div>
            <div class="card">Material al proveedor a tiempo<b>\(report.deliveredOnTime) de \(report.sessionsGiven)</b>test aplicado: \(report.testApplied) de \(report.sessionsGiven)</div>
            <div class="card">% de efectividad misional<b>\(pct(report.misional.percent))</b>\(report.misional.passed) de \(report.misional.evaluated) evaluados (meta \(pct(report.targetPercent)))</div>
            <div class="card">% de efectividad réplicas<b>\(pct(report.replica.percent))</b>\(report.replica.passed) de \(report.replica.evaluated) evaluados</div>
            </div>
            <h2>Carga semanal de capacitación frente al ANS (\(Hours.text(report.weeklyCap)) h por semana)</h2>
            \(weekChart(report))
            <div class="charts">
            <div><h2>Solicitudes por área</h2>\(barChart(report.byArea))</div>
            <div><h2>Por tipo</h2>\(barChart(report.byKind))</div>
            <div><h2>Por estado</h2>\(barChart(report.byState))</div>
            <div><h2>Por mes</h2>\(barChart(report.byMonth))</div>
            </div>
            <h2>Solicitudes</h2>
            <table><tr><th>Solicitud</th><th>Área</th><th>Tipo</th><th>Estado</th><th>Rondas</th><th>Días hábiles a viable</th>
            <th>Completa al primer correo</th><th>Material a tiempo</th><th>Test aplicado</th><th>Efectividad misional</th><th>Efectividad réplicas</th></tr>

            """
        func yes(_ b: Bool?) -> String { b.map { $0 ? "sí" : "<span class=\"bad\">no</span>" } ?? "—" }
        func eff(_ d: Double?) -> String {
            guard let d else { return "—" }
            return d + 1e-9 < report.targetPercent ? "<span class=\"bad\">\(pct(d))</span>" : pct(d)
        }
        for r in report.rows {
            out += "<tr><td>\(escape(r.id))</td><td>\(escape(r.area))</td><td>\(escape(r.kind))</td><td>\(escape(r.state))</td>"
            out += "<td>\(r.observationRounds)</td><td>\(r.businessDaysToViable.map(String.init) ?? "—")</td><td>\(yes(r.completeAtFirstMail))</td>"
            out += "<td>\(yes(r.deliveredOnTime))</td><td>\(r.testApplied ? "sí" : "no")</td><td>\(eff(r.misionalPercent))</td><td>\(eff(r.replicaPercent))</td></tr>\n"
        }
        out += "</table>\n<p>Generado por ocm-intake. Las cifras salen del registro (ledger) de solicitudes, sesiones y resultados.</p>\n</body></html>\n"
        return out
    }

    /// Bars of hours per ISO week, with the ANS line; a week over it is drawn red.
    static func weekChart(_ report: FollowupReport) -> String {
        let width = 40 * max(report.weeks.count, 1) + 60, height = 220, base = 180
        let top = max(report.weeklyCap * 1.5, report.weeks.map(\.hours).max() ?? 0, 1)
        func y(_ h: Double) -> Int { base - Int((h / top) * 160) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"Horas por semana\">"
        svg += "<line x1=\"40\" y1=\"\(base)\" x2=\"\(width - 10)\" y2=\"\(base)\" stroke=\"#555\"/>"
        for (i, w) in report.weeks.enumerated() {
            let x = 48 + i * 40
            svg += "<rect x=\"\(x)\" y=\"\(y(w.hours))\" width=\"28\" height=\"\(base - y(w.hours))\" fill=\"\(w.overCap ? "#b3261e" : "#2f7dc1")\"><title>\(w.week): \(Hours.text(w.hours)) h</title></rect>"
            svg += "<text x=\"\(x + 14)\" y=\"\(base + 14)\" font-size=\"9\" text-anchor=\"middle\">\(w.week.suffix(3))</text>"
            if w.hours > 0 { svg += "<text x=\"\(x + 14)\" y=\"\(y(w.hours) - 3)\" font-size=\"10\" text-anchor=\"middle\">\(Hours.text(w.hours))</text>" }
        }
        let capY = y(report.weeklyCap)
        svg += "<line x1=\"40\" y1=\"\(capY)\" x2=\"\(width - 10)\" y2=\"\(capY)\" stroke=\"#b3261e\" stroke-dasharray=\"6 4\" stroke-width=\"2\"/>"
        svg += "<text x=\"4\" y=\"\(capY + 4)\" font-size=\"11\" fill=\"#b3261e\">\(Hours.text(report.weeklyCap)) h</text></svg>"
        return svg
    }

    static func barChart(_ counts: [FollowupReport.Count]) -> String {
        let top = max(counts.map(\.count).max() ?? 1, 1)
        let height = 24 * max(counts.count, 1) + 10
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"\(height)\">"
        for (i, c) in counts.enumerated() {
            let w = 200 * c.count / top, y = 6 + i * 24
            svg += "<text x=\"0\" y=\"\(y + 14)\" font-size=\"12\">\(escape(String(c.key.prefix(22))))</text>"
            svg += "<rect x=\"170\" y=\"\(y)\" width=\"\(max(w, 2))\" height=\"18\" fill=\"#2f7dc1\"/>"
            svg += "<text x=\"\(176 + w)\" y=\"\(y + 14)\" font-size=\"12\">\(c.count)</text>"
        }
        return svg + "</svg>"
    }
}
