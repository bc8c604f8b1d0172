import Testing
@testable import ParetoRoute

/// Why the design doc's simulation (one Poisson day × 30) gives a wider band than drawing
/// every day: its month count is 30·Poisson(λ), of variance 900λ, where thirty independent
/// days give Poisson(30λ), of variance 30λ. Figures for docs/planning.md, on production.
@Suite struct DesignDocBandTests {
    @Test func oneDayTimesThirtyOverstatesTheCountVarianceThirtyFold() throws {
        let table = try GoldenDataLoader.load(directory: FixturePaths.goldenData, keepingSamples: true)
        let production = try Configuration.load(path: FixturePaths.goldenData + "/production.json")
        let plan = try ProjectionPlan(table: table, choice: table.choice(of: production, file: "production.json"), months: 1)
        var everyDay = 0.0, oneDay = 0.0, mean = 0.0
        for (i, intent) in plan.months[0].intents.enumerated() {
            let calls = 30 * intent.answeredPerDay
            let keep = 1 - table.intents[i].responseCacheHitRate
            let m = intent.costs.mean, v = intent.costs.variance
            mean += calls * m
            // Compound Poisson: Var = Λ(σ² + μ²).
            everyDay += calls * (v + m * m)
            // 30·(1 − h)·Poisson(λ) conversations, each a token draw: 900(1 − h)²λμ² + Λσ².
            oneDay += 900 * keep * keep * table.intents[i].dailyVolume * m * m + calls * v
        }
        let sdEveryDay = everyDay.squareRoot(), sdOneDay = oneDay.squareRoot()
        // The projection's own spread matches the every-day law (2,000 runs: SD within 10 %).
        let projection = try CostProjector.project(plan, options: .init(months: 1, runs: 2000, seed: 1))
        #expect(abs(projection.months[0].standardDeviationUSD / sdEveryDay - 1) < 0.1)
        // Figures quoted in docs/planning.md (P5–P95 half-width = 1.645 SD, as a share of the mean).
        #expect(abs(mean - 111_222) < 1)
        #expect(abs(sdEveryDay - 36) < 1, "\(sdEveryDay)")
        #expect(abs(sdOneDay - 176) < 1, "\(sdOneDay)")
        #expect(abs(1.645 * sdOneDay / mean * 100 - 0.26) < 0.01)
        #expect(abs(1.645 * sdEveryDay / mean * 100 - 0.053) < 0.002)
    }
}
