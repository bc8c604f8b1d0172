import Foundation
import NSGA2
import Testing
@testable import ParetoRoute

/// The contract's route figures (version 2, "Routers and routes"), by hand and by brute force.
@Suite struct RouteFiguresTests {
    /// F(x) read straight from the contract: the largest p in [0, 1] with Q(p) ≤ x, by bisection
    /// on the interpolated quantile function itself.
    static func bruteDistribution(_ sorted: [Double], _ x: Double) -> Double {
        if x < sorted[0] { return 0 }
        if sorted.count == 1 { return 1 }
        var low = 0.0, high = 1.0
        if percentile(sorted: sorted, 1) <= x { return 1 }
        for _ in 0..<100 {
            let middle = (low + high) / 2
            if percentile(sorted: sorted, middle) <= x { low = middle } else { high = middle }
        }
        return low
    }

    /// The smallest x with (1 − s)F_low(x) + sF_high(x) ≥ 0.99, by bisection over x.
    static func bruteShareP99(_ low: [Double], _ high: [Double], _ s: Double) -> Double {
        var a = min(low[0], high[0]) - 1, b = max(low.last ?? 0, high.last ?? 0)
        for _ in 0..<200 {
            let middle = (a + b) / 2
            if (1 - s) * bruteDistribution(low, middle) + s * bruteDistribution(high, middle) >= 0.99 { b = middle } else { a = middle }
        }
        return b
    }

    static func randomLatencies(_ rng: inout Xoshiro256StarStar, count: Int, ties: Bool) -> [Double] {
        (0..<count).map { _ in Double(ties ? 100 * (1 + rng.nextInt(below: 8)) : 100 + rng.nextInt(below: 5000)) }.sorted()
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func theDistributionFunctionInvertsTheQuantiles(seed: UInt64) {
        var rng = Xoshiro256StarStar(seed: seed)
        let sorted = Self.randomLatencies(&rng, count: 5 + rng.nextInt(below: 60), ties: seed % 2 == 0)
        for _ in 0..<50 {
            let x = Double(rng.nextInt(below: 6000))
            #expect(abs(RouteFigures.distribution(sorted, at: x) - Self.bruteDistribution(sorted, x)) < 1e-9)
        }
        #expect(RouteFigures.distribution(sorted, at: sorted[0] - 1) == 0)
        #expect(RouteFigures.distribution(sorted, at: sorted.last ?? 0) == 1)
    }

    @Test(arguments: [11, 12, 13, 14, 15, 16, 17, 18] as [UInt64])
    func theShareRoutesP99IsTheContractsMixtureQuantile(seed: UInt64) {
        var rng = Xoshiro256StarStar(seed: seed)
        let low = Self.randomLatencies(&rng, count: 3 + rng.nextInt(below: 200), ties: seed % 3 == 0)
        let high = Self.randomLatencies(&rng, count: 3 + rng.nextInt(below: 200), ties: seed % 2 == 0)
        for s in [0.0, 0.1, 0.3, 0.5, 0.77, 1.0] {
            let exact = RouteFigures.shareP99(low: low, high: high, share: s)
            #expect(abs(exact - Self.bruteShareP99(low, high, s)) < 1e-6, "s = \(s)")
        }
        // The ends are the cells' own P99s.
        #expect(abs(RouteFigures.shareP99(low: low, high: high, share: 0) - percentile99(sorted: low)) < 1e-9)
        #expect(abs(RouteFigures.shareP99(low: low, high: high, share: 1) - percentile99(sorted: high)) < 1e-9)
    }

    @Test func aThresholdRouteByHand() throws {
        // Four samples; high answers a, b, c, d, low answers b, c, d, e (a and e are in one cell only);
        // the router scores a, b, c, d (not e). Shared and scored: b, c, d.
        let low = Self.samples(ids: ["b", "c", "d", "e"], qualities: [0.5, 0.6, 0.9, 0.1], latencies: [100, 200, 300, 50],
                               input: [1000, 1000, 1000, 1000], output: [100, 100, 100, 100])
        let high = Self.samples(ids: ["a", "b", "c", "d"], qualities: [0.2, 0.9, 0.95, 0.8], latencies: [400, 900, 800, 700],
                                input: [1000, 2000, 1000, 1000], output: [200, 200, 200, 200])
        let scores = ["a": 0.9, "b": 0.8, "c": 0.2, "d": 0.5]
        // Threshold 0.5: b (0.8) and d (0.5) go high, c (0.2) low.
        let figures = try #require(RouteFigures.threshold(
            low: low, lowPrices: PriceCard(input: 1, output: 2), high: high, highPrices: PriceCard(input: 3, output: 15),
            scores: scores, threshold: 0.5, routerLatencyMs: 10, readShare: nil))
        #expect(figures.samples == 3)
        #expect(abs(figures.highShare - 2.0 / 3) < 1e-12)
        // Qualities 0.9 (b high), 0.6 (c low), 0.8 (d high).
        #expect(abs(figures.quality - 2.3 / 3) < 1e-12)
        // Costs: b high (2000·3 + 200·15)/1e6 = 0.009; c low (1000 + 200)/1e6 = 0.0012; d high (3000 + 3000)/1e6 = 0.006.
        #expect(abs(figures.costPerCallUSD - (0.009 + 0.0012 + 0.006) / 3) < 1e-15)
        // Latencies 910, 210, 710 (router +10): P99 of (210, 710, 910) = 710 + 0.98 · 200 = 906.
        #expect(abs(figures.p99LatencyMs - 906) < 1e-9)
        // A threshold above every score sends everything low.
        let allLow = try #require(RouteFigures.threshold(
            low: low, lowPrices: PriceCard(input: 1, output: 2), high: high, highPrices: PriceCard(input: 3, output: 15),
            scores: scores, threshold: 10, routerLatencyMs: 0, readShare: nil))
        #expect(allLow.highShare == 0 && abs(allLow.quality - 2.0 / 3) < 1e-12)
    }

    static func samples(ids: [String], qualities: [Double], latencies: [Double], input: [Int], output: [Int]) -> CellSamples {
        var samples = CellSamples(qualities: qualities, sortedLatencies: latencies.sorted(), inputTokens: input, outputTokens: output)
        samples.sampleIDs = ids
        samples.latencies = latencies
        return samples
    }

    @Test func routerFilesLoadWithTheContractsErrors() throws {
        let directory = NSTemporaryDirectory() + "paretoroute-routers-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "model,input_usd_per_mtok,output_usd_per_mtok\nm,1,2\n".write(toFile: directory + "/models.csv", atomically: true, encoding: .utf8)
        try "intent,daily_volume,cache_hit_rate,min_quality,max_p99_latency_ms\nfaq,100,0,0,5000\n".write(toFile: directory + "/intents.csv", atomically: true, encoding: .utf8)
        try "intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms\nfaq,m,100,0.1,0,s1,0.5,10,10,100\n"
            .write(toFile: directory + "/evals.csv", atomically: true, encoding: .utf8)
        let plain = try GoldenDataLoader.load(directory: directory)
        #expect(plain.routerScores.routers.isEmpty)
        try "intent,router,sample_id,score\nfaq,complexity,s1,0.7\nfaq,complexity,s2,-1.5e-1\n".write(toFile: directory + "/routers.csv", atomically: true, encoding: .utf8)
        try "router,monthly_fixed_usd,latency_ms\ncomplexity,100,10\n".write(toFile: directory + "/router_costs.csv", atomically: true, encoding: .utf8)
        let routed = try GoldenDataLoader.load(directory: directory)
        #expect(routed.routerScores.routers == [Router(name: "complexity", monthlyFixedUSD: 100, latencyMs: 10)])
        #expect(routed.routerScores.scores[0][0] == ["s1": 0.7, "s2": -0.15])
        #expect(routed.fingerprint != plain.fingerprint)
        #expect(routed.files.suffix(2) == ["router_costs.csv", "routers.csv"])
        func message(_ routers: String) throws -> String {
            try routers.write(toFile: directory + "/routers.csv", atomically: true, encoding: .utf8)
            do {
                _ = try GoldenDataLoader.load(directory: directory)
                return "loaded"
            } catch let error as DataError {
                return error.description
            }
        }
        #expect(try message("intent,router,sample_id,score\nfaq,complexity,s1,nan\n")
                == "routers.csv:2: column 'score': 'nan' is not a finite decimal number; expected a finite number")
        #expect(try message("intent,router,sample_id,score\nchat,complexity,s1,1\n")
                == "routers.csv:2: column 'intent': 'chat' is not in intents.csv; expected one of faq")
        #expect(try message("intent,router,sample_id,score\nfaq,complexity,s1,1\nfaq,complexity,s1,2\n")
                == "routers.csv:3: column 'sample_id': sample 's1' is scored twice by router 'complexity' for intent 'faq'; expected one score per (intent, router, sample)")
    }
}
