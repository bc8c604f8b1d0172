/// The `usage --json` document of a ``UsageSummary``: every figure the text shows, in a fixed
/// key order (byte-identical for the same logs).
public enum UsageJSON {
    /// The document.
    public static func document(_ summary: UsageSummary) -> JSONValue {
        func tokens(_ t: TokenCounts) -> JSONValue {
            .object([("input", .number(t.input)), ("cache_read", .number(t.cacheRead)),
                     ("cache_write", .number(t.cacheWrite)), ("output", .number(t.output))])
        }
        func parts(_ p: CostParts) -> JSONValue {
            .object([("input", .number(p.input)), ("cache_read", .number(p.cacheRead)),
                     ("cache_write", .number(p.cacheWrite)), ("output", .number(p.output))])
        }
        func tally(_ t: UsageTally) -> [(String, JSONValue)] {
            [("requests", .number(Double(t.requests))), ("llm_calls", .number(Double(t.llmCalls))),
             ("cache_hits", .number(Double(t.cacheHits))), ("input_tokens", .number(t.tokens.input)),
             ("output_tokens", .number(t.tokens.output)), ("cache_read_tokens", .number(t.tokens.cacheRead)),
             ("cache_write_tokens", .number(t.tokens.cacheWrite)), ("cost_usd", .number(t.costUSD)),
             ("unpriced_calls", .number(Double(t.unpriced)))]
        }
        let intents: [JSONValue] = summary.byIntent.map { row in
            .object([("intent", .string(row.name)), ("known", .bool(row.known))] + tally(row.tally)
                    + [("cache_savings_usd", .number(row.cacheSavingsUSD))])
        }
        let models: [JSONValue] = summary.byModel.map { row in
            .object([("model", .string(row.name)), ("known", .bool(row.known))] + tally(row.tally))
        }
        let cells: [JSONValue] = summary.byIntentModel.map { row in
            .object([("intent", .string(row.name)), ("model", .string(row.model))] + tally(row.tally))
        }
        let days: [JSONValue] = summary.days.map { day in
            .object([("date", .string(day.date)), ("whole", .bool(day.whole))] + tally(day.tally)
                    + [("hour_cost_usd", .array(day.hourCostUSD.map { .number($0) }))])
        }
        let anomalies: [JSONValue] = summary.anomalies.map { a in
            var members: [(String, JSONValue)] = [("kind", .string(a.kind.rawValue)), ("timestamp", .string(a.timestamp))]
            if !a.requestID.isEmpty { members.append(("request_id", .string(a.requestID))) }
            if let file = a.file { members.append(("file", .string(file))) }
            if let line = a.line { members.append(("line", .number(Double(line)))) }
            if !a.intent.isEmpty { members.append(("intent", .string(a.intent))) }
            members += [("value", .number(a.value)), ("threshold", .number(a.threshold))]
            return .object(members)
        }
        let counts: JSONValue = .object(UsageAnomaly.Kind.allCases.map { ($0.rawValue, .number(Double(summary.anomalyCounts[$0] ?? 0))) })
        let malformed: [JSONValue] = summary.malformedSamples.map { issue in
            .object([("file", .string(issue.file)), ("line", .number(Double(issue.line))),
                     ("field", issue.problem.field.map { .string($0) } ?? .null), ("message", .string(issue.problem.message))])
        }
        let unknownIntents = summary.byIntent.filter { !$0.known }.map { JSONValue.string($0.name) }
        let unknownModels = summary.byModel.filter { !$0.known }.map { JSONValue.string($0.name) }
        return .object([
            ("lines", .number(Double(summary.lines))),
            ("malformed_lines", .number(Double(summary.malformedLines))),
            ("malformed", .array(malformed)),
            ("requests", .number(Double(summary.total.requests))),
            ("llm_calls", .number(Double(summary.total.llmCalls))),
            ("cache_hits", .number(Double(summary.total.cacheHits))),
            ("cost_usd", .number(summary.total.costUSD)),
            ("tokens", tokens(summary.total.tokens)),
            ("token_cost_at_card_usd", parts(summary.total.cardCost)),
            ("cache_savings_usd", .number(summary.cacheSavingsUSD)),
            ("utc_offset_seconds", .number(Double(summary.utcOffsetSeconds))),
            ("unknown_intents", .array(unknownIntents)),
            ("unknown_models", .array(unknownModels)),
            ("by_intent", .array(intents)),
            ("by_model", .array(models)),
            ("by_intent_model", .array(cells)),
            ("days", .array(days)),
            ("daily_cap_usd", summary.dailyCapUSD.map { .number($0) } ?? .null),
            ("anomaly_counts", counts),
            ("anomalies", .array(anomalies)),
        ])
    }
}
