import Foundation
import NSGA2
import Testing
@testable import ParetoRoute

/// `compare`'s statistics: paired changes, McNemar, Benjamini–Hochberg, the A11 scan, loud
/// replacements and the detectable effect.
@Suite struct RunComparisonTests {
    /// One eval row: (intent, model, max_tokens, sample id, quality, latency).
    typealias Row = (intent: String, model: String, maxTokens: Int, sample: String, quality: Double, latency: Double)

    /// Writes a data directory with one model and the given intents, and `files` in `evals/`.
    static func writeData(intents: [String], files: [[Row]]) throws -> String {
        let directory = NSTemporaryDirectory() + "paretoroute-compare-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/evals", withIntermediateDirectories: true)
        try "model,input_usd_per_mtok,output_usd_per_mtok\nm,1,2\n".write(toFile: directory + "/models.csv", atomically: true, encoding: .utf8)
        try ("intent,daily_volume,cache_hit_rate,min_quality,max_p99_latency_ms\n" + intents.map { "\($0),100,0,0,100000\n" }.joined())
            .write(toFile: directory + "/intents.csv", atomically: true, encoding: .utf8)
        for (k, rows) in files.enumerated() {
            try writeEvals(rows, to: directory + "/evals/\(String(format: "%04d", k + 1)).csv")
        }
        return directory
    }

    static func writeEvals(_ rows: [Row], to path: String) throws {
        var text = "intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms\n"
        for row in rows {
            text += "\(row.intent),\(row.model),\(row.maxTokens),0.1,0,\(row.sample),\(row.quality),100,10,\(row.latency)\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func mcNemarIsTheExactBinomialByHand() {
        // 7 pairs right → wrong, 1 wrong → right: 2 · (C(8,0) + C(8,1)) / 2⁸ = 18/256.
        #expect(abs(McNemarTest.pValue(b: 7, c: 1) - 18.0 / 256) < 1e-12)
        #expect(abs(McNemarTest.pValue(b: 0, c: 6) - 2.0 / 64) < 1e-12)
        #expect(McNemarTest.pValue(b: 5, c: 5) == 1)
        #expect(McNemarTest.pValue(b: 0, c: 0) == 1)
    }

    @Test func studentTMatchesKnownValues() {
        // t = 1 with 1 degree of freedom is the Cauchy distribution: P(|T| ≥ 1) = 1/2.
        #expect(abs(StudentT.twoSidedPValue(t: 1, degreesOfFreedom: 1) - 0.5) < 1e-10)
        // Tables: t = 2.228 with 10 degrees of freedom is the two-sided 5 % point.
        #expect(abs(StudentT.twoSidedPValue(t: 2.228138851986, degreesOfFreedom: 10) - 0.05) < 1e-8)
        #expect(abs(StudentT.criticalValue(alpha: 0.05, degreesOfFreedom: 1e6) - 1.959966) < 1e-4)
    }

    @Test func benjaminiHochbergByHand() {
        // Sorted 0.01, 0.03, 0.04, 0.2 (m = 4): 0.2; min(0.2, 0.04·4/3); min(that, 0.03·2); min(that, 0.01·4).
        let adjusted = BenjaminiHochberg.adjusted([0.01, 0.04, 0.03, 0.2])
        let expected = [0.04, 0.16 / 3, 0.16 / 3, 0.2]
        #expect(zip(adjusted, expected).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func aKnownDropIsReportedExactlyAndPairedBeatsUnpaired() throws {
        var rng = Xoshiro256StarStar(seed: 7)
        var old: [Row] = [], new: [Row] = []
        for s in 0..<200 {
            let difficulty = Double(rng.nextInt(below: 5000)) / 10000 + 0.25   // 0.25…0.75: shared by both runs
            let latency = Double(500 + rng.nextInt(below: 500))
            old.append(("faq", "m", 100, "s\(s)", difficulty, latency))
            new.append(("faq", "m", 100, "s\(s)", difficulty - 0.03, latency))
            // A second cell nobody changed.
            old.append(("faq", "m", 200, "s\(s)", difficulty, latency))
        }
        let oldDirectory = try Self.writeData(intents: ["faq"], files: [old])
        let later = oldDirectory + "/rerun.csv"
        try Self.writeEvals(new, to: later)
        let comparison = try RunComparison.load(old: oldDirectory, new: later)
        #expect(comparison.changed.count == 1)
        #expect(comparison.unchangedCount == 1)
        let cell = try #require(comparison.changed.first)
        #expect(abs(cell.quality.meanChange + 0.03) < 1e-9)
        let paired = try #require(cell.quality.pairedStandardError)
        let unpaired = try #require(cell.quality.unpairedStandardError)
        #expect(paired < 1e-9 && unpaired > 0.01)
        #expect(cell.quality.test == .pairedT)
        #expect(cell.isBeyondNoise(level: 0.05))
        #expect(comparison.worse.map(\.name) == ["faq m/100/t0.1/rag0"])
        // A drop of 0.03 on qualities of 0.25…0.75 is over 10 % only below 0.3.
        #expect(cell.regressions.allSatisfy { $0.oldQuality < 0.3 && abs($0.oldQuality - $0.newQuality - 0.03) < 1e-9 })
        #expect(!cell.regressions.isEmpty)
        #expect(cell.p99Interval == 0...0)
        let configuration = Configuration(settings: [("faq", Setting(model: "m", maxTokens: 100, temperature: 0.1, ragChunks: 0))])
        #expect(comparison.worse(in: configuration).count == 1)
        let other = Configuration(settings: [("faq", Setting(model: "m", maxTokens: 200, temperature: 0.1, ragChunks: 0))])
        #expect(comparison.worse(in: other).isEmpty)
    }

    @Test func zeroOneScoresUseTheExactMcNemarTest() throws {
        // 40 samples: 9 right → wrong, 2 wrong → right, the rest unchanged.
        var old: [Row] = [], new: [Row] = []
        for s in 0..<40 {
            let before: Double = s < 9 ? 1 : s < 11 ? 0 : (s % 2 == 0 ? 1 : 0)
            let after: Double = s < 9 ? 0 : s < 11 ? 1 : before
            old.append(("math", "m", 100, "q\(s)", before, 100))
            new.append(("math", "m", 100, "q\(s)", after, 100))
        }
        let oldDirectory = try Self.writeData(intents: ["math"], files: [old])
        let newDirectory = try Self.writeData(intents: ["math"], files: [new])
        let comparison = try RunComparison.load(old: oldDirectory, new: newDirectory)
        let cell = try #require(comparison.changed.first)
        #expect(cell.quality.test == .mcnemar)
        // 2 · Σ_{i ≤ 2} C(11, i) / 2¹¹ = 2 · (1 + 11 + 55) / 2048.
        #expect(abs(cell.quality.pValue - 134.0 / 2048) < 1e-12)
        #expect(abs(cell.quality.meanChange + 7.0 / 40) < 1e-12)
        #expect(cell.regressions.count == 9)
    }

    @Test func noChangeFlagsAtMostTheStatedShare() throws {
        var flagged = 0, compared = 0
        for seed in 1...20 as ClosedRange<UInt64> {
            var rng = Xoshiro256StarStar(seed: seed)
            var old: [Row] = [], new: [Row] = []
            for cell in 0..<10 {
                for s in 0..<30 {
                    let base = 0.5 + Double(cell) / 100
                    // Each run draws its own noise around the same mean: no real change.
                    old.append(("i", "m", 100 + cell, "s\(s)", base + Double(rng.nextInt(below: 2001) - 1000) / 10000, 100))
                    new.append(("i", "m", 100 + cell, "s\(s)", base + Double(rng.nextInt(below: 2001) - 1000) / 10000, 100))
                }
            }
            let comparison = try RunComparison.load(old: try Self.writeData(intents: ["i"], files: [old]),
                                                    new: try Self.writeData(intents: ["i"], files: [new]), level: 0.05)
            compared += comparison.changed.count
            flagged += comparison.changed.filter { $0.isBeyondNoise(level: 0.05) }.count
        }
        #expect(compared == 200)
        #expect(Double(flagged) / Double(compared) <= 0.05, "\(flagged) of \(compared)")
    }

    @Test func aThreeRowReplacementOfATwoHundredSampleCellIsLoud() throws {
        let old: [Row] = (0..<200).map { ("faq", "m", 100, "s\($0)", 0.5, 100) }
        let few: [Row] = (0..<3).map { ("faq", "m", 100, "s\($0)", 0.9, 100) }
        let directory = try Self.writeData(intents: ["faq"], files: [old, few])
        let table = try GoldenDataLoader.load(directory: directory)
        #expect(table.shrunkCells.count == 1)
        #expect(table.warnings.contains("faq m/100/t0.1/rag0: evals/0002.csv replaces its 200 samples (evals/0001.csv) with 3; its figures now rest on 3 sample(s)"))
        // Half the samples is not loud; fewer than half is.
        #expect(!ShrunkCell.isShrunk(from: 200, to: 100) && ShrunkCell.isShrunk(from: 200, to: 99))
        let comparison = try RunComparison.load(old: try Self.writeData(intents: ["faq"], files: [old]), new: directory)
        #expect(comparison.shrunk.map(\.newSamples) == [3])
        #expect(comparison.text(width: nil).contains("\nFEWER SAMPLES: faq m/100/t0.1/rag0: 200 → 3 (evals/0002.csv)"))
    }

    @Test func unpairedSamplesAreCountedAndTheP99ChangeIsOnSharedSamples() throws {
        // 200 old samples with rising latencies; the rerun scores 150 of them (same latencies, quality
        // 0.01 higher) and one sample the old run lacks.
        let old: [Row] = (0..<200).map { ("faq", "m", 100, "s\($0)", 0.5, Double(100 + $0)) }
        let new: [Row] = (0..<150).map { ("faq", "m", 100, "s\($0)", 0.51, Double(100 + $0)) } + [("faq", "m", 100, "s999", 0.9, 5000)]
        let comparison = try RunComparison.load(old: try Self.writeData(intents: ["faq"], files: [old]),
                                                new: try Self.writeData(intents: ["faq"], files: [new]))
        let cell = try #require(comparison.changed.first)
        #expect(cell.unmatchedOld == 50 && cell.unmatchedNew == 1)
        #expect(cell.quality.pairs == 150)
        // Latencies of the shared samples are unchanged: no P99 change, and an interval of [0, 0].
        #expect(cell.p99Change == 0 && cell.p99Interval == 0...0)
        #expect(comparison.text(width: nil).contains("\nunpaired: faq m/100/t0.1/rag0: 50 old sample(s) without a new score, 1 new sample id(s) the old run lacks"))
    }

    @Test func theDetectableEffectIsTheClosedForm() throws {
        // Cell a: 0.2, 0.4, 0.6, 0.8; cell b: 0.3, 0.4, 0.7, 0.6 on the same four samples.
        let a = [0.2, 0.4, 0.6, 0.8], b = [0.3, 0.4, 0.7, 0.6]
        var rows: [Row] = []
        for k in 0..<4 {
            rows.append(("i", "m", 100, "s\(k)", a[k], 100))
            rows.append(("i", "m", 200, "s\(k)", b[k], 100))
        }
        let table = try GoldenDataLoader.load(directory: try Self.writeData(intents: ["i"], files: [rows]), keepingSamples: true)
        let effect = try #require(try table.detectableEffects(of: [0]).first)
        // sd(a) = √(0.2/3); means 0.5 and 0.5; Σ(a−ā)(b−b̄) = 0.06 + 0.01 + 0.02 + 0.03 = 0.12;
        // Σ(a−ā)² = 0.2, Σ(b−b̄)² = 0.04 + 0.01 + 0.04 + 0.01 = 0.1: ρ = 0.12/√0.02.
        let sd = (0.2 / 3).squareRoot()
        let rho = 0.12 / 0.02.squareRoot()
        #expect(abs(effect.qualitySD - sd) < 1e-12)
        #expect(abs(effect.correlation - rho) < 1e-12)
        let z = 1.959963984540054 + 0.8416212335729143
        let expected = z * sd * (2 * (1 - rho)).squareRoot() / 2
        #expect(abs(effect.minimumDetectableChange - expected) < 1e-6)
        // Samples for a 0.01 change: ⌈(z · σ_d / 0.01)²⌉.
        let needed = Int(((z * sd * (2 * (1 - rho)).squareRoot() / 0.01) * (z * sd * (2 * (1 - rho)).squareRoot() / 0.01)).rounded(.up))
        #expect(abs(effect.samplesNeeded(for: 0.01) - needed) <= 1)
    }
}
