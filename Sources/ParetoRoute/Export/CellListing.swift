/// The derived cell table — one row per evaluated setting with the contract's figures — as text,
/// CSV and JSON (`paretoroute cells`).
///
/// What people want to see before any front: every cell's samples, quality, tokens, P99, monthly
/// cost and feasibility, in the data's order (intents as intents.csv lists them, cells by setting).
public struct CellListing: Sendable {
    /// One listed cell.
    public struct Row: Sendable {
        /// The intent's name.
        public var intent: String
        /// The cell.
        public var cell: Cell
        /// Whether it meets its intent's floor and cap (with intervals, by their bounds).
        public var feasible: Bool
    }

    /// The rows, in the data's order.
    public var rows: [Row]
    /// Whether any row has prompt-cache tokens (the two cache columns are then listed in text).
    public var hasCachedTokens: Bool

    /// The cells of `table`, restricted to `intents` and `models` when those are non-empty.
    ///
    /// - Throws: ``RequestError`` on ``RequestError/Option/intentFilter`` or ``RequestError/Option/modelFilter``
    ///   naming an intent or model the data lacks.
    public init(table: CellTable, intents: [String] = [], models: [String] = []) throws {
        for name in intents where table.intentIndex(named: name) == nil {
            throw RequestError([.intentFilter], "'\(name)' is not in the data; expected one of \(table.intents.map(\.name).joined(separator: ", "))")
        }
        for name in models where table.modelIndex(named: name) == nil {
            throw RequestError([.modelFilter], "'\(name)' is not in the data; expected one of \(table.models.map(\.name).joined(separator: ", "))")
        }
        var rows: [Row] = []
        for (i, intent) in table.intents.enumerated() where intents.isEmpty || intents.contains(intent.name) {
            for (c, cell) in table.cells[i].enumerated() where models.isEmpty || models.contains(cell.setting.model) {
                rows.append(Row(intent: intent.name, cell: cell, feasible: table.violation(intent: i, option: c).isEmpty))
            }
        }
        self.rows = rows
        hasCachedTokens = rows.contains { $0.cell.meanCacheReadTokens > 0 || $0.cell.meanCacheWriteTokens > 0 }
    }

    /// The CSV columns, in order.
    public static let columns = [
        "intent", "model", "max_tokens", "temperature", "rag_chunks", "samples", "quality", "quality_standard_error",
        "mean_input_tokens", "mean_output_tokens", "mean_cache_read_tokens", "mean_cache_write_tokens",
        "p99_latency_ms", "monthly_cost_usd", "feasible",
    ]

    /// RFC 4180 CSV with full-precision numbers; an empty standard error under 2 samples.
    public var csv: String {
        var lines = [Self.columns.joined(separator: ",")]
        for row in rows {
            let cell = row.cell
            let fields = [row.intent, cell.setting.model, "\(cell.setting.maxTokens)", JSONValue.format(cell.setting.temperature),
                          "\(cell.setting.ragChunks)", "\(cell.sampleCount)", JSONValue.format(cell.quality),
                          cell.knownQualityStandardError.map(JSONValue.format) ?? "", JSONValue.format(cell.meanInputTokens),
                          JSONValue.format(cell.meanOutputTokens), JSONValue.format(cell.meanCacheReadTokens),
                          JSONValue.format(cell.meanCacheWriteTokens), JSONValue.format(cell.p99LatencyMs),
                          JSONValue.format(cell.monthlyCostUSD), row.feasible ? "true" : "false"]
            lines.append(fields.map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rows as a JSON array of objects keyed by ``columns`` (`null` standard error under 2 samples).
    public var json: JSONValue {
        .array(rows.map { row in
            let cell = row.cell
            return .object([
                ("intent", .string(row.intent)), ("model", .string(cell.setting.model)),
                ("max_tokens", .number(Double(cell.setting.maxTokens))), ("temperature", .number(cell.setting.temperature)),
                ("rag_chunks", .number(Double(cell.setting.ragChunks))), ("samples", .number(Double(cell.sampleCount))),
                ("quality", .number(cell.quality)), ("quality_standard_error", cell.knownQualityStandardError.map { .number($0) } ?? .null),
                ("mean_input_tokens", .number(cell.meanInputTokens)), ("mean_output_tokens", .number(cell.meanOutputTokens)),
                ("mean_cache_read_tokens", .number(cell.meanCacheReadTokens)), ("mean_cache_write_tokens", .number(cell.meanCacheWriteTokens)),
                ("p99_latency_ms", .number(cell.p99LatencyMs)), ("monthly_cost_usd", .number(cell.monthlyCostUSD)),
                ("feasible", .bool(row.feasible)),
            ])
        })
    }

    /// The rows as a table fitted to `width` columns (tokens and the standard error dropped first).
    public func text(width: Int?) -> String {
        let table = rows.map { row -> [String] in
            let cell = row.cell
            var fields = [row.intent, cell.setting.description, "\(cell.sampleCount)", formatQuality(cell.quality),
                          formatStandardError(cell.knownQualityStandardError), formatFixed(cell.meanInputTokens, decimals: 0),
                          formatFixed(cell.meanOutputTokens, decimals: 0)]
            if hasCachedTokens {
                fields += [formatFixed(cell.meanCacheReadTokens, decimals: 0), formatFixed(cell.meanCacheWriteTokens, decimals: 0)]
            }
            fields += [formatFixed(cell.p99LatencyMs, decimals: 0), formatUSD(cell.monthlyCostUSD), row.feasible ? "yes" : "no"]
            return fields
        }
        var columns: [TextTable.Column] = [
            .init("intent", cuttable: true), .init("setting", cuttable: true), .init("n", .right), .init("quality", .right),
            .init("SE", .right, dropRank: 0), .init("in", .right, dropRank: 1), .init("out", .right, dropRank: 1),
        ]
        if hasCachedTokens { columns += [.init("c.read", .right, dropRank: 0), .init("c.write", .right, dropRank: 0)] }
        columns += [.init("p99 ms", .right), .init("cost/month", compact: "cost", .right), .init("feasible", compact: "ok")]
        return (TextTable(columns: columns, rows: table).lines(width: width) + ["\(rows.count) cells"]).joined(separator: "\n") + "\n"
    }
}
