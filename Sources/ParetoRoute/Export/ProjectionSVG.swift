/// A cost projection as a fan chart: the 95 % interval (P2.5–P97.5) and the P5–P95 bands, the
/// median line, the budget line and a marker at every month where the scenario changes
/// something. The axis covers every band: no band is drawn outside it.
public enum ProjectionSVG {
    /// Renders the chart; `title` names what was projected.
    public static func render(_ projection: CostProjection, title: String) -> String {
        let width = 800.0, height = 480.0
        let left = 90.0, right = 40.0, top = 60.0, bottom = 70.0
        let plotW = width - left - right, plotH = height - top - bottom
        let months = projection.months
        var values = months.flatMap { [$0.p2_5USD, $0.p97_5USD, $0.p5USD, $0.p95USD] }
        if let budget = projection.budgetUSD { values.append(budget) }
        let low = values.min() ?? 0, high = values.max() ?? 1
        let margin = max((high - low) * 0.15, high * 0.01)
        let ticks = FrontSVG.niceTicks(min: max(0, low - margin), max: high + margin)
        // The ticks lie inside the padded range; the axis spans both, so the bands stay inside it.
        let y0 = min(ticks.first ?? 0, max(0, low - margin), low), y1 = max(ticks.last ?? 1, high + margin)
        let count = max(1, months.count)
        func px(_ index: Int) -> Double { left + (count == 1 ? plotW / 2 : Double(index) / Double(count - 1) * plotW) }
        func py(_ value: Double) -> Double { top + plotH - (value - y0) / max(y1 - y0, 1e-12) * plotH }
        func f(_ value: Double) -> String { formatFixed(value, decimals: 1) }

        let subtitle = "P2.5–P97.5 and P5–P95 bands and median (P50) over \(ProjectionText.groupDigits(projection.runs)) runs, seed \(projection.seed)"
            + (projection.budgetUSD.map { "; dashed red: budget \(formatUSD($0))" } ?? "")
        var s = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(f(width / 2))" y="24" text-anchor="middle" font-size="16">\(escapeMarkup(title))</text>
            <text x="\(f(width / 2))" y="42" text-anchor="middle" font-size="11" fill="#555">\(escapeMarkup(subtitle))</text>

            """
        for tick in ticks {
            s += "<line x1=\"\(f(left))\" y1=\"\(f(py(tick)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(py(tick)))\" stroke=\"#e5e5e5\"/>\n"
            s += "<text x=\"\(f(left - 8))\" y=\"\(f(py(tick)))\" text-anchor=\"end\" dominant-baseline=\"middle\">\(escapeMarkup(formatUSD(tick)))</text>\n"
        }
        for (index, month) in months.enumerated() {
            s += "<text x=\"\(f(px(index)))\" y=\"\(f(top + plotH + 18))\" text-anchor=\"middle\">\(escapeMarkup(month.label))</text>\n"
        }
        s += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" fill=\"none\" stroke=\"#333\"/>\n"
        s += "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(height - 20))\" text-anchor=\"middle\" font-size=\"14\">Month</text>\n"
        s += "<text transform=\"translate(22 \(f(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"14\">Monthly cost (USD)</text>\n"
        // Scenario changes: a dotted vertical line and a short label at the month they start.
        for (k, (index, month)) in months.enumerated().filter({ $0.element.hasChanges }).enumerated() {
            let x = f(px(index))
            s += "<line x1=\"\(x)\" y1=\"\(f(top))\" x2=\"\(x)\" y2=\"\(f(top + plotH))\" stroke=\"#7c3aed\" stroke-dasharray=\"2 3\"/>\n"
            // A change dated inside the month is named with its date (it holds for part of the month).
            let label = (month.changes + month.proratedChanges.map { "from \($0.date): " + $0.changes.joined(separator: "; ") })
                .joined(separator: "; ")
            let shown = label.count > 40 ? String(label.prefix(39)) + "…" : label
            // Labels right of the middle hang to the left of their line; neighbours alternate rows.
            let anchor = px(index) > left + plotW * 0.6 ? "text-anchor=\"end\" dx=\"-4\"" : "dx=\"4\""
            s += "<text x=\"\(x)\" y=\"\(f(top + 14 + Double(k % 2) * 14))\" \(anchor) fill=\"#7c3aed\" font-size=\"11\"><title>\(escapeMarkup(label))</title>\(escapeMarkup(shown))</text>\n"
        }
        if !months.isEmpty {
            var wide = "M \(f(px(0))) \(f(py(months[0].p97_5USD)))"
            for index in months.indices.dropFirst() { wide += " L \(f(px(index))) \(f(py(months[index].p97_5USD)))" }
            for index in months.indices.reversed() { wide += " L \(f(px(index))) \(f(py(months[index].p2_5USD)))" }
            s += "<path d=\"\(wide) Z\" fill=\"#3b82f6\" fill-opacity=\"0.12\" stroke=\"none\"/>\n"
            var band = "M \(f(px(0))) \(f(py(months[0].p95USD)))"
            for index in months.indices.dropFirst() { band += " L \(f(px(index))) \(f(py(months[index].p95USD)))" }
            for index in months.indices.reversed() { band += " L \(f(px(index))) \(f(py(months[index].p5USD)))" }
            s += "<path d=\"\(band) Z\" fill=\"#3b82f6\" fill-opacity=\"0.25\" stroke=\"#3b82f6\" stroke-opacity=\"0.5\"/>\n"
            let median = months.indices.map { "\(f(px($0))) \(f(py(months[$0].p50USD)))" }.joined(separator: " L ")
            s += "<path d=\"M \(median)\" fill=\"none\" stroke=\"#1d4ed8\" stroke-width=\"2\"/>\n"
            for (index, month) in months.enumerated() {
                s += "<circle cx=\"\(f(px(index)))\" cy=\"\(f(py(month.p50USD)))\" r=\"3\" fill=\"#1d4ed8\"><title>\(escapeMarkup("\(month.label): P5 \(formatUSD(month.p5USD)), P50 \(formatUSD(month.p50USD)), P95 \(formatUSD(month.p95USD)), 95 % interval \(formatUSD(month.p2_5USD))–\(formatUSD(month.p97_5USD))"))</title></circle>\n"
            }
        }
        if let budget = projection.budgetUSD {
            let y = f(py(budget))
            s += "<line x1=\"\(f(left))\" y1=\"\(y)\" x2=\"\(f(left + plotW))\" y2=\"\(y)\" stroke=\"#dc2626\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
        }
        // Legend.
        let legendY = f(height - 16)
        s += "<rect x=\"\(f(left))\" y=\"\(f(height - 26))\" width=\"14\" height=\"10\" fill=\"#3b82f6\" fill-opacity=\"0.25\" stroke=\"#3b82f6\"/>\n"
        s += "<text x=\"\(f(left + 18))\" y=\"\(legendY)\">P5–P95</text>\n"
        s += "<line x1=\"\(f(left + 80))\" y1=\"\(f(height - 21))\" x2=\"\(f(left + 100))\" y2=\"\(f(height - 21))\" stroke=\"#1d4ed8\" stroke-width=\"2\"/>\n"
        s += "<text x=\"\(f(left + 104))\" y=\"\(legendY)\">P50</text>\n"
        s += "<rect x=\"\(f(left + 330))\" y=\"\(f(height - 26))\" width=\"14\" height=\"10\" fill=\"#3b82f6\" fill-opacity=\"0.12\"/>\n"
        s += "<text x=\"\(f(left + 348))\" y=\"\(legendY)\">95 % interval (P2.5–P97.5)</text>\n"
        // The budget is named in the legend, where no band or line can cover it.
        if let budget = projection.budgetUSD {
            s += "<line x1=\"\(f(left + 150))\" y1=\"\(f(height - 21))\" x2=\"\(f(left + 176))\" y2=\"\(f(height - 21))\" stroke=\"#dc2626\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
            s += "<text x=\"\(f(left + 180))\" y=\"\(legendY)\" fill=\"#dc2626\">budget \(escapeMarkup(formatUSD(budget)))</text>\n"
        }
        s += "</svg>\n"
        return s
    }
}
