/// What `validate` reports about a loaded data set, for people and for pipelines.
public struct DataSummary: Sendable {
    /// Per-intent counts and best reachable figures.
    public struct IntentSummary: Sendable {
        /// The intent's name.
        public var intent: String
        /// Evaluated cells.
        public var cells: Int
        /// Cells meeting both the floor and the cap (and, with a minimum, measured on enough samples).
        public var feasibleCells: Int
        /// Cells measured on fewer samples than the minimum (0 without one).
        public var tooFewSamples: Int = 0
        /// Cells meeting the floor and the cap but measured on too few samples.
        public var feasibleButThin: Int = 0
        /// Cells below the quality floor.
        public var belowFloor: Int
        /// Cells above the P99 cap.
        public var aboveCap: Int
        /// Fewest and most samples behind a cell.
        public var samples: ClosedRange<Int>
        /// The best quality among all cells.
        public var bestQuality: Double
        /// The lowest P99 among all cells.
        public var lowestP99: Double
        /// The cheapest feasible cell's monthly cost, when there is one.
        public var cheapestFeasibleUSD: Double?
        /// The share of the cells' input tokens that the evals measured as prompt-cache reads
        /// or writes (summed over the intent's cells); nil when none was cached.
        public var cachedInputShare: Double? = nil
        /// The intent's `prompt_cache_read_share`, when intents.csv gives one.
        public var promptCacheReadShare: Double? = nil
    }

    /// The data's fingerprint.
    public var fingerprint: String
    /// Files read.
    public var files: [String]
    /// Eval rows read.
    public var rows: Int
    /// Model names with their prices.
    public var models: [Model]
    /// One entry per intent.
    public var intents: [IntentSummary]
    /// Warnings from loading.
    public var warnings: [String]
    /// The fewest samples a cell needs to count (nil: any count).
    public var minimumSamples: Int?

    /// Summarizes `table`; with `minimumSamples`, cells measured on fewer samples are
    /// counted apart and are not feasible.
    public init(_ table: CellTable, minimumSamples: Int? = nil) {
        self.minimumSamples = minimumSamples
        fingerprint = table.fingerprint
        files = table.files
        rows = table.rowCount
        models = table.models
        warnings = table.warnings
        intents = table.intents.indices.map { i in
            let cells = table.cells[i]
            let violations = cells.indices.map { table.violation(intent: i, option: $0) }
            let counts = cells.map(\.sampleCount)
            let enough = cells.map { $0.sampleCount >= (minimumSamples ?? 0) }
            let usable = zip(violations, enough).map { $0.isEmpty && $1 }
            let cached = cells.reduce(0.0) { $0 + $1.meanCacheReadTokens + $1.meanCacheWriteTokens }
            let allInput = cells.reduce(0.0) { $0 + $1.meanInputTokens } + cached
            return IntentSummary(
                intent: table.intents[i].name, cells: cells.count,
                feasibleCells: usable.filter { $0 }.count,
                tooFewSamples: enough.filter { !$0 }.count,
                feasibleButThin: zip(violations, enough).filter { $0.isEmpty && !$1 }.count,
                belowFloor: violations.filter { $0.contains(.qualityBelowFloor) }.count,
                aboveCap: violations.filter { $0.contains(.latencyAboveCap) }.count,
                samples: (counts.min() ?? 0)...(counts.max() ?? 0),
                bestQuality: cells.map(\.quality).max() ?? 0,
                lowestP99: cells.map(\.p99LatencyMs).min() ?? 0,
                cheapestFeasibleUSD: zip(cells, usable).filter { $0.1 }.map(\.0.monthlyCostUSD).min(),
                cachedInputShare: cached > 0 ? cached / allInput : nil,
                promptCacheReadShare: table.intents[i].promptCacheReadShare)
        }
    }

    /// Intents with no feasible cell: no configuration can meet every constraint.
    public var infeasibleIntents: [IntentSummary] {
        intents.filter { $0.feasibleCells == 0 }
    }

    /// The error for the first intent with no feasible cell, naming its best reachable
    /// figures: a ``DataError`` of intents.csv, or a ``RequestError`` of
    /// ``RequestError/Option/minimumSamples`` when only the minimum ruled its feasible cells out.
    public func infeasibilityError(table: CellTable) -> (any Error)? {
        guard let bad = infeasibleIntents.first, let i = table.intentIndex(named: bad.intent) else { return nil }
        let intent = table.intents[i]
        if bad.feasibleButThin > 0, let minimum = minimumSamples {
            let most = table.cells[i].indices.filter { table.violation(intent: i, option: $0).isEmpty }.map { table.cells[i][$0].sampleCount }.max() ?? 0
            return RequestError([.minimumSamples], "intent '\(bad.intent)' has no feasible cell once cells with fewer than \(minimum) samples are ruled out: its \(bad.feasibleButThin) feasible cell(s) have at most \(most) samples; expected a minimum of at most \(most), or more samples for it")
        }
        return DataError(file: "intents.csv", line: intent.sourceLine, field: "min_quality",
                         "intent '\(bad.intent)' has no feasible cell: best quality \(formatQuality(bad.bestQuality)) (floor \(formatQuality(intent.minQuality))), lowest P99 \(formatFixed(bad.lowestP99, decimals: 0)) ms (cap \(formatFixed(intent.maxP99LatencyMs, decimals: 0)) ms); expected at least one cell meeting both")
    }

    /// The summary as a JSON object.
    public var json: JSONValue { json(noise: nil) }

    /// The summary as a JSON object, with the cells whose feasibility depends on noise
    /// (key `noise`, before `ok`) when a screen is given.
    public func json(noise: NoiseScreen?) -> JSONValue {
        json(noise: noise, power: nil)
    }

    /// The summary as a JSON object with, when given, the noise screen and the detectable
    /// effects of a configuration's cells (key `power`, each with `samples_for_change` when
    /// `change` is given).
    public func json(noise: NoiseScreen?, power: (effects: [DetectableEffect], change: Double?)?) -> JSONValue {
        .object([
            ("fingerprint", .string(fingerprint)),
            ("files", .array(files.map { .string($0) })),
            ("rows", .number(Double(rows))),
        ] + (minimumSamples.map { [("min_samples_required", JSONValue.number(Double($0)))] } ?? []) + [
            ("models", .array(models.map(Self.modelJSON))),
            ("intents", .array(intents.map { summary in
                .object([
                    ("intent", .string(summary.intent)),
                    ("cells", .number(Double(summary.cells))),
                    ("feasible_cells", .number(Double(summary.feasibleCells))),
                    ("below_quality_floor", .number(Double(summary.belowFloor))),
                    ("above_p99_cap", .number(Double(summary.aboveCap))),
                    ("min_samples", .number(Double(summary.samples.lowerBound))),
                    ("max_samples", .number(Double(summary.samples.upperBound))),
                ] + (minimumSamples == nil ? [] : [("too_few_samples", JSONValue.number(Double(summary.tooFewSamples)))]) + [
                    ("best_quality", .number(summary.bestQuality)),
                    ("lowest_p99_latency_ms", .number(summary.lowestP99)),
                    ("cheapest_feasible_monthly_cost_usd", summary.cheapestFeasibleUSD.map { .number($0) } ?? .null),
                ] + Self.promptCacheJSON(summary))
            })),
            ("warnings", .array(warnings.map { .string($0) })),
        ] + (noise.map { [("noise", $0.json)] } ?? []) + (power.map { [("power", DetectableEffect.json($0.effects, change: $0.change))] } ?? []) + [
            ("ok", .bool(infeasibleIntents.isEmpty)),
        ])
    }

    /// A model's prices; the cache prices only when models.csv gives them, so version-1 data
    /// keeps its bytes.
    private static func modelJSON(_ model: Model) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("model", .string(model.name)),
            ("input_usd_per_mtok", .number(model.prices.input)),
            ("output_usd_per_mtok", .number(model.prices.output)),
        ]
        if model.prices.hasCacheOverrides {
            fields += [("cache_read_usd_per_mtok", .number(model.prices.cacheRead)),
                       ("cache_write_usd_per_mtok", .number(model.prices.cacheWrite))]
        }
        fields.append(("monthly_fixed_usd", .number(model.monthlyFixedUSD)))
        return .object(fields)
    }

    /// An intent's prompt-cache figures, present only when it has any.
    private static func promptCacheJSON(_ summary: IntentSummary) -> [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = []
        if let share = summary.cachedInputShare { fields.append(("cached_input_share", .number(share))) }
        if let share = summary.promptCacheReadShare { fields.append(("prompt_cache_read_share", .number(share))) }
        return fields
    }

    /// The summary as a table for people.
    public var text: String { text(width: nil) }

    /// The summary as a table for people, fitted to `width` columns when given (compact
    /// headers, then the samples column dropped).
    public func text(width: Int?) -> String {
        var lines: [String] = []
        lines.append("data fingerprint \(fingerprint): \(files.count) files, \(rows) eval rows, \(intents.count) intents, \(models.count) models, \(intents.reduce(0) { $0 + $1.cells }) cells")
        for model in models {
            let fee = model.monthlyFixedUSD > 0 ? ", \(formatUSD(model.monthlyFixedUSD))/month fixed" : ""
            lines.append("  model \(model.name): \(model.prices.perMillionText)\(fee)")
        }
        let promptCache = intents.contains { $0.cachedInputShare != nil || $0.promptCacheReadShare != nil }
        if promptCache {
            lines.append("prompt cache: 'cached' = share of the evals' input tokens in the cached prefix, 'reads' = share of the prefix billed as cache reads ('evals': as measured)")
        }
        if let minimumSamples { lines.append("cells of fewer than \(minimumSamples) samples are ruled out (column 'thin'); they are not counted feasible") }
        let rows = intents.map { s -> [String] in
            var row: [String] = [s.intent, "\(s.cells)", "\(s.feasibleCells)", "\(s.belowFloor)", "\(s.aboveCap)"]
            if minimumSamples != nil { row.append("\(s.tooFewSamples)") }
            let samples = s.samples.lowerBound == s.samples.upperBound ? "\(s.samples.lowerBound)" : "\(s.samples.lowerBound)-\(s.samples.upperBound)"
            row += [samples, formatQuality(s.bestQuality), formatFixed(s.lowestP99, decimals: 0), s.cheapestFeasibleUSD.map { formatUSD($0) } ?? "none"]
            if promptCache {
                row += [s.cachedInputShare.map(formatPercent) ?? "-", s.promptCacheReadShare.map(formatPercent) ?? "evals"]
            }
            return row
        }
        lines += TextTable(columns: [
            .init("intent", cuttable: true), .init("cells", .right), .init("feasible", .right), .init("<floor", .right),
            .init(">p99cap", .right),
        ] + (minimumSamples == nil ? [] : [.init("thin", .right)]) + [
            .init("samples", .right, dropRank: 0), .init("best q", .right),
            .init("min p99 ms", compact: "p99 ms", .right), .init("cheapest feasible", compact: "cheapest", .right),
        ] + (promptCache ? [.init("cached", .right, dropRank: 1), .init("reads", .right, dropRank: 1)] : []),
        rows: rows).lines(width: width)
        for warning in warnings { lines.append("warning: \(warning)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Pads `text` on the right to `width` characters.
func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

/// Pads `text` on the left to `width` characters.
func padLeft(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}
