/// How `evaluate` and `check` show one configuration.
extension ConfigurationEvaluation {
    /// The evaluation as one JSON object.
    public var json: JSONValue {
        .object([
            ("monthly_cost_usd", .number(monthlyCostUSD)),
            ("quality", .number(quality)),
            ("quality_standard_error", .number(qualityStandardError)),
            ("feasible", .bool(isFeasible)),
            ("fixed_fees_usd", .number(fixedFeesUSD)),
            ("global_failures", .array(globalFailures.map { .string($0) })),
            ("intents", .array(perIntent.map { figures in
                .object([
                    ("intent", .string(figures.intent)),
                    ("model", .string(figures.setting.model)),
                    ("max_tokens", .number(Double(figures.setting.maxTokens))),
                    ("temperature", .number(figures.setting.temperature)),
                    ("rag_chunks", .number(Double(figures.setting.ragChunks))),
                    ("monthly_cost_usd", .number(figures.monthlyCostUSD)),
                    ("quality", .number(figures.quality)),
                    ("min_quality", .number(figures.minQuality)),
                    ("p99_latency_ms", .number(figures.p99LatencyMs)),
                    ("max_p99_latency_ms", .number(figures.maxP99LatencyMs)),
                    ("failures", .array(figures.violation.labels.map { .string($0) })),
                ])
            })),
        ])
    }

    /// The evaluation as a table for people.
    public var text: String {
        var lines = ["monthly cost \(formatUSD(monthlyCostUSD)) (model fees \(formatUSD(fixedFeesUSD))), quality \(formatQuality(quality)) ± \(formatQuality(qualityStandardError)) (standard error), \(isFeasible ? "feasible" : "NOT feasible")"]
        let width = max(6, perIntent.map(\.intent.count).max() ?? 6)
        lines.append("  " + pad("intent", width) + "  setting                     cost/month  quality (floor)   p99 ms (cap)  fails")
        for figures in perIntent {
            lines.append("  " + pad(figures.intent, width) + "  " + pad(figures.setting.description, 26) + "  "
                + padLeft(formatUSD(figures.monthlyCostUSD), 10) + "  " + formatQuality(figures.quality) + " (" + formatFixed(figures.minQuality, decimals: 2) + ")  "
                + padLeft(formatFixed(figures.p99LatencyMs, decimals: 0), 6) + " (" + formatFixed(figures.maxP99LatencyMs, decimals: 0) + ")  "
                + (figures.violation.isEmpty ? "-" : figures.violation.labels.joined(separator: ", ")))
        }
        for failure in globalFailures { lines.append("  global: \(failure)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
