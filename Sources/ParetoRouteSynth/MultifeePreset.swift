/// A 40-intent data set on which the front's cheap end avoids a big monthly fee: 6 models, two of
/// them fee-paying — `dedicated`, a dedicated deployment with a $7,000/month fee and no token price,
/// and `tuned`, a fine-tune with a $1,800/month fee and a low token price — and the benchmark
/// preset's 60 settings per model (360 per intent).
///
/// It exists to test the search, not the loader: every intent's cheapest cell by token cost is on
/// the zero-price dedicated model, so a search seeded from per-intent cheapest cells starts with
/// the $7,000 fee paid, while the cheapest configurations leave that model in every intent at once.
/// Volumes are lower than the benchmark preset's so that the fee-free models together cost less
/// than the dedicated fee at the cheap end.
public enum MultifeePreset {
    /// Golden samples per cell, as in the benchmark preset (720,000 rows).
    public static let defaultSamplesPerCell = BenchmarkPreset.defaultSamplesPerCell

    /// Number of intents.
    public static let intentCount = 40

    /// The dedicated deployment's monthly fee.
    public static let dedicatedFeeUSD = 7000.0

    /// The fine-tune's monthly fee.
    public static let tunedFeeUSD = 1800.0

    /// Four fee-free price tiers, a zero-price dedicated deployment and a low-price fine-tune.
    public static let models: [ModelProfile] = {
        let free = BenchmarkPreset.models.filter { $0.monthlyFixedUSD == 0 }
        return free + [
            ModelProfile(
                name: "dedicated", inputUSDPerMTok: 0, outputUSDPerMTok: 0, monthlyFixedUSD: dedicatedFeeUSD,
                latency: LatencyProfile(firstTokenMS: 140, msPerInputToken: 0.10, msPerOutputToken: 3.0,
                                        spread: 0.03, tailProbability: 0.04, tailMaxExcess: 0.25),
                verbosity: 1.0, difficultySensitivity: 0.95),
            ModelProfile(
                name: "tuned", inputUSDPerMTok: 0.15, outputUSDPerMTok: 0.60, monthlyFixedUSD: tunedFeeUSD,
                latency: LatencyProfile(firstTokenMS: 170, msPerInputToken: 0.07, msPerOutputToken: 2.4,
                                        spread: 0.03, tailProbability: 0.03, tailMaxExcess: 0.2),
                verbosity: 0.95, difficultySensitivity: 1.0),
        ]
    }()

    /// The multifee spec; intent profiles depend on `seed`.
    public static func spec(seed: UInt64 = ChatbotPreset.defaultSeed,
                            samplesPerCell: Int = defaultSamplesPerCell) -> DataSetSpec {
        var hasher = FNV1a64()
        hasher.combine(seed)
        hasher.combine("multifee-intents")
        var noise = NoiseSource(seed: hasher.value)
        let intents = (1...intentCount).map { index in
            drawIntent(index: index, noise: &noise)
        }
        return DataSetSpec(models: models, intents: intents, grid: BenchmarkPreset.grid,
                           samplesPerCell: samplesPerCell, seed: seed, evalsFileName: "0001-multifee.csv")
    }

    private static func drawIntent(index: Int, noise: inout NoiseSource) -> IntentProfile {
        func uniform(_ low: Double, _ high: Double) -> Double {
            low + (high - low) * noise.uniform()
        }
        func rounded(_ value: Double, step: Double) -> Double {
            (value / step).rounded() * step
        }
        let number = String(index)
        let name = "intent_" + String(repeating: "0", count: max(0, 2 - number.count)) + number
        let volume = Int(rounded(PortableMath.exp(uniform(PortableMath.log(700), PortableMath.log(20_000))),
                                 step: 100))
        let large = uniform(0.86, 0.92)
        let medium = large - uniform(0.02, 0.06)
        let small = medium - uniform(0.01, 0.04)
        let tiny = small - uniform(0.02, 0.06)
        let dedicated = medium + uniform(0.1, 0.7) * (large - medium)
        let tuned = small + uniform(0, 0.6) * (large - small)
        var profile = IntentProfile(
            name: name, dailyVolume: max(100, volume), cacheHitRate: rounded(uniform(0, 0.4), step: 0.01),
            minQuality: 0, maxP99LatencyMS: [3000, 4000, 5000, 6000][noise.uniform() < 0.5 ? 2 : index % 4],
            qualityWeight: index % 10 == 5 ? Double(max(100, volume) * 2) : nil,
            promptTokens: rounded(uniform(300, 1500), step: 10), answerTokens: rounded(uniform(100, 500), step: 10),
            modelQuality: ["large": large, "medium": medium, "small": small, "tiny": tiny,
                           "dedicated": dedicated, "tuned": tuned],
            retrievalGain: rounded(uniform(0, 0.09), step: 0.001),
            retrievalNoisePerChunk: rounded(uniform(0.001, 0.008), step: 0.001),
            bestTemperature: rounded(uniform(0, 0.8), step: 0.1),
            temperatureSensitivity: rounded(uniform(0.05, 0.2), step: 0.01),
            truncationSeverity: rounded(uniform(0.3, 0.7), step: 0.01))
        // As in the benchmark preset: the floor sits at or just below the small model's best.
        let bestRetrieval = BenchmarkPreset.grid.ragChunks.map(profile.retrievalEffect(chunks:)).max() ?? 0
        profile.minQuality = rounded(small + bestRetrieval - uniform(0.0, 0.04), step: 0.01)
        return profile
    }
}
