import NSGA2

/// The tool's one rule for reference points, hypervolume and the knee.
///
/// The reference point is cost = 1.1 × the largest cost, quality = the smallest
/// quality − 0.01, over the points given (for two fronts: over their union), so a
/// distant reference cannot flatter a front.
public enum FrontGeometry {
    /// The reference point of a set of (cost, quality) points.
    public static func referencePoint(_ points: [(cost: Double, quality: Double)]) -> (cost: Double, quality: Double) {
        guard let maxCost = points.map(\.cost).max(), let minQuality = points.map(\.quality).min() else {
            return (0, 0)
        }
        return (1.1 * maxCost, minQuality - 0.01)
    }

    /// The area dominated by `points` (cost minimized, quality maximized) up to `reference`.
    public static func hypervolume(_ points: [(cost: Double, quality: Double)], reference: (cost: Double, quality: Double)) -> Double {
        hypervolume2D(points.map { ($0.cost, -$0.quality) }, reference: (reference.cost, -reference.quality))
    }

    /// The share of `exact`'s hypervolume that `found` reaches, with the reference point
    /// taken from `exact` by the tool's rule (a distant reference would flatter any front).
    /// 1 when the exact front has no area.
    public static func hypervolumeShare(of found: [(cost: Double, quality: Double)], exact: [(cost: Double, quality: Double)]) -> Double {
        let reference = referencePoint(exact)
        let exactVolume = hypervolume(exact, reference: reference)
        return exactVolume > 0 ? hypervolume(found, reference: reference) / exactVolume : 1
    }

    /// The knee of a front sorted by cost: with both objectives scaled to [0, 1] over
    /// the front, the point farthest from the line through the cheapest and the best
    /// point (ties: the cheaper). A front of one or two points has its cheapest as knee.
    public static func kneeIndex(_ points: [(cost: Double, quality: Double)]) -> Int? {
        guard !points.isEmpty else { return nil }
        let costs = points.map(\.cost), qualities = points.map(\.quality)
        guard let minC = costs.min(), let maxC = costs.max(), let minQ = qualities.min(), let maxQ = qualities.max(),
              maxC > minC, maxQ > minQ else { return 0 }
        let cheapest = FrontOrder.cheapest(points.indices, { points[$0] }) ?? 0
        let best = FrontOrder.bestQuality(points.indices, { points[$0] }) ?? 0
        func scaled(_ i: Int) -> (Double, Double) {
            ((points[i].cost - minC) / (maxC - minC), (points[i].quality - minQ) / (maxQ - minQ))
        }
        let (x0, y0) = scaled(cheapest), (x1, y1) = scaled(best)
        let dx = x1 - x0, dy = y1 - y0
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return cheapest }
        var bestIndex = cheapest
        var bestDistance = -1.0
        for i in points.indices {
            let (x, y) = scaled(i)
            let distance = abs(dy * (x - x0) - dx * (y - y0)) / length
            if distance > bestDistance + 1e-12 {
                bestDistance = distance
                bestIndex = i
            }
        }
        return bestIndex
    }
}
