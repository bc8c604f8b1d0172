/// A cost projection as the design doc's table: per month the expectation, mean, P5, P50,
/// P95, the 95 % interval (P2.5–P97.5), with infrastructure the LLM and infrastructure means,
/// the chance of going over budget, and what the scenario changes.
public enum ProjectionText {
    /// Renders `projection`; `subject` names what was projected (a file, a front point).
    /// With a `width`, columns go (LLM and infrastructure, then mean, then expected) until
    /// the table fits.
    public static func render(_ projection: CostProjection, subject: String, scenario: String? = nil, width: Int? = nil) -> String {
        // The scenario on a line of its own: a title and a file name overflow 80 columns.
        var lines = ["cost projection of \(subject): \(projection.months.count) month\(projection.months.count == 1 ? "" : "s"), \(groupDigits(projection.runs)) runs, seed \(projection.seed)",
                     "scenario: " + (scenario ?? "none")]
        // A month where the scenario changes something is starred (~ when a change is dated
        // inside it, so it holds for part of the month); the changes follow the table, one
        // date a line, so the rows stay narrow.
        let hasInfrastructure = projection.infrastructureUSD > 0
        var columns: [TextTable.Column] = [.init("month"), .init("expected", .right, dropRank: 3), .init("mean", .right, dropRank: 2)]
        if hasInfrastructure {
            columns += [.init("LLM", .right, dropRank: 1), .init("infra", .right, dropRank: 1)]
        }
        columns += [.init("P5", .right), .init("P50", .right), .init("P95", .right), .init("95% interval", compact: "P2.5–P97.5", .right)]
        if let budget = projection.budgetUSD { columns.append(.init("P(> \(formatUSD(budget)))", .right)) }
        var table = TextTable(columns: columns)
        for month in projection.months {
            let mark = !month.proratedChanges.isEmpty ? "~" : month.changes.isEmpty ? "" : "*"
            var row = [month.label + mark, formatUSD(month.expectedUSD), formatUSD(month.meanUSD)]
            if hasInfrastructure { row += [formatUSD(month.llmMeanUSD), formatUSD(month.infrastructureMeanUSD)] }
            row += [formatUSD(month.p5USD), formatUSD(month.p50USD), formatUSD(month.p95USD),
                    formatUSD(month.p2_5USD) + "–" + formatUSD(month.p97_5USD)]
            if let share = month.probabilityOverBudget { row.append(formatFixed(share, decimals: 4)) }
            table.rows.append(row)
        }
        lines += table.lines(width: width)
        for month in projection.months {
            if !month.changes.isEmpty {
                lines.append("* from \(month.label): " + month.changes.joined(separator: "; "))
            }
            for change in month.proratedChanges {
                let days = month.calendarMonth?.dayCount ?? 30
                lines.append("~ from \(change.date) (\(change.date.remainingDaysInMonth) of \(days) days): " + change.changes.joined(separator: "; "))
            }
        }
        lines.append("expected: the front's formula at the month's prices, cells and expected growth")
        if projection.months.contains(where: { !$0.proratedChanges.isEmpty }) {
            lines.append("~: a change dated inside the month holds for its remaining days (prorated)")
        }
        if hasInfrastructure {
            lines.append("infra: \(formatUSD(projection.infrastructureUSD)) a month expected, drawn every run (totals include it)")
        }
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
