/// A cost projection as the design doc's table: per month the expectation, mean, P5, P50,
/// P95, the chance of going over budget, and what the scenario changes.
public enum ProjectionText {
    /// Renders `projection`; `subject` names what was projected (a file, a front point).
    public static func render(_ projection: CostProjection, subject: String, scenario: String? = nil) -> String {
        // The scenario on a line of its own: a title and a file name overflow 80 columns.
        var lines = ["cost projection of \(subject): \(projection.months.count) month\(projection.months.count == 1 ? "" : "s"), \(groupDigits(projection.runs)) runs, seed \(projection.seed)",
                     "scenario: " + (scenario ?? "none")]
        // A month where the scenario changes something is starred; the changes follow the
        // table, one month a line, so the rows stay within 80 columns.
        let labelWidth = max(5, projection.months.map(\.label.count).max() ?? 0) + 1
        var header = pad("month", labelWidth) + padLeft("expected", 11) + padLeft("mean", 11) + padLeft("P5", 11)
            + padLeft("P50", 11) + padLeft("P95", 11)
        if let budget = projection.budgetUSD { header += padLeft("P(> \(formatUSD(budget)))", 15) }
        lines.append(header)
        for month in projection.months {
            var line = pad(month.label + (month.changes.isEmpty ? "" : "*"), labelWidth) + padLeft(formatUSD(month.expectedUSD), 11)
                + padLeft(formatUSD(month.meanUSD), 11) + padLeft(formatUSD(month.p5USD), 11) + padLeft(formatUSD(month.p50USD), 11)
                + padLeft(formatUSD(month.p95USD), 11)
            if let share = month.probabilityOverBudget { line += padLeft(formatFixed(share, decimals: 4), 15) }
            lines.append(line)
        }
        for month in projection.months where !month.changes.isEmpty {
            lines.append("* from \(month.label): " + month.changes.joined(separator: "; "))
        }
        lines.append("expected: the front's formula at the month's prices, cells and expected growth")
        lines.append("standard error of each mean ≤ \(formatUSD(projection.months.map(\.meanStandardErrorUSD).max() ?? 0))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `10,000`.
    static func groupDigits(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return out
    }
}
