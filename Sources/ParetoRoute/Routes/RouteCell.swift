/// A route the data can evaluate: its two cells, its router, and its figures.
///
/// What a cell is to a ``Setting``, a route cell is to a ``Route``: the table's record of it.
/// Its tokens are kept split by side so a what-if's new prices or volumes reprice it exactly as
/// they reprice a cell (``CellTable/recomputingCosts()``).
public struct RouteCell: Sendable, Hashable {
    /// The route, by names.
    public var route: Route
    /// `low`'s index in the intent's cells.
    public var low: Int
    /// `high`'s index in the intent's cells.
    public var high: Int
    /// The router's index in ``RouterScores/routers`` (threshold routes only).
    public var router: Int?
    /// Golden samples behind the figures.
    public var sampleCount: Int
    /// The share of traffic sent to `high`.
    public var highShare: Double
    /// The quality the search and every report use: the measured mean, except for a threshold
    /// route of the search's grid, whose gain over a random split at the same share is cut by
    /// its lower confidence bound (``RouteOptions/protectsFromSelection``).
    public var quality: Double
    /// Standard error of the measured mean quality (nil under 2 samples).
    public var qualityStandardError: Double?
    /// Mean quality as measured on the golden samples (the contract's figure): for a
    /// threshold chosen on those samples, an optimistic one.
    public var measuredQuality: Double
    /// P99 latency in milliseconds, the router's latency included.
    public var p99LatencyMs: Double
    /// Mean tokens per answered conversation served by `low` (weighted by its share), as measured.
    public var lowTokens: TokenCounts
    /// Mean tokens per answered conversation served by `high` (weighted by its share), as measured.
    public var highTokens: TokenCounts
    /// Monthly LLM cost of serving the intent by the route, without fees.
    public var monthlyCostUSD: Double

    /// Creates a route cell from already derived figures.
    public init(route: Route, low: Int, high: Int, router: Int?, sampleCount: Int, highShare: Double, quality: Double,
                qualityStandardError: Double?, measuredQuality: Double, p99LatencyMs: Double,
                lowTokens: TokenCounts, highTokens: TokenCounts, monthlyCostUSD: Double) {
        self.route = route
        self.low = low
        self.high = high
        self.router = router
        self.sampleCount = sampleCount
        self.highShare = highShare
        self.quality = quality
        self.qualityStandardError = qualityStandardError
        self.measuredQuality = measuredQuality
        self.p99LatencyMs = p99LatencyMs
        self.lowTokens = lowTokens
        self.highTokens = highTokens
        self.monthlyCostUSD = monthlyCostUSD
    }

    /// The route's monthly cost for `intent`: each side's tokens at its own model's prices.
    public static func monthlyCost(intent: Intent, lowPrices: PriceCard, lowTokens: TokenCounts,
                                   highPrices: PriceCard, highTokens: TokenCounts) -> Double {
        Cell.monthlyCost(intent: intent, prices: lowPrices, meanTokens: lowTokens)
            + Cell.monthlyCost(intent: intent, prices: highPrices, meanTokens: highTokens)
    }
}
