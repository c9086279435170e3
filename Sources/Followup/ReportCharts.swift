/// The report's charts as inline SVG (no script, no fonts or images fetched).
enum ReportCharts {
    /// Bars of hours per ISO week with the ANS line dashed in red; a week over it is drawn red.
    static func weeks(_ report: FollowupReport) -> String {
        let width = 40 * max(report.weeks.count, 1) + 60, base = 180
        let top = max(report.weeklyCap * 1.5, report.weeks.map(\.hours).max() ?? 0, 1)
        func y(_ h: Double) -> Int { base - Int((h / top) * 160) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"220\" role=\"img\" aria-label=\"Horas por semana\">"
        svg += "<line x1=\"40\" y1=\"\(base)\" x2=\"\(width - 10)\" y2=\"\(base)\" stroke=\"#555\"/>"
        for (i, w) in report.weeks.enumerated() {
            let x = 48 + i * 40
            svg += "<rect x=\"\(x)\" y=\"\(y(w.hours))\" width=\"28\" height=\"\(base - y(w.hours))\" fill=\"\(w.overCap ? "#b3261e" : "#2f7dc1")\">"
            svg += "<title>\(w.week): \(Hours.text(w.hours)) h</title></rect>"
            svg += "<text x=\"\(x + 14)\" y=\"\(base + 14)\" font-size=\"9\" text-anchor=\"middle\">\(w.week.suffix(3))</text>"
            if w.hours > 0 {
                svg += "<text x=\"\(x + 14)\" y=\"\(y(w.hours) - 3)\" font-size=\"10\" text-anchor=\"middle\">\(Hours.text(w.hours))</text>"
            }
        }
        let capY = y(report.weeklyCap)
        svg += "<line x1=\"40\" y1=\"\(capY)\" x2=\"\(width - 10)\" y2=\"\(capY)\" stroke=\"#b3261e\" stroke-dasharray=\"6 4\" stroke-width=\"2\"/>"
        svg += "<text x=\"4\" y=\"\(capY + 4)\" font-size=\"11\" fill=\"#b3261e\">\(Hours.text(report.weeklyCap)) h</text></svg>"
        return svg
    }

    /// Horizontal bars of counts, longest 200 px.
    static func bars(_ counts: [FollowupReport.Count]) -> String {
        let top = max(counts.map(\.count).max() ?? 1, 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"\(24 * max(counts.count, 1) + 10)\">"
        for (i, c) in counts.enumerated() {
            let w = 200 * c.count / top, y = 6 + i * 24
            svg += "<text x=\"0\" y=\"\(y + 14)\" font-size=\"12\">\(ReportRenderer.escape(String(c.key.prefix(24))))</text>"
            svg += "<rect x=\"170\" y=\"\(y)\" width=\"\(max(w, 2))\" height=\"18\" fill=\"#2f7dc1\"/>"
            svg += "<text x=\"\(176 + w)\" y=\"\(y + 14)\" font-size=\"12\">\(c.count)</text>"
        }
        return svg + "</svg>"
    }
}
