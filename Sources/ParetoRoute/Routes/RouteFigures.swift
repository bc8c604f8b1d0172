/// The contract's figures of a route: one intent served by two of its cells.
///
/// Pure functions of the cells' samples, so they can be checked against a brute-force reading
/// of the contract (version 2, "Routers and routes").
public struct RouteFigures: Sendable, Hashable {
    /// Golden samples behind the figures (a threshold route: those in both cells and scored).
    public var samples: Int
    /// The share of traffic sent to `high`.
    public var highShare: Double
    /// Mean quality.
    public var quality: Double
    /// Standard error of the mean quality (nil under 2 samples).
    public var qualityStandardError: Double?
    /// The mean cost of one answered conversation in USD.
    public var costPerCallUSD: Double
    /// P99 latency in milliseconds (the router's latency included).
    public var p99LatencyMs: Double

    /// A threshold route: each sample in both cells and scored takes `high`'s row when its score
    /// is at least `threshold`, else `low`'s; each row priced at its own cell's prices with the
    /// intent's prompt-cache read share; latencies plus `routerLatencyMs`.
    ///
    /// Returns nil when no sample is shared and scored. Samples are taken in `low`'s file order.
    /// - Complexity: O(n) for n samples, plus O(n log n) for the P99.
    public static func threshold(low: CellSamples, lowPrices: PriceCard, high: CellSamples, highPrices: PriceCard,
                                 scores: [String: Double], threshold: Double, routerLatencyMs: Double,
                                 readShare: Double?) -> RouteFigures? {
        var highIndex: [String: Int] = [:]
        highIndex.reserveCapacity(high.sampleIDs.count)
        for (k, id) in high.sampleIDs.enumerated() { highIndex[id] = k }
        var qualities: [Double] = [], latencies: [Double] = []
        var cost = 0.0
        var toHigh = 0
        for (k, id) in low.sampleIDs.enumerated() {
            guard let h = highIndex[id], let score = scores[id] else { continue }
            if score >= threshold {
                toHigh += 1
                qualities.append(high.qualities[h])
                latencies.append(high.latencies[h] + routerLatencyMs)
                cost += highPrices.cost(of: high.tokens(at: h).applyingReadShare(readShare))
            } else {
                qualities.append(low.qualities[k])
                latencies.append(low.latencies[k] + routerLatencyMs)
                cost += lowPrices.cost(of: low.tokens(at: k).applyingReadShare(readShare))
            }
        }
        guard !qualities.isEmpty else { return nil }
        let n = Double(qualities.count)
        let mean = qualities.reduce(0, +) / n
        var standardError: Double?
        if qualities.count >= 2 {
            let variance = qualities.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
            standardError = (variance / n).squareRoot()
        }
        latencies.sort()
        return RouteFigures(samples: qualities.count, highShare: Double(toHigh) / n, quality: mean,
                            qualityStandardError: standardError, costPerCallUSD: cost / n,
                            p99LatencyMs: percentile99(sorted: latencies))
    }

    /// The contract's distribution function of a cell's latencies: F(x) = the largest p with
    /// Q(p) ≤ x, Q the interpolated quantile function (0 below the smallest latency).
    /// `sorted` must be ascending and non-empty.
    public static func distribution(_ sorted: [Double], at x: Double) -> Double {
        let n = sorted.count
        if x < sorted[0] { return 0 }
        if x >= sorted[n - 1] || n == 1 { return 1 }
        // j = the number of latencies ≤ x (1 ≤ j < n): x lies in [x[j−1], x[j]).
        var low = 0, high = n
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= x { low = middle + 1 } else { high = middle }
        }
        let j = low
        let fraction = (x - sorted[j - 1]) / (sorted[j] - sorted[j - 1])
        return (Double(j - 1) + fraction) / Double(n - 1)
    }

    /// F's limit from the left at `x` (differs from F where latencies tie or at a single sample).
    static func distributionFromLeft(_ sorted: [Double], at x: Double) -> Double {
        let n = sorted.count
        if x <= sorted[0] { return 0 }
        if x > sorted[n - 1] { return 1 }
        if n == 1 { return 0 }
        // k = the number of latencies < x (1 ≤ k ≤ n − 1 here): x lies in (x[k−1], x[k]].
        var low = 0, high = n
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < x { low = middle + 1 } else { high = middle }
        }
        let k = low
        let fraction = (x - sorted[k - 1]) / (sorted[k] - sorted[k - 1])
        return (Double(k - 1) + fraction) / Double(n - 1)
    }

    /// A share route's P99: the smallest x with (1 − s)·F_low(x) + s·F_high(x) ≥ 0.99.
    ///
    /// The mixture is piecewise linear between the two cells' latencies, so the answer is found
    /// exactly: the first breakpoint where it reaches 0.99, then the linear piece (or the jump)
    /// before it. At s = 0 it is `low`'s P99, at s = 1 `high`'s.
    /// - Complexity: O((m + n) log(m + n)).
    public static func shareP99(low: [Double], high: [Double], share s: Double, level: Double = 0.99) -> Double {
        let mixture = { (x: Double) in (1 - s) * distribution(low, at: x) + s * distribution(high, at: x) }
        let mixtureFromLeft = { (x: Double) in (1 - s) * distributionFromLeft(low, at: x) + s * distributionFromLeft(high, at: x) }
        var points = Array(Set(low + high)).sorted()
        if s == 0 { points = Array(Set(low)).sorted() }
        if s == 1 { points = Array(Set(high)).sorted() }
        var previous: Double?
        for b in points {
            guard mixture(b) >= level - 1e-15 else {
                previous = b
                continue
            }
            let left = mixtureFromLeft(b)
            guard let a = previous, left >= level - 1e-15 else { return b }
            let start = mixture(a)
            if left <= start { return b }
            return a + (level - start) * (b - a) / (left - start)
        }
        return points.last ?? 0
    }
}
