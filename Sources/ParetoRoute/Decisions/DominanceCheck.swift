/// Whether a configuration is dominated by a front, and the two moves worth making.
public struct DominanceCheck: Sendable {
    /// The configuration's figures.
    public var evaluation: ConfigurationEvaluation
    /// Indices of front points that dominate it, cheapest first (all of them).
    public var dominators: [Int]
    /// The cheapest front point with at least its quality, and the monthly saving.
    public var cheaperAtSameQuality: (index: Int, savingUSD: Double)?
    /// The best front point costing no more, and the quality gain.
    public var betterAtSameCost: (index: Int, qualityGain: Double)?

    /// True when some front point is at least as good in both objectives and better in one.
    public var isDominated: Bool { !dominators.isEmpty }

    /// Compares `evaluation` with `front`.
    public init(evaluation: ConfigurationEvaluation, front: Front) {
        self.evaluation = evaluation
        let cost = evaluation.monthlyCostUSD, quality = evaluation.quality
        let points = front.points
        dominators = points.indices.filter { points[$0].dominates(cost: cost, quality: quality) }
        let atLeastQuality = points.indices.filter { points[$0].quality >= quality }
        if let i = atLeastQuality.min(by: { (points[$0].monthlyCostUSD, -points[$0].quality, $0) < (points[$1].monthlyCostUSD, -points[$1].quality, $1) }),
           points[i].monthlyCostUSD < cost {
            cheaperAtSameQuality = (i, cost - points[i].monthlyCostUSD)
        }
        let atMostCost = points.indices.filter { points[$0].monthlyCostUSD <= cost }
        if let i = atMostCost.max(by: { (points[$0].quality, -points[$0].monthlyCostUSD, -$0) < (points[$1].quality, -points[$1].monthlyCostUSD, -$1) }),
           points[i].quality > quality {
            betterAtSameCost = (i, points[i].quality - quality)
        }
    }
}
