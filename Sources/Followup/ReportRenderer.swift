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

    public static func html(_ report: FollowupReport) -> String {
        head(report) + cards(report)
            + "<h2>Carga semanal de capacitación frente al ANS (\(Hours.text(report.weeklyCap)) h por semana)</h2>\n"
            + ReportCharts.weeks(report) + "\n<div class=\"charts\">\n"
            + [("Solicitudes por área", report.byArea), ("Por tipo", report.byKind), ("Por estado", report.byState), ("Por mes", report.byMonth)]
                .map { "<div><h2>\($0.0)</h2>\(ReportCharts.bars($0.1))</div>\n" }.joined()
            + "</div>\n" + requestTable(report) + fileTable(report)
            + "<p>Generado por ocm-intake. Las cifras salen del registro (ledger) de solicitudes, sesiones y resultados.</p>\n</body></html>\n"
    }

    static func head(_ report: FollowupReport) -> String {
        """
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

        """
    }

    static func cards(_ report: FollowupReport) -> String {
        let items = [
            ("Completas y a tiempo en el primer correo", pct(report.completeAtFirstMailPercent), "\(report.completeAtFirstMail) de \(report.judged)"),
            ("Rondas de observaciones (promedio)", number(report.averageObservationRounds), "por solicitud evaluada"),
            ("Días hábiles hasta viable (promedio)", number(report.averageBusinessDaysToViable), "desde el primer correo"),
            ("Material al proveedor a tiempo", "\(report.deliveredOnTime) de \(report.sessionsGiven)", "test aplicado: \(report.testApplied) de \(report.sessionsGiven)"),
            ("% de efectividad misional", pct(report.misional.percent),
             "\(report.misional.passed) de \(report.misional.evaluated) evaluados (meta \(pct(report.targetPercent)))"),
            ("% de efectividad réplicas", pct(report.replica.percent), "\(report.replica.passed) de \(report.replica.evaluated) evaluados"),
        ]
        return "<div class=\"cards\">\n" + items.map { "<div class=\"card\">\($0.0)<b>\($0.1)</b>\($0.2)</div>\n" }.joined() + "</div>\n"
    }

    static func requestTable(_ report: FollowupReport) -> String {
        var out = "<h2>Solicitudes</h2>\n<table><tr><th>Solicitud</th><th>Área</th><th>Tipo</th><th>Estado</th><th>Rondas</th>"
        out += "<th>Días hábiles a viable</th><th>Completa al primer correo</th><th>Material a tiempo</th><th>Test aplicado</th>"
        out += "<th>Efectividad misional</th><th>Efectividad réplicas</th></tr>\n"
        for r in report.rows {
            out += "<tr><td>\(escape(r.id))</td><td>\(escape(r.area))</td><td>\(escape(r.kind))</td><td>\(escape(r.state))</td>"
            out += "<td>\(r.observationRounds)</td><td>\(r.businessDaysToViable.map(String.init) ?? "—")</td><td>\(yes(r.completeAtFirstMail))</td>"
            out += "<td>\(yes(r.deliveredOnTime))</td><td>\(r.testApplied ? "sí" : "no")</td>"
            out += "<td>\(effectiveness(r.misionalPercent, report))</td><td>\(effectiveness(r.replicaPercent, report))</td></tr>\n"
        }
        return out + "</table>\n"
    }

    /// Effectiveness per results file: the misional session and each replica.
    static func fileTable(_ report: FollowupReport) -> String {
        guard !report.files.isEmpty else { return "" }
        var out = "<h2>Efectividad por sesión y por réplica</h2>\n<table><tr><th>Solicitud</th><th>Sesión</th><th>Archivo</th>"
        out += "<th>Recibido</th><th>Evaluados</th><th>Aprobados</th><th>% de efectividad</th></tr>\n"
        for f in report.files {
            out += "<tr><td>\(escape(f.request))</td><td>\(f.source == .misional ? "misional" : "réplica")</td><td>\(escape(f.fileName))</td>"
            out += "<td>\(f.day)</td><td>\(f.effectiveness.evaluated)</td><td>\(f.effectiveness.passed)</td>"
            out += "<td>\(effectiveness(f.effectiveness.percent, report))</td></tr>\n"
        }
        return out + "</table>\n"
    }

    static func yes(_ b: Bool?) -> String { b.map { $0 ? "sí" : "<span class=\"bad\">no</span>" } ?? "—" }

    static func effectiveness(_ d: Double?, _ report: FollowupReport) -> String {
        guard let d else { return "—" }
        return d + 1e-9 < report.targetPercent ? "<span class=\"bad\">\(pct(d))</span>" : pct(d)
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

    static func number(_ d: Double?) -> String {
        d.map { String(format: "%.1f", $0).replacingOccurrences(of: ".", with: ",") } ?? "—"
    }
}
