import Foundation
import NSGA2
@testable import ParetoRoute
import ParetoRouteSynth

/// A small, in-memory data set of the `multifee` preset's shape, for debug-build tests of the
/// search: 12 of its intents, its six models (a $7,000 zero-price dedicated deployment and an
/// $1,800 low-price fine-tune among them), 18 settings per model.
///
/// Cell figures are the preset's expected values without sampling — input tokens, answer length
/// cut at max_tokens, quality less the truncation penalty, a P99 from the latency profile's slow
/// tail — plus a seeded jitter of at most ±0.004 in quality so that settings rarely tie. As on
/// the full preset, every intent's cheapest cell by token cost is on the dedicated model, while
/// the cheapest configurations avoid its fee.
enum MultifeeFixture {
    static let grid = SettingsGrid(maxTokens: [200, 450, 600], temperatures: [0.0, 0.7], ragChunks: [0, 2, 5])

    static func table(intents intentCount: Int = 12) -> CellTable {
        let spec = MultifeePreset.spec()
        let profiles = Array(spec.intents.prefix(intentCount))
        let models = spec.models.map {
            Model(name: $0.name, inputUSDPerMTok: $0.inputUSDPerMTok, outputUSDPerMTok: $0.outputUSDPerMTok,
                  monthlyFixedUSD: $0.monthlyFixedUSD)
        }
        let parameters = GenerativeParameters()
        var jitter = Xoshiro256StarStar(seed: 14)
        var intents: [Intent] = []
        var cells: [[Cell]] = []
        for profile in profiles {
            let intent = Intent(name: profile.name, dailyVolume: Double(profile.dailyVolume),
                                responseCacheHitRate: profile.responseCacheHitRate, minQuality: profile.minQuality,
                                maxP99LatencyMs: profile.maxP99LatencyMS, qualityWeight: profile.qualityWeight)
            intents.append(intent)
            var list: [Cell] = []
            for (m, model) in spec.models.enumerated() {
                for maxTokens in grid.maxTokens {
                    for temperature in grid.temperatures {
                        for chunks in grid.ragChunks {
                            let input = profile.promptTokens + parameters.tokensPerChunk * Double(chunks)
                            let natural = profile.answerTokens * model.verbosity
                            let output = min(natural, Double(maxTokens))
                            let cut = max(0, 1 - Double(maxTokens) / natural)
                            let quality = (profile.modelQuality[model.name] ?? 0) + profile.retrievalEffect(chunks: chunks)
                                - profile.temperaturePenalty(temperature) - profile.truncationSeverity * cut * cut.squareRoot()
                                + 0.008 * (jitter.nextDouble() - 0.5)
                            let latency = model.latency
                            let p99 = (parameters.retrievalMSPerChunk * Double(chunks) + latency.firstTokenMS
                                + latency.msPerInputToken * input + latency.msPerOutputToken * output)
                                * (1 + latency.tailMaxExcess)
                            list.append(Cell(
                                setting: Setting(model: model.name, maxTokens: maxTokens, temperature: temperature, ragChunks: chunks),
                                modelIndex: m, sampleCount: 50, quality: min(1, max(0, quality)), qualityStandardError: 0.01,
                                meanInputTokens: input, meanOutputTokens: output, p99LatencyMs: p99,
                                monthlyCostUSD: Cell.monthlyCost(intent: intent, prices: models[m].prices, meanTokens: TokenCounts(input: input, output: output)),
                                sourceFile: "evals.csv"))
                        }
                    }
                }
            }
            cells.append(list)
        }
        return CellTable(models: models, intents: intents, cells: cells)
    }
}
