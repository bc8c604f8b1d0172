/// How `evaluate` and `check` show one configuration.
extension ConfigurationEvaluation {
    /// The evaluation as one JSON object.
    public var json: JSONValue {
        .object([
            ("monthly_cost_usd", .number(monthlyCostUSD)),
            ("quality", .number(quality)),
            ("quality_standard_error", qualityStandardError.map { .number($0) } ?? .null),
            ("feasible", .bool(isFeasible)),
            ("fixed_fees_usd", .number(fixedFeesUSD)),
            ("global_failures", .array(globalFailures.map { .string($0) })),
            ("intents", .array(perIntent.map { figures in
                // The option as a configuration spells it: a setting's four keys, or `route`.
                let option: [(String, JSONValue)] = Configuration.json(of: figures.option).members ?? []
                let head: [(String, JSONValue)] = [("intent", .string(figures.intent))] + option
                return JSONValue.object(head + [
                    ("monthly_cost_usd", .number(figures.monthlyCostUSD)),
                    ("monthly_cost_parts_usd", .object([
                        ("input", .number(figures.monthlyCostParts.input)),
                        ("cache_read", .number(figures.monthlyCostParts.cacheRead)),
                        ("cache_write", .number(figures.monthlyCostParts.cacheWrite)),
                        ("output", .number(figures.monthlyCostParts.output)),
                    ])),
                    ("monthly_cost_without_prompt_cache_usd", .number(figures.monthlyCostWithoutPromptCacheUSD)),
                    ("quality", .number(figures.quality)),
                    ("quality_standard_error", figures.qualityStandardError.map { .number($0) } ?? .null),
                    ("min_quality", .number(figures.minQuality)),
                    ("p99_latency_ms", .number(figures.p99LatencyMs)),
                    ("max_p99_latency_ms", .number(figures.maxP99LatencyMs)),
                    ("failures", .array(figures.violation.labels.map { .string($0) })),
                ])
            })),
        ])
    }

    /// The evaluation as a table for people.
    public var text: String { text(width: nil) }

    /// The evaluation as a table for people, fitted to `width` columns when given
    /// (compact headers, then the floor and cap columns dropped, then settings cut with `…`).
    public func text(width: Int?) -> String {
        var lines = ["monthly cost \(formatUSD(monthlyCostUSD)) (model fees \(formatUSD(fixedFeesUSD))), quality \(formatQuality(quality)) ± \(formatStandardError(qualityStandardError)) (standard error), \(isFeasible ? "feasible" : "NOT feasible")"]
        // Too wide: the failures in short words first (`p99>cap`), then the table's own steps.
        func table(shortFailures: Bool) -> TextTable {
            let rows = perIntent.map { figures in
                [figures.intent, figures.option.description, formatUSD(figures.monthlyCostUSD), formatQuality(figures.quality),
                 formatFixed(figures.minQuality, decimals: 2), formatFixed(figures.p99LatencyMs, decimals: 0),
                 formatFixed(figures.maxP99LatencyMs, decimals: 0),
                 figures.violation.isEmpty ? "-" : (shortFailures ? figures.violation.shortLabels : figures.violation.labels).joined(separator: ", ")]
            }
            return TextTable(columns: [
                .init("intent"), .init("setting", cuttable: true), .init("cost/month", compact: "cost", .right),
                .init("quality", .right), .init("floor", .right, dropRank: 0), .init("p99 ms", .right),
                .init("cap", .right, dropRank: 0), .init("fails"),
            ], rows: rows, indent: "  ")
        }
        let full = table(shortFailures: false)
        lines += (full.needsCut(width: width) ? table(shortFailures: true) : full).lines(width: width)
        for failure in globalFailures { lines.append("  global: \(failure)") }
        if usesPromptCache { lines += promptCacheLines(width: width) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Where the money goes when the prompt cache is in play: each intent's monthly cost by
    /// kind of token, and what the cache saves against billing the prefix as fresh input.
    private func promptCacheLines(width: Int?) -> [String] {
        let cached = perIntent.reduce(0.0) { $0 + $1.monthlyCostUSD }
        let uncached = perIntent.reduce(0.0) { $0 + $1.monthlyCostWithoutPromptCacheUSD }
        var lines = ["monthly cost by kind of token; the prompt cache saves \(formatUSD(uncached - cached))/month"]
        let rows = perIntent.map { figures in
            [figures.intent, formatUSD(figures.monthlyCostParts.input), formatUSD(figures.monthlyCostParts.cacheRead),
             formatUSD(figures.monthlyCostParts.cacheWrite), formatUSD(figures.monthlyCostParts.output),
             formatUSD(figures.monthlyCostWithoutPromptCacheUSD - figures.monthlyCostUSD)]
        }
        lines += TextTable(columns: [
            .init("intent", cuttable: true), .init("input", .right), .init("cache read", compact: "c.read", .right),
            .init("cache write", compact: "c.write", .right), .init("output", .right), .init("cache saves", compact: "saves", .right),
        ], rows: rows, indent: "  ").lines(width: width)
        return lines
    }
}
