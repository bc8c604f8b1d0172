/// Picks a point of a front by the three rules users ask for.
public enum FrontPicker {
    /// A request: a budget, a quality floor, the knee, or a point by its number.
    public enum Request: Sendable, Hashable {
        /// The highest-quality point costing at most this much a month.
        case budget(Double)
        /// The cheapest point of at least this quality.
        case minQuality(Double)
        /// The knee (see ``FrontGeometry/kneeIndex(_:)``).
        case knee
        /// The point numbered so (from 1, as every output numbers points); check the
        /// number first with ``Front/pointIndex(number:)``, which names the range.
        case point(Int)
    }

    /// The answer: a point, or the nearest one when nothing meets the request.
    public enum Answer: Sendable, Hashable {
        /// The index of the chosen point.
        case found(Int)
        /// Nothing meets the request; the index of the nearest point and why.
        case unmet(nearest: Int, reason: String)
    }

    /// Applies `request` to `front`. Ties follow ``FrontOrder`` (the cheaper point, then the
    /// better, then the earlier), as every command does.
    public static func pick(_ request: Request, from front: Front) -> Answer? {
        let points = front.points
        guard !points.isEmpty else { return nil }
        switch request {
        case .budget(let budget):
            let affordable = points.indices.filter { points[$0].monthlyCostUSD <= budget }
            guard let best = FrontOrder.bestQuality(affordable, { points[$0].objectives }) else {
                let cheapest = FrontOrder.cheapest(points.indices, { points[$0].objectives }) ?? 0
                return .unmet(nearest: cheapest, reason: "no point costs at most \(formatUSD(budget)) a month; the cheapest costs \(formatUSD(points[cheapest].monthlyCostUSD))")
            }
            return .found(best)
        case .minQuality(let floor):
            let good = points.indices.filter { points[$0].quality >= floor }
            guard let cheapest = FrontOrder.cheapest(good, { points[$0].objectives }) else {
                let best = FrontOrder.bestQuality(points.indices, { points[$0].objectives }) ?? 0
                return .unmet(nearest: best, reason: "no point reaches quality \(formatQuality(floor)); the best reaches \(formatQuality(points[best].quality))")
            }
            return .found(cheapest)
        case .knee:
            return front.kneeIndex.map { .found($0) }
        case .point(let number):
            guard number >= 1, number <= points.count else {
                let nearest = min(max(number, 1), points.count) - 1
                return .unmet(nearest: nearest, reason: "the front has no point #\(number); its points are #1 to #\(points.count)")
            }
            return .found(number - 1)
        }
    }
}
