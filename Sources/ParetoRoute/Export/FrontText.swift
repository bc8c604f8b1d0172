/// The front as a table a person reads at a glance.
///
/// One line per point with cost, quality and what changed from the previous point,
/// then the full settings of the cheapest, the knee and the best point.
public enum FrontText {
    /// Renders `front`; `points` thins the table to that many representative points.
    /// `width` fits the tables to that many columns (the caller wraps the other lines).
    public static func render(_ front: Front, points limit: Int? = nil, width: Int? = nil) -> String {
        var lines: [String] = []
        let reference = front.referencePoint
        lines.append("ParetoRoute front (\(front.method.rawValue)): \(front.points.count) point\(front.points.count == 1 ? "" : "s"), data \(front.dataFingerprint), hypervolume \(formatFixed(front.hypervolume, decimals: 2)) (reference \(formatUSD(reference.cost)), \(formatQuality(reference.quality)))")
        let assumptions = front.assumptions
        if !assumptions.isEmpty { lines.append("assumptions: " + assumptions.joined(separator: "; ")) }
        guard !front.points.isEmpty else {
            lines.append("no feasible configuration")
            return lines.joined(separator: "\n") + "\n"
        }
        let unmet = front.points.filter { !$0.isFeasible }.count
        if unmet > 0 {
            lines.append("\(unmet) points keep baseline cells that break their intent's floor or cap (\"feasible\": false in the JSON)")
        }
        let knee = front.kneeIndex ?? 0
        let shown = representativeIndices(count: front.points.count, limit: limit, keep: [knee])
        if shown.count < front.points.count {
            lines.append("showing \(shown.count) of \(front.points.count) points (the JSON holds them all)")
        }
        // To fit a width: drop the change column, then shorten the models, then cut them.
        func table(shortModels: Bool) -> TextTable {
            var previous: FrontPoint?
            var rows: [[String]] = []
            for index in shown {
                let point = front.points[index]
                rows.append(["\(index + 1)" + (index == knee ? "*" : " "), formatUSD(point.monthlyCostUSD),
                             formatQuality(point.quality) + " ± " + formatStandardError(point.qualityStandardError),
                             modelSummary(point, short: shortModels), change(from: previous, to: point)])
                previous = point
            }
            return TextTable(columns: [
                .init("# ", .right), .init("monthly cost", compact: "cost/month", .right), .init("quality ± SE"),
                .init("models", cuttable: true), .init("change from the previous row", dropRank: 0),
            ], rows: rows)
        }
        let full = table(shortModels: false)
        lines += (full.needsCut(width: width) ? table(shortModels: true) : full).lines(width: width)
        lines.append("(* knee: farthest from the line through the cheapest and the best point, objectives scaled to [0, 1])")
        let best = front.points.count - 1
        var named: [(String, Int)] = [("cheapest", 0)]
        if knee != 0 && knee != best { named.append(("knee", knee)) }
        if best != 0 { named.append(("best quality", best)) } else { named[0].0 = "cheapest and best" }
        for (label, index) in named {
            lines.append("")
            lines.append(describe(front.points[index], title: "\(label) (#\(index + 1))", width: width))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Full per-intent settings of one point; `width` fits the table (compact headers, then
    /// models cut with `…`).
    public static func describe(_ point: FrontPoint, title: String, width: Int? = nil) -> String {
        var lines = ["\(title): \(formatUSD(point.monthlyCostUSD))/month (fees \(formatUSD(point.fixedFeesUSD))), quality \(formatQuality(point.quality))"]
        let rows = point.intents.map { figures in
            let knobs = figures.option.knobTexts
            return [figures.intent, knobs.model, knobs.maxTokens, knobs.temperature,
                    knobs.ragChunks, formatUSD(figures.monthlyCostUSD), formatQuality(figures.quality),
                    formatFixed(figures.p99LatencyMs, decimals: 0)]
        }
        lines += TextTable(columns: [
            .init("intent"), .init("model", cuttable: true), .init("max_tokens", compact: "tokens", .right),
            .init("temperature", compact: "temp", .right), .init("rag_chunks", compact: "rag", .right),
            .init("cost/month", compact: "cost", .right), .init("quality", .right), .init("p99 ms", .right),
        ], rows: rows, indent: "  ").lines(width: width)
        for figures in point.intents {
            guard let route = figures.option.routing else { continue }
            lines.append("  \(figures.intent) routes \(route.ruleDescription): \(route.low) below, \(route.high) at or above")
        }
        return lines.joined(separator: "\n")
    }

    /// `sonnet×3 haiku×7`: which models serve how many intents, most used first;
    /// `short` keeps the first and counts the others (`sonnet×3 +2 models`).
    public static func modelSummary(_ point: FrontPoint, short: Bool = false) -> String {
        var counts: [(String, Int)] = []
        for figures in point.intents {
            for model in figures.option.modelNames {
                if let index = counts.firstIndex(where: { $0.0 == model }) {
                    counts[index].1 += 1
                } else {
                    counts.append((model, 1))
                }
            }
        }
        let sorted = counts.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map { "\($0.0)×\($0.1)" }
        if short, sorted.count > 1 { return sorted[0] + " +\(sorted.count - 1) model" + (sorted.count > 2 ? "s" : "") }
        return sorted.joined(separator: " ")
    }

    /// What changed between two points, intent by intent (at most three named).
    public static func change(from previous: FrontPoint?, to point: FrontPoint) -> String {
        guard let previous else { return "start" }
        var changes: [String] = []
        for (old, new) in zip(previous.intents, point.intents) where old.option != new.option {
            changes.append("\(new.intent): \(old.option) → \(new.option)")
        }
        if changes.isEmpty { return "same settings" }
        if changes.count > 3 { return changes.prefix(3).joined(separator: "; ") + "; +\(changes.count - 3) more" }
        return changes.joined(separator: "; ")
    }

    /// `limit` indices spread evenly over `0..<count`, always with the ends and `keep`.
    public static func representativeIndices(count: Int, limit: Int?, keep: [Int] = []) -> [Int] {
        guard let limit, limit < count else { return Array(0..<count) }
        guard limit > 1 else { return [0] }
        var chosen = Set(keep.filter { $0 >= 0 && $0 < count })
        chosen.insert(0)
        chosen.insert(count - 1)
        var step = 0
        while chosen.count < limit, step < limit {
            chosen.insert(Int((Double(step) * Double(count - 1) / Double(limit - 1)).rounded()))
            step += 1
        }
        return chosen.sorted()
    }
}
