/// One evaluated setting of one intent and its derived figures.
///
/// Only what the objectives and constraints need is kept: means, the P99 and the
/// sample count, never the samples themselves.
public struct Cell: Sendable, Hashable {
    /// The setting evaluated.
    public var setting: Setting
    /// The model's index in the table's model list.
    public var modelIndex: Int
    /// Golden samples behind the figures.
    public var sampleCount: Int
    /// Mean quality.
    public var quality: Double
    /// Standard error of the mean quality (sample standard deviation over √n; 0 when n = 1,
    /// where ``hasQualityStandardError`` is false: one sample measures no spread).
    public var qualityStandardError: Double
    /// Whether the mean quality has a standard error (at least 2 samples).
    public var hasQualityStandardError: Bool { sampleCount >= 2 }
    /// The standard error as reports show it: nil (`null`, `n/a`) under 2 samples, not 0.
    public var knownQualityStandardError: Double? { hasQualityStandardError ? qualityStandardError : nil }
    /// The fewest samples behind a mean with a standard error.
    public static let minimumSamplesForStandardError = 2
    /// Mean input tokens billed at the full input price (cached tokens excluded).
    public var meanInputTokens: Double
    /// Mean billed output tokens.
    public var meanOutputTokens: Double
    /// Mean input tokens read from the prompt cache, as the evals measured them.
    public var meanCacheReadTokens: Double
    /// Mean input tokens written to the prompt cache, as the evals measured them.
    public var meanCacheWriteTokens: Double
    /// The mean tokens per call as measured (before an intent's prompt-cache read share).
    public var meanTokens: TokenCounts {
        TokenCounts(input: meanInputTokens, cacheRead: meanCacheReadTokens, cacheWrite: meanCacheWriteTokens, output: meanOutputTokens)
    }
    /// P99 latency by linear interpolation between closest ranks.
    public var p99LatencyMs: Double
    /// Monthly LLM cost of serving the intent with this cell, without model fees.
    public var monthlyCostUSD: Double
    /// The evals file whose rows produced the cell (after the supersede rule).
    public var sourceFile: String

    /// Creates a cell from already derived figures.
    public init(setting: Setting, modelIndex: Int, sampleCount: Int, quality: Double,
                qualityStandardError: Double, meanInputTokens: Double, meanOutputTokens: Double,
                p99LatencyMs: Double, monthlyCostUSD: Double, sourceFile: String,
                meanCacheReadTokens: Double = 0, meanCacheWriteTokens: Double = 0) {
        self.setting = setting
        self.modelIndex = modelIndex
        self.sampleCount = sampleCount
        self.quality = quality
        self.qualityStandardError = qualityStandardError
        self.meanInputTokens = meanInputTokens
        self.meanOutputTokens = meanOutputTokens
        self.meanCacheReadTokens = meanCacheReadTokens
        self.meanCacheWriteTokens = meanCacheWriteTokens
        self.p99LatencyMs = p99LatencyMs
        self.monthlyCostUSD = monthlyCostUSD
        self.sourceFile = sourceFile
    }

    /// The contract's monthly cost: calls per month times the mean per-call price, the cached
    /// prefix re-split by the intent's prompt-cache read share.
    ///
    /// The one place a cell is priced: the loader, what-ifs and projections all come here.
    public static func monthlyCost(intent: Intent, prices: PriceCard, meanTokens: TokenCounts) -> Double {
        intent.monthlyCalls * prices.scaledCost(of: meanTokens.applyingReadShare(intent.promptCacheReadShare)) / 1e6
    }

    /// The cell's monthly cost for `intent` at `prices`, split by kind of token.
    public func monthlyCostParts(intent: Intent, prices: PriceCard) -> CostParts {
        prices.costParts(of: meanTokens.applyingReadShare(intent.promptCacheReadShare)).scaled(by: intent.monthlyCalls)
    }
}

/// The 99th percentile by linear interpolation between closest ranks (the contract's rule).
///
/// `sorted` must be ascending and non-empty.
public func percentile99(sorted: [Double]) -> Double {
    percentile(sorted: sorted, 0.99)
}

/// The `p`-quantile by the contract's P99 rule, linear interpolation between closest
/// ranks: h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]).
///
/// The cost projection's P5, P50 and P95 use it too, so every percentile the tool prints
/// follows one rule. `sorted` must be ascending and non-empty; `p` in [0, 1].
public func percentile(sorted: [Double], _ p: Double) -> Double {
    precondition(!sorted.isEmpty, "percentile of no samples")
    let n = sorted.count
    if n == 1 { return sorted[0] }
    let h = Double(n - 1) * p
    let lower = Int(h)
    let fraction = h - Double(lower)
    if lower + 1 >= n { return sorted[n - 1] }
    return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower])
}
