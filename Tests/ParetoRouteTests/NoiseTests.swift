import Foundation
import NSGA2
import Testing
@testable import ParetoRoute

@Suite struct NoiseTests {
    /// Normal samples by Box–Muller from the seeded generator.
    private func normalSamples(_ n: Int, mean: Double, sd: Double, rng: inout Xoshiro256StarStar) -> [Double] {
        (0..<n).map { _ in
            let u1 = max(rng.nextDouble(), 1e-300), u2 = rng.nextDouble()
            return mean + sd * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        }
    }

    @Test func ninetyFivePercentIntervalsCoverTheTrueMeanNinetyFivePercentOfTheTime() {
        var rng = Xoshiro256StarStar(seed: 2026)
        var covered = 0
        let trials = 1_000
        for trial in 0..<trials {
            let qualities = normalSamples(40, mean: 0.8, sd: 0.05, rng: &rng)
            let latencies = normalSamples(40, mean: 1000, sd: 100, rng: &rng).sorted()
            let interval = Bootstrap.interval(of: CellSamples(qualities: qualities, sortedLatencies: latencies),
                                              confidence: 0.95, seed: UInt64(trial), resamples: 400)
            if interval.qualityLower <= 0.8 && 0.8 <= interval.qualityUpper { covered += 1 }
        }
        // The percentile bootstrap of a mean of 40 normal samples covers about 94%.
        #expect((930...970).contains(covered), "covered \(covered) of \(trials)")
    }

    @Test func intervalsAreSeededAndOrdered() {
        let samples = CellSamples(qualities: [0.7, 0.8, 0.9, 0.85, 0.75], sortedLatencies: [100, 200, 300, 400, 5000])
        let a = Bootstrap.interval(of: samples, confidence: 0.9, seed: 7)
        let b = Bootstrap.interval(of: samples, confidence: 0.9, seed: 7)
        #expect(a == b)
        #expect(a.qualityLower <= 0.8 && 0.8 <= a.qualityUpper)
        #expect(a.p99Lower <= a.p99Upper)
        #expect(a.p99Upper <= 5000 && a.qualityLower >= 0.7)
        #expect(NormalQuantile.twoSided(0.95) > 1.9599 && NormalQuantile.twoSided(0.95) < 1.9601)
    }

    @Test func theMarginRemovesExactlyTheCellsWhoseBoundsCross() throws {
        let table = try GoldenDataLoader.load(directory: FixturePaths.fixture("tiny"), keepingSamples: true)
        let margined = try table.applyingConfidence(0.95)
        let intervals = try #require(margined.intervals)
        for i in table.intents.indices {
            for c in table.cells[i].indices {
                let interval = intervals[i][c]
                let intent = table.intents[i]
                let expected = interval.qualityLower >= intent.minQuality && interval.p99Upper <= intent.maxP99LatencyMs
                #expect(margined.violation(intent: i, option: c).isEmpty == expected)
                // The margin only removes cells: never admits one the estimate rejects.
                if !table.violation(intent: i, option: c).isEmpty { #expect(!margined.violation(intent: i, option: c).isEmpty) }
            }
        }
        // faq/tuned/t0.2 (q 0.82, 0.84; floor 0.8) keeps its place; chat/big has one sample (no spread).
        let faqTuned = try #require(table.cellIndex(intent: 0, setting: Setting(model: "tuned", maxTokens: 250, temperature: 0.2, ragChunks: 0)))
        #expect(margined.violation(intent: 0, option: faqTuned).isEmpty)
        #expect(intervals[0][faqTuned].qualityLower == 0.82)
    }

    private func point(_ cost: Double, _ quality: Double, se: Double, model: String) -> FrontPoint {
        let catalog = FrontCatalog(
            intents: [FrontIntent(name: "a", minQuality: 0, maxP99LatencyMs: 1000, weight: 1)],
            cells: [[FrontCell(option: .setting(Setting(model: model, maxTokens: 100, temperature: 0.1, ragChunks: 0)),
                               monthlyCostUSD: cost, quality: quality, qualityStandardError: se, p99LatencyMs: 100,
                               weightShare: 1, violations: [])]])
        return FrontPoint(monthlyCostUSD: cost, quality: quality, qualityStandardError: se, fixedFeesUSD: 0, isFeasible: true,
                          cells: [0], catalog: catalog)
    }

    @Test func betterByLessThanTheNoiseIsNotDominationBeyondNoise() {
        // Same cost, quality higher by 0.005 with a standard error of 0.01 on each side.
        let current = ConfigurationEvaluation(choice: [0], monthlyCostUSD: 100, fixedFeesUSD: 0, quality: 0.80, qualityStandardError: 0.01,
                                              perIntent: [IntentEvaluation(intent: "a", cellIndex: 0, option: .setting(Setting(model: "x", maxTokens: 100, temperature: 0.1, ragChunks: 0)),
                                                                           monthlyCostUSD: 100, quality: 0.80, p99LatencyMs: 100, qualityStandardError: 0.01, weightShare: 1,
                                                                           minQuality: 0, maxP99LatencyMs: 1000, violation: [])],
                                              globalFailures: [])
        let slightly = Front(method: .exact, dataFingerprint: "x", points: [point(100, 0.805, se: 0.01, model: "y")])
        let check = DominanceCheck(evaluation: current, front: slightly)
        #expect(check.isDominated)
        #expect(!check.isDominatedBeyondNoise)
        // 0.05 better: beyond 1.96 × √(0.01² + 0.01²) ≈ 0.0277.
        let clearly = Front(method: .exact, dataFingerprint: "x", points: [point(100, 0.85, se: 0.01, model: "y")])
        #expect(DominanceCheck(evaluation: current, front: clearly).isDominatedBeyondNoise)
        // A cheaper point of the same cell is dominating beyond noise: shared cells carry no noise.
        let sameCell = Front(method: .exact, dataFingerprint: "x", points: [point(90, 0.80, se: 0.01, model: "x")])
        #expect(DominanceCheck(evaluation: current, front: sameCell).isDominatedBeyondNoise)
    }

    @Test func configurationStandardErrorCombinesIntentsByWeight() throws {
        let table = try GoldenDataLoader.load(directory: FixturePaths.fixture("tiny"))
        let faqBig = try #require(table.cellIndex(intent: 0, setting: Setting(model: "big", maxTokens: 250, temperature: 0.1, ragChunks: 0)))
        let chatSmall = try #require(table.cellIndex(intent: 1, setting: Setting(model: "small", maxTokens: 150, temperature: 0.7, ragChunks: 2)))
        let e = table.evaluate([faqBig, chatSmall])
        // faq big: q 0.9, 0.95 → sd 0.035355, se 0.025; chat small: q 0.78, 0.74 → se 0.02.
        let expected = ((2.0 / 3 * 0.025) * (2.0 / 3 * 0.025) + (1.0 / 3 * 0.02) * (1.0 / 3 * 0.02)).squareRoot()
        #expect(abs((e.qualityStandardError ?? .nan) - expected) < 1e-9)
        // With chat's one-sample big cell the sum has an unknown term: no standard error.
        let chatBig = try #require(table.cellIndex(intent: 1, setting: Setting(model: "big", maxTokens: 150, temperature: 0.7, ragChunks: 2)))
        #expect(table.evaluate([faqBig, chatBig]).qualityStandardError == nil)
        #expect(table.score([faqBig, chatBig]).qualityStandardError == nil)
    }
}
