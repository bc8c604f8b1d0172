/// Cells whose feasibility verdict rests on measurement noise.
public struct NoiseScreen: Sendable {
    /// One cell whose interval straddles its intent's floor or cap.
    public struct Entry: Sendable, Hashable {
        /// The intent's name.
        public var intent: String
        /// The cell's setting.
        public var setting: Setting
        /// The cell's figures.
        public var quality: Double
        /// The cell's P99.
        public var p99LatencyMs: Double
        /// The bootstrap interval.
        public var interval: CellInterval
        /// Feasible by the point estimates.
        public var feasibleByEstimate: Bool
        /// Feasible with the interval's margin.
        public var feasibleWithMargin: Bool

        /// The entry of `cell` when its `interval` straddles `intent`'s floor or cap, else `nil`.
        init?(intent: Intent, cell: Cell, interval: CellInterval) {
            guard interval.dependsOnNoise(cell, intent: intent) else { return nil }
            self.intent = intent.name
            setting = cell.setting
            quality = cell.quality
            p99LatencyMs = cell.p99LatencyMs
            self.interval = interval
            feasibleByEstimate = CellViolation.of(cell, for: intent).isEmpty
            feasibleWithMargin = interval.violation(for: intent).isEmpty
        }
    }

    /// The confidence of the intervals.
    public var confidence: Double
    /// The cells, in intent then setting order.
    public var entries: [Entry]

    /// Screens `table`, which must carry intervals (``CellTable/applyingConfidence(_:seed:)``).
    public init(_ table: CellTable) {
        confidence = table.confidence ?? 0
        var entries: [Entry] = []
        guard let intervals = table.intervals else {
            self.entries = []
            return
        }
        for (i, intent) in table.intents.enumerated() {
            for (c, cell) in table.cells[i].enumerated() {
                if let entry = Entry(intent: intent, cell: cell, interval: intervals[i][c]) { entries.append(entry) }
            }
        }
        self.entries = entries
    }

    init(confidence: Double, entries: [Entry]) {
        self.confidence = confidence
        self.entries = entries
    }

    /// The entries as JSON for `validate --json`.
    public var json: JSONValue {
        .object([
            ("confidence", .number(confidence)),
            ("bootstrap_resamples", .number(Double(Bootstrap.resamples))),
            ("cells", .array(entries.map { e in
                .object([
                    ("intent", .string(e.intent)), ("config", Configuration.json(of: e.setting)),
                    ("quality", .number(e.quality)), ("quality_interval", .array([.number(e.interval.qualityLower), .number(e.interval.qualityUpper)])),
                    ("p99_latency_ms", .number(e.p99LatencyMs)), ("p99_interval", .array([.number(e.interval.p99Lower), .number(e.interval.p99Upper)])),
                    ("feasible_by_estimate", .bool(e.feasibleByEstimate)), ("feasible_with_margin", .bool(e.feasibleWithMargin)),
                ])
            })),
        ])
    }

    /// The entries as lines for people.
    public var text: String {
        var lines = ["\(entries.count) cells whose feasibility depends on noise (\(formatFixed(confidence * 100, decimals: 0))% bootstrap intervals, \(Bootstrap.resamples) resamples):"]
        for e in entries {
            lines.append("  \(e.intent) \(e.setting): quality \(formatQuality(e.quality)) \(e.interval.qualityLower.isFinite ? "[\(formatQuality(e.interval.qualityLower)), \(formatQuality(e.interval.qualityUpper))]" : "[n/a: one sample]"), p99 \(formatFixed(e.p99LatencyMs, decimals: 0)) [\(formatFixed(e.interval.p99Lower, decimals: 0)), \(formatFixed(e.interval.p99Upper, decimals: 0))] ms; feasible by estimate: \(e.feasibleByEstimate ? "yes" : "no"), with margin: \(e.feasibleWithMargin ? "yes" : "no")")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
