/// Evaluates routes of one table exactly, sample by sample, and lists the ones a search
/// considers (``RouteOptions``).
///
/// Pure functions of the table's samples: a route's figures follow the contract (version 2,
/// "Routers and routes") and are checked against a brute-force reading of it in the tests.
public enum RouteBuilder {
    /// Why a route cannot be evaluated.
    public enum Failure: Error, Sendable, Hashable {
        /// The table was loaded without per-sample data and sample ids.
        case noSamples
        /// The router does not score the intent, or is unknown.
        case unknownRouter(String)
        /// The two cells share no golden sample the router scores.
        case noSharedSamples
    }

    /// A threshold route of intent `intent` from cell `low` to cell `high` by router `router`:
    /// `penaltyZ` (when given) cuts the quality gain over the share line at the same share by
    /// `penaltyZ` standard errors of that gain, never below the share line and never above the
    /// measured figure (see ``RouteOptions/protectsFromSelection``).
    /// - Complexity: O(n log n) for n shared samples.
    public static func threshold(in table: CellTable, intent i: Int, low a: Int, high b: Int, router r: Int,
                                 threshold t: Double, penaltyZ: Double? = nil) throws(Failure) -> RouteCell {
        guard let samples = table.samples, !samples[i][a].sampleIDs.isEmpty, !samples[i][b].sampleIDs.isEmpty else {
            throw .noSamples
        }
        guard r < table.routerScores.routers.count, let scores = table.routerScores.scores[i][r] else {
            throw .unknownRouter(r < table.routerScores.routers.count ? table.routerScores.routers[r].name : "#\(r)")
        }
        let pairs = aligned(samples[i][a], samples[i][b], scores: scores)
        guard !pairs.isEmpty else { throw .noSharedSamples }
        return threshold(in: table, samples: samples, intent: i, low: a, high: b, router: r, pairs: pairs, threshold: t,
                         penaltyZ: penaltyZ)
    }

    /// A share route of intent `intent`: a random `share` of the traffic to cell `high`.
    ///
    /// Quality and tokens mix the two cells' means; the P99 is the mixture's
    /// (``RouteFigures/shareP99(low:high:share:level:)``). The standard error is that of the
    /// mixed per-sample quality over the samples both cells answered (the cells' own when the
    /// table has no sample ids).
    public static func share(in table: CellTable, intent i: Int, low a: Int, high b: Int, share s: Double) throws(Failure) -> RouteCell {
        guard let samples = table.samples else { throw .noSamples }
        let low = table.cells[i][a], high = table.cells[i][b]
        let quality = (1 - s) * low.quality + s * high.quality
        var standardError: Double?
        let pairs = aligned(samples[i][a], samples[i][b], scores: nil)
        if pairs.count >= 2 {
            let mixed = pairs.map { (1 - s) * samples[i][a].qualities[$0.low] + s * samples[i][b].qualities[$0.high] }
            standardError = meanAndStandardError(mixed).standardError
        } else if low.hasQualityStandardError, high.hasQualityStandardError {
            standardError = ((1 - s) * (1 - s) * low.qualityStandardError * low.qualityStandardError
                + s * s * high.qualityStandardError * high.qualityStandardError).squareRoot()
        }
        let lowTokens = scaled(low.meanTokens, by: 1 - s), highTokens = scaled(high.meanTokens, by: s)
        let intent = table.intents[i]
        let route = Route(rule: .share(s), low: low.setting, high: high.setting)
        return RouteCell(
            route: route, low: a, high: b, router: nil, sampleCount: min(low.sampleCount, high.sampleCount), highShare: s,
            quality: quality, qualityStandardError: standardError, measuredQuality: quality,
            p99LatencyMs: RouteFigures.shareP99(low: samples[i][a].sortedLatencies, high: samples[i][b].sortedLatencies, share: s),
            lowTokens: lowTokens, highTokens: highTokens,
            monthlyCostUSD: RouteCell.monthlyCost(intent: intent, lowPrices: table.models[low.modelIndex].prices, lowTokens: lowTokens,
                                                  highPrices: table.models[high.modelIndex].prices, highTokens: highTokens))
    }

    /// One shared sample: its row in `low`'s samples, in `high`'s, and the router's score.
    struct Pair {
        var low: Int
        var high: Int
        var score: Double
    }

    /// The samples both cells answered (and the router scored, when `scores` is given), in
    /// `low`'s file order.
    static func aligned(_ low: CellSamples, _ high: CellSamples, scores: [String: Double]?) -> [Pair] {
        var highIndex: [String: Int] = [:]
        highIndex.reserveCapacity(high.sampleIDs.count)
        for (k, id) in high.sampleIDs.enumerated() { highIndex[id] = k }
        var pairs: [Pair] = []
        pairs.reserveCapacity(low.sampleIDs.count)
        for (k, id) in low.sampleIDs.enumerated() {
            guard let h = highIndex[id] else { continue }
            if let scores {
                guard let score = scores[id] else { continue }
                pairs.append(Pair(low: k, high: h, score: score))
            } else {
                pairs.append(Pair(low: k, high: h, score: 0))
            }
        }
        return pairs
    }

    static func threshold(in table: CellTable, samples all: [[CellSamples]], intent i: Int, low a: Int, high b: Int,
                          router r: Int, pairs: [Pair], threshold t: Double, penaltyZ: Double?) -> RouteCell {
        let lowSamples = all[i][a], highSamples = all[i][b]
        let routerLatency = table.routerScores.routers[r].latencyMs
        let n = Double(pairs.count)
        var qualities: [Double] = [], latencies: [Double] = []
        qualities.reserveCapacity(pairs.count)
        latencies.reserveCapacity(pairs.count)
        var lowTokens = TokenCounts(input: 0, output: 0), highTokens = TokenCounts(input: 0, output: 0)
        var toHigh = 0
        for pair in pairs {
            if pair.score >= t {
                toHigh += 1
                qualities.append(highSamples.qualities[pair.high])
                latencies.append(highSamples.latencies[pair.high] + routerLatency)
                highTokens = sum(highTokens, highSamples.tokens(at: pair.high))
            } else {
                qualities.append(lowSamples.qualities[pair.low])
                latencies.append(lowSamples.latencies[pair.low] + routerLatency)
                lowTokens = sum(lowTokens, lowSamples.tokens(at: pair.low))
            }
        }
        let share = Double(toHigh) / n
        let (measured, standardError) = meanAndStandardError(qualities)
        var quality = measured
        if let penaltyZ {
            // The gain over a random split at the same share, sample by sample (paired).
            let gains = pairs.indices.map { k in
                qualities[k] - ((1 - share) * lowSamples.qualities[pairs[k].low] + share * highSamples.qualities[pairs[k].high])
            }
            let (gain, gainError) = meanAndStandardError(gains)
            quality = measured - min(max(gain, 0), penaltyZ * (gainError ?? 0))
        }
        latencies.sort()
        lowTokens = scaled(lowTokens, by: 1 / n)
        highTokens = scaled(highTokens, by: 1 / n)
        let low = table.cells[i][a], high = table.cells[i][b]
        let route = Route(rule: .threshold(router: table.routerScores.routers[r].name, threshold: t), low: low.setting, high: high.setting)
        return RouteCell(
            route: route, low: a, high: b, router: r, sampleCount: pairs.count, highShare: share, quality: quality,
            qualityStandardError: standardError, measuredQuality: measured, p99LatencyMs: percentile99(sorted: latencies),
            lowTokens: lowTokens, highTokens: highTokens,
            monthlyCostUSD: RouteCell.monthlyCost(intent: table.intents[i], lowPrices: table.models[low.modelIndex].prices, lowTokens: lowTokens,
                                                  highPrices: table.models[high.modelIndex].prices, highTokens: highTokens))
    }

    /// The mean and its standard error (nil under 2 values).
    static func meanAndStandardError(_ values: [Double]) -> (mean: Double, standardError: Double?) {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        guard values.count >= 2 else { return (mean, nil) }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        return (mean, (variance / n).squareRoot())
    }

    static func sum(_ x: TokenCounts, _ y: TokenCounts) -> TokenCounts {
        TokenCounts(input: x.input + y.input, cacheRead: x.cacheRead + y.cacheRead, cacheWrite: x.cacheWrite + y.cacheWrite,
                    output: x.output + y.output)
    }

    static func scaled(_ x: TokenCounts, by factor: Double) -> TokenCounts {
        TokenCounts(input: x.input * factor, cacheRead: x.cacheRead * factor, cacheWrite: x.cacheWrite * factor, output: x.output * factor)
    }
}
