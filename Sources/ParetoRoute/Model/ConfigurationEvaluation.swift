/// The figures of one intent inside an evaluated configuration.
public struct IntentEvaluation: Sendable, Hashable {
    /// The intent's name.
    public var intent: String
    /// The chosen option's index in the table's options of this intent (a cell's index for a cell).
    public var cellIndex: Int
    /// The chosen setting or route.
    public var option: IntentOption
    /// The cell's monthly cost without model fees.
    public var monthlyCostUSD: Double
    /// The cell's mean quality.
    public var quality: Double
    /// The cell's P99 latency.
    public var p99LatencyMs: Double
    /// Standard error of the cell's mean quality (nil under 2 samples).
    public var qualityStandardError: Double?
    /// The intent's share of the total quality weight (wᵢ/W).
    public var weightShare: Double
    /// The intent's floor and cap, for reports.
    public var minQuality: Double
    /// The intent's P99 cap.
    public var maxP99LatencyMs: Double
    /// Which of the intent's constraints the cell breaks.
    public var violation: CellViolation
    /// ``monthlyCostUSD`` split by kind of token: fresh input, prompt-cache reads and writes, output.
    public var monthlyCostParts = CostParts(input: 0, cacheRead: 0, cacheWrite: 0, output: 0)
    /// The monthly cost if the cached prefix were billed at the input price: what the prompt
    /// cache saves is the difference.
    public var monthlyCostWithoutPromptCacheUSD = 0.0
}

/// A configuration's objectives, feasibility and per-intent breakdown.
public struct ConfigurationEvaluation: Sendable, Hashable {
    /// The chosen option (cell or route) index per intent.
    public var choice: [Int]
    /// Total monthly cost: cell costs plus the fee of every distinct fee-paying model used.
    public var monthlyCostUSD: Double
    /// The model fees included in ``monthlyCostUSD``.
    public var fixedFeesUSD: Double
    /// Weighted average quality.
    public var quality: Double
    /// Standard error of the weighted quality: √Σ (wᵢ/W)² SEᵢ², the intents' samples being independent.
    /// Nil when a cell's mean rests on fewer than 2 samples.
    public var qualityStandardError: Double? = 0
    /// Per-intent figures, in the table's intent order.
    public var perIntent: [IntentEvaluation]
    /// Global constraints that fail (monthly cost cap, overall quality floor), as sentences.
    public var globalFailures: [String]

    /// Whether any intent's cost has a prompt-cache part (cached tokens in its cell).
    public var usesPromptCache: Bool {
        perIntent.contains { $0.monthlyCostParts.cacheRead > 0 || $0.monthlyCostParts.cacheWrite > 0 }
    }

    /// True when every intent meets its floor and cap and every global constraint holds.
    public var isFeasible: Bool {
        globalFailures.isEmpty && perIntent.allSatisfy { $0.violation.isEmpty }
    }
}

/// Constraints on the whole configuration that the user adds on the command line.
public struct GlobalConstraints: Sendable, Hashable {
    /// Highest acceptable monthly cost, if any.
    public var maxMonthlyCostUSD: Double?
    /// Lowest acceptable weighted quality, if any.
    public var minQuality: Double?

    /// Creates constraints; both default to none.
    public init(maxMonthlyCostUSD: Double? = nil, minQuality: Double? = nil) {
        self.maxMonthlyCostUSD = maxMonthlyCostUSD
        self.minQuality = minQuality
    }

    /// The failures of a configuration with these objectives.
    public func failures(monthlyCostUSD: Double, quality: Double) -> [String] {
        var failures: [String] = []
        if let cap = maxMonthlyCostUSD, monthlyCostUSD > cap {
            failures.append("monthly cost \(formatUSD(monthlyCostUSD)) exceeds the cap \(formatUSD(cap))")
        }
        if let floor = minQuality, quality < floor {
            failures.append("quality \(formatQuality(quality)) is below the floor \(formatQuality(floor))")
        }
        return failures
    }
}
