import Foundation
import NSGA2
@testable import ParetoRoute

/// Small random tables with per-sample data and a router, whose routes brute force can judge.
enum RoutedTables {
    /// `intents` intents of `cellsPerIntent` cells on `samples` shared golden samples; a router
    /// `clf` (fee `routerFee`, 5 ms) scores every intent but the last. Each sample has a
    /// difficulty that lowers every cell's quality, the weak models' most; `informative` scores
    /// are that difficulty plus noise, otherwise pure noise.
    static func make(seed: UInt64, intents: Int = 3, cellsPerIntent: Int = 4, samples: Int = 40,
                     routerFee: Double = 30, informative: Bool = true, weakGap: Double = 0.15) -> CellTable {
        var rng = Xoshiro256StarStar(seed: seed)
        let models = [Model(name: "weak", prices: PriceCard(input: 0.25, output: 1.25, cacheRead: 0.03)),
                      Model(name: "strong", prices: PriceCard(input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75)),
                      Model(name: "fee", prices: PriceCard(input: 1, output: 4), monthlyFixedUSD: 120)]
        var intentList: [Intent] = []
        var cells: [[Cell]] = []
        var allSamples: [[CellSamples]] = []
        var scores: [[Int: [String: Double]]] = []
        for i in 0..<intents {
            let intent = Intent(name: "intent\(i)", dailyVolume: Double(200 + rng.nextInt(below: 2000)), responseCacheHitRate: 0.1,
                                minQuality: 0.55, maxP99LatencyMs: 2600, qualityWeight: Double(1 + rng.nextInt(below: 3)),
                                promptCacheReadShare: i == 0 ? 0.8 : nil)
            intentList.append(intent)
            let ids = (0..<samples).map { String(format: "s%03d", $0) }
            let difficulty = (0..<samples).map { _ in rng.nextDouble() }
            var list: [Cell] = [], kept: [CellSamples] = []
            for c in 0..<cellsPerIntent {
                let m = c == 0 ? 0 : c == 1 ? 1 : rng.nextInt(below: models.count)
                let base = m == 1 ? 0.9 : m == 2 ? 0.85 : 0.9 - weakGap
                let sensitivity = m == 0 ? 0.3 : 0.1
                // Samples in a shuffled order per cell: routes must pair them by id, not by row.
                var order = Array(0..<samples)
                for k in stride(from: samples - 1, to: 0, by: -1) { order.swapAt(k, rng.nextInt(below: k + 1)) }
                var q: [Double] = [], lat: [Double] = [], inp: [Int] = [], out: [Int] = [], read: [Int] = [], write: [Int] = []
                for k in order {
                    q.append(min(1, max(0, base - sensitivity * difficulty[k] + 0.1 * (rng.nextDouble() - 0.5))))
                    lat.append(Double(300 + rng.nextInt(below: 2000) + (m == 1 ? 400 : 0)))
                    inp.append(100 + rng.nextInt(below: 900))
                    out.append(20 + rng.nextInt(below: 300))
                    read.append(i == 0 ? rng.nextInt(below: 200) : 0)
                    write.append(i == 0 ? rng.nextInt(below: 50) : 0)
                }
                var cellSamples = CellSamples(qualities: q, sortedLatencies: lat.sorted(), inputTokens: inp, outputTokens: out,
                                              cacheReadTokens: i == 0 ? read : [], cacheWriteTokens: i == 0 ? write : [])
                cellSamples.sampleIDs = order.map { ids[$0] }
                cellSamples.latencies = lat
                let n = Double(samples)
                let mean = q.reduce(0, +) / n
                let sd = (q.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
                let tokens = TokenCounts(input: Double(inp.reduce(0, +)) / n, cacheRead: Double(read.reduce(0, +)) / n,
                                         cacheWrite: Double(write.reduce(0, +)) / n, output: Double(out.reduce(0, +)) / n)
                list.append(Cell(setting: Setting(model: models[m].name, maxTokens: 100 + 50 * c, temperature: 0.1, ragChunks: c % 3),
                                 modelIndex: m, sampleCount: samples, quality: mean, qualityStandardError: sd / n.squareRoot(),
                                 meanInputTokens: tokens.input, meanOutputTokens: tokens.output, p99LatencyMs: percentile99(sorted: lat.sorted()),
                                 monthlyCostUSD: Cell.monthlyCost(intent: intent, prices: models[m].prices, meanTokens: tokens),
                                 sourceFile: "evals.csv", meanCacheReadTokens: tokens.cacheRead, meanCacheWriteTokens: tokens.cacheWrite))
                kept.append(cellSamples)
            }
            // The table sorts cells by setting: keep the samples aligned.
            let order = list.indices.sorted { list[$0].setting < list[$1].setting }
            cells.append(order.map { list[$0] })
            allSamples.append(order.map { kept[$0] })
            if i < intents - 1 {
                var map: [String: Double] = [:]
                for k in 0..<samples {
                    map[ids[k]] = informative ? difficulty[k] + 0.15 * rng.nextDouble() : rng.nextDouble()
                }
                scores.append([0: map])
            } else {
                scores.append([:])
            }
        }
        var table = CellTable(models: models, intents: intentList, cells: cells)
        table.samples = allSamples
        table.routerScores = RouterScores(routers: [Router(name: "clf", monthlyFixedUSD: routerFee, latencyMs: 5)], scores: scores)
        return table
    }

    /// A route's figures straight from the contract, sample by sample: (monthly cost, quality, p99).
    static func bruteForce(_ route: Route, intent i: Int, table: CellTable) -> (cost: Double, quality: Double, p99: Double)? {
        guard let samples = table.samples,
              let a = table.cellIndex(intent: i, setting: route.low), let b = table.cellIndex(intent: i, setting: route.high) else { return nil }
        let low = samples[i][a], high = samples[i][b]
        let lowPrices = table.models[table.cells[i][a].modelIndex].prices, highPrices = table.models[table.cells[i][b].modelIndex].prices
        let intent = table.intents[i]
        switch route.rule {
        case .share(let s):
            func cost(_ x: CellSamples, _ p: PriceCard) -> Double {
                (0..<x.qualities.count).reduce(0.0) { $0 + p.cost(of: x.tokens(at: $1).applyingReadShare(intent.promptCacheReadShare)) } / Double(x.qualities.count)
            }
            let quality = (1 - s) * table.cells[i][a].quality + s * table.cells[i][b].quality
            let perCall = (1 - s) * cost(low, lowPrices) + s * cost(high, highPrices)
            return (intent.monthlyCalls * perCall, quality, RouteFigures.shareP99(low: low.sortedLatencies, high: high.sortedLatencies, share: s))
        case .threshold(let name, let t):
            guard let r = table.routerScores.routerIndex(named: name), let scores = table.routerScores.scores[i][r] else { return nil }
            let router = table.routerScores.routers[r]
            var qualities: [Double] = [], latencies: [Double] = [], cost = 0.0
            for id in low.sampleIDs.sorted() {
                guard let score = scores[id], let k = low.sampleIDs.firstIndex(of: id), let h = high.sampleIDs.firstIndex(of: id) else { continue }
                let (x, p, row) = score >= t ? (high, highPrices, h) : (low, lowPrices, k)
                qualities.append(x.qualities[row])
                latencies.append(x.latencies[row] + router.latencyMs)
                cost += p.cost(of: x.tokens(at: row).applyingReadShare(intent.promptCacheReadShare))
            }
            guard !qualities.isEmpty else { return nil }
            let n = Double(qualities.count)
            return (intent.monthlyCalls * cost / n, qualities.reduce(0, +) / n, percentile99(sorted: latencies.sorted()))
        }
    }
}
