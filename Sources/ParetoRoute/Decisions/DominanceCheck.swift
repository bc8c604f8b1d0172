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

    /// The confidence used for ``dominatorsBeyondNoise``.
    public var confidence: Double
    /// Indices of front points that dominate it even after their quality advantage is
    /// discounted by z standard errors of the quality difference (z from ``confidence``).
    public var dominatorsBeyondNoise: [Int]

    /// Up to five dominators worth showing: of those beyond noise when there are any (else
    /// of all), the cheapest, the best and three at evenly spaced costs between them.
    public var shownDominators: [Int] = []

    /// True when some front point is at least as good in both objectives and better in one.
    public var isDominated: Bool { !dominators.isEmpty }

    /// True when the domination survives the measurement noise of the quality means.
    public var isDominatedBeyondNoise: Bool { !dominatorsBeyondNoise.isEmpty }

    /// Compares `evaluation` with `front`; `confidence` sets the noise margin (default 0.95).
    ///
    /// A point dominates beyond noise when it costs no more and its quality minus
    /// z·SE(difference) is still at least the configuration's, strictly better in one.
    /// SE(difference) counts only intents whose settings differ. Costs are taken as exact.
    public init(evaluation: ConfigurationEvaluation, front: Front, confidence: Double = 0.95) {
        self.evaluation = evaluation
        self.confidence = confidence
        let z = NormalQuantile.twoSided(confidence)
        let mine = FrontPoint(evaluation)
        dominatorsBeyondNoise = front.points.indices.filter { i in
            let p = front.points[i]
            // A margin of at least 0 needs at least the quality at no more cost: only those
            // few points pay for the standard error's per-intent walk.
            guard p.monthlyCostUSD <= evaluation.monthlyCostUSD, p.quality >= evaluation.quality else { return false }
            let margin = p.quality - evaluation.quality - z * p.qualityDifferenceStandardError(to: mine)
            return margin >= 0 && (p.monthlyCostUSD < evaluation.monthlyCostUSD || margin > 0)
        }
        let cost = evaluation.monthlyCostUSD, quality = evaluation.quality
        let points = front.points
        dominators = points.indices.filter { points[$0].dominates(cost: cost, quality: quality) }
        shownDominators = DominanceCheck.spread(dominatorsBeyondNoise.isEmpty ? dominators : dominatorsBeyondNoise, in: front, count: 5)
        let atLeastQuality = points.indices.filter { points[$0].quality >= quality }
        if let i = FrontOrder.cheapest(atLeastQuality, { points[$0].objectives }),
           points[i].monthlyCostUSD < cost {
            cheaperAtSameQuality = (i, cost - points[i].monthlyCostUSD)
        }
        let atMostCost = points.indices.filter { points[$0].monthlyCostUSD <= cost }
        if let i = FrontOrder.bestQuality(atMostCost, { points[$0].objectives }),
           points[i].quality > quality {
            betterAtSameCost = (i, points[i].quality - quality)
        }
    }

    /// At most `count` of `indices` (front points sorted by cost): the first, the last, and
    /// between them the points nearest to evenly spaced costs, cheapest first, no repeats.
    public static func spread(_ indices: [Int], in front: Front, count: Int) -> [Int] {
        guard indices.count > count, count >= 2, let first = indices.first, let last = indices.last else { return Array(indices.prefix(max(0, count))) }
        let low = front.points[first].monthlyCostUSD, high = front.points[last].monthlyCostUSD
        var chosen = [first, last]
        for step in 1..<(count - 1) {
            let target = low + (high - low) * Double(step) / Double(count - 1)
            let nearest = indices.filter { !chosen.contains($0) }.min { a, b in
                (abs(front.points[a].monthlyCostUSD - target), a) < (abs(front.points[b].monthlyCostUSD - target), b)
            }
            if let nearest { chosen.append(nearest) }
        }
        return chosen.sorted()
    }
}
