/// A large synthetic data set for timing the optimizer: 40 intents, 6 models (two with a monthly
/// fee), 5 max_tokens × 4 temperatures × 3 rag_chunks = 60 settings per model, 360 per intent.
///
/// Intent profiles are drawn from the seed, within ranges that keep the default data's shape:
/// every intent has feasible cells (its floor is at most what the small model reaches), the large
/// model is best and slowest, and the fine-tuned models close part of the gap to it.
public enum BenchmarkPreset {
    /// Golden samples per cell: 50 keeps the set near 720,000 rows (about 45 MB).
    public static let defaultSamplesPerCell = 50

    /// Number of intents.
    public static let intentCount = 40

    /// 60 settings per model.
    public static let grid = SettingsGrid(maxTokens: [100, 200, 300, 450, 600],
                                          temperatures: [0.0, 0.3, 0.7, 1.0], ragChunks: [0, 2, 5])

    /// Four price tiers and two fine-tuned variants with provisioned-throughput fees.
    public static let models: [ModelProfile] = [
        ModelProfile(
            name: "large", inputUSDPerMTok: 3.00, outputUSDPerMTok: 15.00,
            latency: LatencyProfile(firstTokenMS: 100, msPerInputToken: 0.25, msPerOutputToken: 4.8,
                                    spread: 0.04, tailProbability: 0.15, tailMaxExcess: 0.6),
            verbosity: 1.05, difficultySensitivity: 0.8),
        ModelProfile(
            name: "medium", inputUSDPerMTok: 0.80, outputUSDPerMTok: 4.00,
            latency: LatencyProfile(firstTokenMS: 150, msPerInputToken: 0.12, msPerOutputToken: 3.5,
                                    spread: 0.04, tailProbability: 0.08, tailMaxExcess: 0.4),
            verbosity: 1.0, difficultySensitivity: 1.0),
        ModelProfile(
            name: "small", inputUSDPerMTok: 0.25, outputUSDPerMTok: 1.25,
            latency: LatencyProfile(firstTokenMS: 200, msPerInputToken: 0.08, msPerOutputToken: 2.6,
                                    spread: 0.04, tailProbability: 0.05, tailMaxExcess: 0.25),
            verbosity: 0.95, difficultySensitivity: 1.2),
        ModelProfile(
            name: "tiny", inputUSDPerMTok: 0.10, outputUSDPerMTok: 0.40,
            latency: LatencyProfile(firstTokenMS: 120, msPerInputToken: 0.05, msPerOutputToken: 1.8,
                                    spread: 0.04, tailProbability: 0.05, tailMaxExcess: 0.2),
            verbosity: 0.9, difficultySensitivity: 1.4),
        ModelProfile(
            name: "medium-ft", inputUSDPerMTok: 0.80, outputUSDPerMTok: 4.00, monthlyFixedUSD: 3000,
            latency: LatencyProfile(firstTokenMS: 130, msPerInputToken: 0.12, msPerOutputToken: 3.3,
                                    spread: 0.03, tailProbability: 0.03, tailMaxExcess: 0.2),
            verbosity: 1.0, difficultySensitivity: 0.9),
        ModelProfile(
            name: "small-ft", inputUSDPerMTok: 0.25, outputUSDPerMTok: 1.25, monthlyFixedUSD: 1500,
            latency: LatencyProfile(firstTokenMS: 180, msPerInputToken: 0.08, msPerOutputToken: 2.5,
                                    spread: 0.03, tailProbability: 0.03, tailMaxExcess: 0.2),
            verbosity: 0.95, difficultySensitivity: 1.0),
    ]

    /// The benchmark spec; intent profiles depend on `seed`.
    public static func spec(seed: UInt64 = ChatbotPreset.defaultSeed,
                            samplesPerCell: Int = defaultSamplesPerCell) -> DataSetSpec {
        var hasher = FNV1a64()
        hasher.combine(seed)
        hasher.combine("benchmark-intents")
        var noise = NoiseSource(seed: hasher.value)
        let intents = (1...intentCount).map { index in
            drawIntent(index: index, noise: &noise)
        }
        return DataSetSpec(models: models, intents: intents, grid: grid, samplesPerCell: samplesPerCell,
                           seed: seed, evalsFileName: "0001-benchmark.csv")
    }

    private static func drawIntent(index: Int, noise: inout NoiseSource) -> IntentProfile {
        drawIntent(index: index, noise: &noise, volumes: 1000...100_000) { large, medium, small, uniform in
            ["medium-ft": medium + uniform(0, 0.6) * (large - medium), "small-ft": small + uniform(0, 0.6) * (large - small)]
        }
    }

    /// One intent of a 40-intent preset: a log-uniform daily volume in `volumes`, the four
    /// fee-free tiers' qualities, then `feeModels`' qualities drawn from the large, medium and
    /// small ones (with the uniform draw it is given), then retrieval, temperature and
    /// truncation figures, and a floor at or just below the small model's best.
    static func drawIntent(
        index: Int, noise: inout NoiseSource, volumes: ClosedRange<Double>,
        feeModels: (_ large: Double, _ medium: Double, _ small: Double, _ uniform: (Double, Double) -> Double) -> [String: Double]
    ) -> IntentProfile {
        func uniform(_ low: Double, _ high: Double) -> Double {
            low + (high - low) * noise.uniform()
        }
        func rounded(_ value: Double, step: Double) -> Double {
            (value / step).rounded() * step
        }
        let number = String(index)
        let name = "intent_" + String(repeating: "0", count: max(0, 2 - number.count)) + number
        let volume = Int(rounded(PortableMath.exp(uniform(PortableMath.log(volumes.lowerBound), PortableMath.log(volumes.upperBound))),
                                 step: 100))
        let large = uniform(0.86, 0.92)
        let medium = large - uniform(0.02, 0.06)
        let small = medium - uniform(0.01, 0.04)
        let tiny = small - uniform(0.02, 0.06)
        var qualities = feeModels(large, medium, small, uniform)
        qualities.merge(["large": large, "medium": medium, "small": small, "tiny": tiny]) { fee, _ in fee }
        var profile = IntentProfile(
            name: name, dailyVolume: max(100, volume), responseCacheHitRate: rounded(uniform(0, 0.4), step: 0.01),
            minQuality: 0, maxP99LatencyMS: [3000, 4000, 5000, 6000][noise.uniform() < 0.5 ? 2 : index % 4],
            qualityWeight: index % 10 == 5 ? Double(max(100, volume) * 2) : nil,
            promptTokens: rounded(uniform(300, 1500), step: 10), answerTokens: rounded(uniform(100, 500), step: 10),
            modelQuality: qualities,
            retrievalGain: rounded(uniform(0, 0.09), step: 0.001),
            retrievalNoisePerChunk: rounded(uniform(0.001, 0.008), step: 0.001),
            bestTemperature: rounded(uniform(0, 0.8), step: 0.1),
            temperatureSensitivity: rounded(uniform(0.05, 0.2), step: 0.01),
            truncationSeverity: rounded(uniform(0.3, 0.7), step: 0.01))
        // The floor sits at or just below what the small model reaches at its best chunk count,
        // so the tiny model mostly fails it and the small model passes at good settings.
        let bestRetrieval = grid.ragChunks.map(profile.retrievalEffect(chunks:)).max() ?? 0
        profile.minQuality = rounded(small + bestRetrieval - uniform(0.0, 0.04), step: 0.01)
        return profile
    }
}
