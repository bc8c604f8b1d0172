/// The `usage` text report of a ``UsageSummary``: fits an 80-column terminal.
public enum UsageText {
    /// The report; tables fit `width` when given.
    public static func render(_ summary: UsageSummary, width: Int? = nil) -> String {
        var out: [String] = []
        let t = summary.total
        let dayCount = summary.days.count
        let span = dayCount > 0 ? "\(summary.days[0].date) to \(summary.days[dayCount - 1].date) (\(dayCount) day\(dayCount == 1 ? "" : "s"), UTC\(offsetText(summary.utcOffsetSeconds)))" : "no requests"
        out.append("\(summary.lines) lines: \(t.requests) requests, \(t.llmCalls) LLM calls, \(t.cacheHits) cache hits; \(summary.malformedLines) malformed")
        out.append("\(span): \(formatUSD(t.costUSD))")
        if t.unpriced > 0 { out.append("\(t.unpriced) LLM calls have neither a logged cost nor a known model: counted at $0") }
        for issue in summary.malformedSamples.prefix(5) {
            out.append("  malformed \(issue.file):\(issue.line): \(issue.problem.field.map { "field '\($0)': " } ?? "")\(issue.problem.message)")
        }
        let unknownIntents = summary.byIntent.filter { !$0.known }.map(\.name)
        let unknownModels = summary.byModel.filter { !$0.known }.map(\.name)
        if !unknownIntents.isEmpty { out.append("intents not in the data: \(unknownIntents.prefix(10).joined(separator: ", "))") }
        if !unknownModels.isEmpty { out.append("model ids not in models.csv (name or provider_ids): \(unknownModels.prefix(10).joined(separator: ", "))") }
        out.append("")

        func share(_ x: Double) -> String { t.costUSD > 0 ? formatPercent(x / t.costUSD) : "-" }
        var intents = TextTable(columns: [.init("intent"), .init("requests", .right), .init("hit rate", compact: "hits", .right),
                                          .init("tokens/call", compact: "tok/call", .right, dropRank: 1),
                                          .init("$/call", .right), .init("cost", .right), .init("share", .right),
                                          .init("cache saved", compact: "saved", .right, dropRank: 2)], indent: "  ")
        for row in summary.byIntent {
            let calls = Double(max(1, row.tally.llmCalls))
            let perCall = (row.tally.tokens.input + row.tally.tokens.cacheRead + row.tally.tokens.cacheWrite + row.tally.tokens.output) / calls
            intents.rows.append([row.name + (row.known ? "" : " (?)"), "\(row.tally.requests)",
                                 row.tally.requests > 0 ? formatPercent(Double(row.tally.cacheHits) / Double(row.tally.requests)) : "-",
                                 formatFixed(perCall, decimals: 0), formatFixed(row.tally.costUSD / calls, decimals: 5),
                                 formatUSD(row.tally.costUSD), share(row.tally.costUSD), formatUSD(row.cacheSavingsUSD)])
        }
        out.append("Cost by intent:")
        out += intents.lines(width: width)
        out.append("")
        var models = TextTable(columns: [.init("model"), .init("requests", .right), .init("LLM calls", .right), .init("cost", .right), .init("share", .right)], indent: "  ")
        for row in summary.byModel {
            models.rows.append([row.name + (row.known ? "" : " (?)"), "\(row.tally.requests)", "\(row.tally.llmCalls)", formatUSD(row.tally.costUSD), share(row.tally.costUSD)])
        }
        out.append("Cost by model:")
        out += models.lines(width: width)
        out.append("")
        let card = t.cardCost
        out.append("Tokens and their cost at models.csv's prices:")
        var tokens = TextTable(columns: [.init("kind"), .init("tokens", .right), .init("cost", .right)], indent: "  ")
        tokens.rows = [["input", formatFixed(t.tokens.input, decimals: 0), formatUSD(card.input)],
                       ["cache read", formatFixed(t.tokens.cacheRead, decimals: 0), formatUSD(card.cacheRead)],
                       ["cache write", formatFixed(t.tokens.cacheWrite, decimals: 0), formatUSD(card.cacheWrite)],
                       ["output", formatFixed(t.tokens.output, decimals: 0), formatUSD(card.output)]]
        out += tokens.lines(width: width)
        out.append("Response cache saved \(formatUSD(summary.cacheSavingsUSD)) (hits × the intent's mean cost per LLM call).")
        out.append("")
        if !summary.days.isEmpty {
            out.append("Cost by day and hour of day (one character an hour: ' .:-=+*#%@' from $0 to the dearest hour):")
            let maxHour = summary.days.flatMap(\.hourCostUSD).max() ?? 0
            let ramp = Array(" .:-=+*#%@")
            out.append("  date        cost      00    06    12    18    ")
            for day in summary.days {
                let cells = day.hourCostUSD.map { cost -> Character in
                    guard maxHour > 0 else { return " " }
                    // Sums past the largest double are infinite: an infinite hour is the dearest.
                    let level = (cost / maxHour * Double(ramp.count - 1)).rounded(.up)
                    return ramp[level.isNaN ? ramp.count - 1 : Int(min(Double(ramp.count - 1), max(0, level)))]
                }
                out.append("  \(day.date)  \(formatUSD(day.tally.costUSD).padding(toLength: 9, withPad: " ", startingAt: 0)) \(String(cells))\(day.whole ? "" : "  (partial)")")
            }
            out.append("")
        }
        let counts = UsageAnomaly.Kind.allCases.map { "\($0.rawValue) \(summary.anomalyCounts[$0] ?? 0)" }.joined(separator: ", ")
        out.append("Anomalies: \(counts)\(summary.dailyCapUSD == nil ? " (budget: give --daily-cap)" : "")")
        for a in summary.anomalies.prefix(20) {
            var text = "  \(a.timestamp)  \(a.kind.rawValue)"
            if !a.intent.isEmpty { text += "  \(a.intent)" }
            if !a.requestID.isEmpty { text += "  \(a.requestID)" }
            switch a.kind {
            case .costSpike: text += "  $\(formatFixed(a.value, decimals: 4)) > $\(formatFixed(a.threshold, decimals: 4))"
            case .tokenExplosion: text += "  \(formatFixed(a.value, decimals: 0)) prompt tokens"
            case .velocitySpike: text += "  \(formatUSD(a.value)) in 15 min > \(formatUSD(a.threshold))"
            case .budget:
                let share = summary.dailyCapUSD.map { formatPercent(a.threshold / $0) } ?? "?"
                text += "  \(share) of the cap reached (\(formatUSD(a.value)) that day)"
            }
            out.append(text)
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func offsetText(_ seconds: Int) -> String {
        guard seconds != 0 else { return "" }
        let sign = seconds < 0 ? "-" : "+"
        let m = abs(seconds) / 60
        return "\(sign)\(m / 60 < 10 ? "0" : "")\(m / 60):\(m % 60 < 10 ? "0" : "")\(m % 60)"
    }
}
