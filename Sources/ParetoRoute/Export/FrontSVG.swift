import Foundation

/// The front as a hand-written SVG scatter plot: cost on x, quality on y.
///
/// Axes carry units and span the data with at least five ticks at round values (the
/// cost axis on a log scale with `logCost`, for fronts spanning orders of magnitude);
/// each point's tooltip carries its configuration; the knee is marked, and so is a
/// user's configuration (`--mark`, e.g. production) when given, saying when it is not
/// feasible. Dominated configurations evaluated during the search can be drawn faintly.
public enum FrontSVG {
    /// A configuration to place on the plot with a label.
    public struct Mark: Sendable {
        /// The label shown next to the mark.
        public var label: String
        /// Its monthly cost.
        public var cost: Double
        /// Its weighted quality.
        public var quality: Double
        /// The constraints it breaks (`faq: p99 above cap`); empty when feasible.
        public var failures: [String]

        /// Creates a mark.
        public init(label: String, cost: Double, quality: Double, failures: [String] = []) {
            self.label = label
            self.cost = cost
            self.quality = quality
            self.failures = failures
        }

        /// The mark of an evaluated configuration, with the constraints it breaks.
        public init(label: String, evaluation: ConfigurationEvaluation) {
            self.init(label: label, cost: evaluation.monthlyCostUSD, quality: evaluation.quality,
                      failures: evaluation.perIntent.filter { !$0.violation.isEmpty }
                        .map { "\($0.intent): \($0.violation.labels.joined(separator: ", "))" } + evaluation.globalFailures)
        }
    }

    /// Renders the plot.
    /// `z` sets the error bars' half-length in standard errors (1.96: a 95% interval).
    /// `logCost` puts the cost axis on a log scale.
    public static func render(_ front: Front, marks: [Mark] = [], background: [(cost: Double, quality: Double)] = [],
                              z: Double = 1.96, logCost: Bool = false) -> String {
        let width = 800.0, height = 520.0
        let left = 90.0, right = 30.0, top = 50.0, bottom = 70.0
        let plotW = width - left - right, plotH = height - top - bottom
        var costs = front.points.map(\.monthlyCostUSD) + marks.map(\.cost)
        var qualities = front.points.map(\.quality) + marks.map(\.quality)
        costs += background.map(\.cost)
        qualities += background.map(\.quality)
        for point in front.points {
            let bar = z * (point.qualityStandardError ?? 0)
            qualities += [point.quality - bar, point.quality + bar]
        }
        // Both axes span the data (a little margin), not zero: the front starts far from $0.
        let (minCost, maxCost) = (costs.min() ?? 0, costs.max() ?? 1)
        let (minQuality, maxQuality) = (qualities.min() ?? 0, qualities.max() ?? 1)
        let logScale = logCost && minCost > 0
        let x0: Double, x1: Double
        if logScale {
            (x0, x1) = (minCost / 1.05, maxCost * 1.05)
        } else {
            let margin = maxCost > minCost ? (maxCost - minCost) * 0.03 : max(1, abs(minCost) * 0.05)
            (x0, x1) = (max(0, minCost - margin), maxCost + margin)
        }
        let qualityMargin = maxQuality > minQuality ? (maxQuality - minQuality) * 0.06 : 0.005
        let (y0, y1) = (minQuality - qualityMargin, maxQuality + qualityMargin)
        let xTicks = logScale ? logTicks(min: x0, max: x1) : niceTicks(min: x0, max: x1)
        let yTicks = niceTicks(min: y0, max: y1)
        func px(_ cost: Double) -> String {
            let share = logScale ? (log(cost) - log(x0)) / (log(x1) - log(x0)) : (cost - x0) / max(x1 - x0, 1e-12)
            return f(left + share * plotW)
        }
        func py(_ quality: Double) -> String { f(top + plotH - (quality - y0) / max(y1 - y0, 1e-12) * plotH) }

        // The assumptions the front was made under, on the subtitle line (cut to fit the
        // width; the whole list is the line's tooltip).
        var subtitle = "bars: quality ± \(formatFixed(z, decimals: 2)) standard errors"
        let assumptions = front.assumptions.joined(separator: "; ")
        if !assumptions.isEmpty { subtitle += " · " + assumptions }
        let shownSubtitle = subtitle.count > 110 ? String(subtitle.prefix(109)) + "…" : subtitle
        var s = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(f(width / 2))" y="24" text-anchor="middle" font-size="16">Pareto front (\(front.method.rawValue)): \(front.points.count) configurations, monthly cost vs weighted quality</text>
            <text x="\(f(width / 2))" y="42" text-anchor="middle" font-size="11" fill="#555"><title>\(escapeMarkup(subtitle))</title>\(escapeMarkup(shownSubtitle))</text>

            """
        // Grid, ticks and tick labels.
        for tick in xTicks {
            s += "<line x1=\"\(px(tick))\" y1=\"\(f(top))\" x2=\"\(px(tick))\" y2=\"\(f(top + plotH))\" stroke=\"#e5e5e5\"/>\n"
            s += "<text x=\"\(px(tick))\" y=\"\(f(top + plotH + 18))\" text-anchor=\"middle\">\(escapeMarkup(formatUSD(tick)))</text>\n"
        }
        for tick in yTicks {
            s += "<line x1=\"\(f(left))\" y1=\"\(py(tick))\" x2=\"\(f(left + plotW))\" y2=\"\(py(tick))\" stroke=\"#e5e5e5\"/>\n"
            s += "<text x=\"\(f(left - 8))\" y=\"\(py(tick))\" text-anchor=\"end\" dominant-baseline=\"middle\">\(formatTick(tick, step: yTicks.count > 1 ? yTicks[1] - yTicks[0] : 1))</text>\n"
        }
        s += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" fill=\"none\" stroke=\"#333\"/>\n"
        s += "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(height - 20))\" text-anchor=\"middle\" font-size=\"14\">Monthly cost (USD per month\(logScale ? ", log scale" : ""))</text>\n"
        s += "<text transform=\"translate(24 \(f(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"14\">Weighted quality (0–1)</text>\n"
        if !background.isEmpty {
            s += "<g fill=\"#9ca3af\" fill-opacity=\"0.25\">\n"
            for point in background {
                s += "<circle cx=\"\(px(point.cost))\" cy=\"\(py(point.quality))\" r=\"1.5\"/>\n"
            }
            s += "</g>\n"
        }
        if !front.points.isEmpty {
            // The front as a staircase: what the budget buys between two points.
            var path = "M \(px(front.points[0].monthlyCostUSD)) \(py(front.points[0].quality))"
            for point in front.points.dropFirst() {
                path += " H \(px(point.monthlyCostUSD)) V \(py(point.quality))"
            }
            s += "<path d=\"\(path)\" fill=\"none\" stroke=\"#2563eb\" stroke-width=\"1\" stroke-opacity=\"0.6\"/>\n"
            // Error bars: the quality's confidence interval at the given z.
            s += "<g stroke=\"#2563eb\" stroke-opacity=\"0.35\">\n"
            for point in front.points {
                guard let se = point.qualityStandardError, se > 0 else { continue }
                let x = px(point.monthlyCostUSD)
                s += "<line x1=\"\(x)\" y1=\"\(py(point.quality - z * se))\" x2=\"\(x)\" y2=\"\(py(point.quality + z * se))\"/>\n"
            }
            s += "</g>\n"
            s += "<g fill=\"#2563eb\">\n"
            for (index, point) in front.points.enumerated() {
                s += "<circle cx=\"\(px(point.monthlyCostUSD))\" cy=\"\(py(point.quality))\" r=\"3.5\"><title>\(escapeMarkup(tooltip(point, number: index + 1)))</title></circle>\n"
            }
            s += "</g>\n"
        }
        if let knee = front.kneeIndex, knee < front.points.count {
            let point = front.points[knee]
            s += "<circle cx=\"\(px(point.monthlyCostUSD))\" cy=\"\(py(point.quality))\" r=\"8\" fill=\"none\" stroke=\"#dc2626\" stroke-width=\"2\"/>\n"
            s += "<text x=\"\(px(point.monthlyCostUSD))\" y=\"\(py(point.quality))\" dx=\"12\" dy=\"16\" fill=\"#dc2626\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\">knee: \(escapeMarkup(formatUSD(point.monthlyCostUSD))), \(formatQuality(point.quality))</text>\n"
        }
        for mark in marks {
            let x = px(mark.cost), y = py(mark.quality)
            let feasibility = mark.failures.isEmpty ? "feasible" : "NOT feasible: " + mark.failures.joined(separator: "; ")
            let title = "\(mark.label): \(formatUSD(mark.cost))/month, quality \(formatQuality(mark.quality)), \(feasibility)"
            s += "<g transform=\"translate(\(x) \(y))\"><title>\(escapeMarkup(title))</title><path d=\"M 0 -7 L 7 0 L 0 7 L -7 0 Z\" fill=\"#f59e0b\" stroke=\"#92400e\"/></g>\n"
            let label = mark.label + (mark.failures.isEmpty ? "" : " (NOT feasible)")
            s += "<text x=\"\(x)\" y=\"\(y)\" dx=\"-12\" dy=\"22\" text-anchor=\"end\" fill=\"#92400e\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\">\(escapeMarkup(label)): \(escapeMarkup(formatUSD(mark.cost))), \(formatQuality(mark.quality))</text>\n"
        }
        s += "</svg>\n"
        return s
    }

    /// Round tick values (1, 2 or 5 × 10ⁿ) inside `[min, max]`: the largest step that gives
    /// at least `minimum` of them.
    public static func niceTicks(min lower: Double, max upper: Double, minimum: Int = 5) -> [Double] {
        guard lower.isFinite, upper.isFinite else { return [0, 1] }
        var low = lower, high = upper
        if high <= low { high = low + (abs(low) > 0 ? abs(low) * 0.1 : 1); low -= (high - low) * 0.1 }
        var exponent = Int((log10(high - low)).rounded(.up))
        while exponent > -300 {
            for mantissa in [5.0, 2, 1] {
                let step = mantissa * pow(10, Double(exponent))
                let first = (low / step - 1e-9).rounded(.up), last = (high / step + 1e-9).rounded(.down)
                if last - first + 1 >= Double(minimum) {
                    return stride(from: first, through: last, by: 1).map { $0 * step }
                }
            }
            exponent -= 1
        }
        return [low, high]
    }

    /// Round ticks for a log axis over `[min, max]` (both > 0): 1, 2, 5 × 10ⁿ, or finer
    /// mantissas when those give fewer than five; a narrow range falls back to ``niceTicks(min:max:minimum:)``.
    public static func logTicks(min lower: Double, max upper: Double) -> [Double] {
        guard lower > 0, upper > lower, lower.isFinite, upper.isFinite else { return niceTicks(min: lower, max: upper) }
        for mantissas in [[1.0, 2, 5], [1, 1.5, 2, 3, 5, 7], [1, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9]] {
            var ticks: [Double] = []
            var exponent = Int(log10(lower).rounded(.down))
            while exponent <= Int(log10(upper).rounded(.up)) {
                for mantissa in mantissas {
                    let value = mantissa * pow(10, Double(exponent))
                    if value >= lower, value <= upper { ticks.append(value) }
                }
                exponent += 1
            }
            if ticks.count >= 5 { return ticks }
        }
        return niceTicks(min: lower, max: upper)
    }

    /// A point's tooltip: its number, objectives, models and every intent's setting.
    static func tooltip(_ point: FrontPoint, number: Int) -> String {
        var lines = ["#\(number): \(formatUSD(point.monthlyCostUSD))/month, quality \(formatQuality(point.quality)) ± \(formatStandardError(point.qualityStandardError))",
                     FrontText.modelSummary(point)]
        if !point.isFeasible { lines.append("keeps baseline cells that break a floor or cap") }
        lines += point.intents.map { "\($0.intent): \($0.option)" }
        return lines.joined(separator: "\n")
    }

    private static func formatTick(_ value: Double, step: Double) -> String {
        var decimals = 0
        var scaled = step
        while scaled < 1 - 1e-9, decimals < 6 { scaled *= 10; decimals += 1 }
        return formatFixed(value, decimals: decimals)
    }

    private static func f(_ value: Double) -> String { formatFixed(value, decimals: 1) }
}
