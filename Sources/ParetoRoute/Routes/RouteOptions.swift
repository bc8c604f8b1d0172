/// Which routes a search considers, and how the quality of a chosen threshold is judged.
///
/// The grid is coarse on purpose: nine thresholds and nine shares per pair of cells give a
/// front as fine as the golden samples can tell apart (200 samples: a share step of 0.1
/// moves 20 of them), and keep the exact front's fold cheap.
public struct RouteOptions: Sendable, Hashable {
    /// Threshold routes, for every router that scores the intent (routers.csv).
    public var thresholdRoutes: Bool
    /// Share routes between neighbouring cells of the intent's cost–quality hull.
    public var shareRoutes: Bool
    /// Thresholds at these quantiles of the router's scores on the intent's samples (the
    /// threshold is the score of the sample at that rank, so the route sends about
    /// 1 − q of the traffic to `high`).
    public var thresholdQuantiles: [Double]
    /// Shares of traffic sent to `high` by share routes.
    public var shares: [Double]
    /// Whether a threshold route's quality gain over the share line at the same share is
    /// cut by its one-sided lower confidence bound (Bonferroni over the thresholds tried):
    /// choosing the best of many thresholds on the same golden samples otherwise reports
    /// noise as gain. Off only to measure the optimism.
    public var protectsFromSelection: Bool
    /// The one-sided error rate of that bound, shared by the thresholds of one pair.
    public var selectionErrorRate: Double
    /// The most cells of an intent paired: its non-dominated cells, cheapest first.
    public var maxCellsPaired: Int

    /// Creates options; by default threshold and share routes, protected.
    public init(thresholdRoutes: Bool = true, shareRoutes: Bool = true,
                thresholdQuantiles: [Double] = stride(from: 0.1, through: 0.9, by: 0.1).map { ($0 * 10).rounded() / 10 },
                shares: [Double] = stride(from: 0.1, through: 0.9, by: 0.1).map { ($0 * 10).rounded() / 10 },
                protectsFromSelection: Bool = true, selectionErrorRate: Double = 0.05, maxCellsPaired: Int = 8) {
        self.thresholdRoutes = thresholdRoutes
        self.shareRoutes = shareRoutes
        self.thresholdQuantiles = thresholdQuantiles
        self.shares = shares
        self.protectsFromSelection = protectsFromSelection
        self.selectionErrorRate = selectionErrorRate
        self.maxCellsPaired = maxCellsPaired
    }

    /// No routes: version-1 fronts.
    public static let none = RouteOptions(thresholdRoutes: false, shareRoutes: false)

    /// Share routes only (data without routers.csv, `--routes share`).
    public static let shareOnly = RouteOptions(thresholdRoutes: false, shareRoutes: true)

    /// Whether any route is considered.
    public var isEnabled: Bool { thresholdRoutes || shareRoutes }

    /// The z of the selection bound: one-sided, α / (thresholds tried).
    public var selectionZ: Double {
        let tried = max(1, thresholdQuantiles.count)
        return NormalQuantile.twoSided(1 - 2 * selectionErrorRate / Double(tried))
    }
}
