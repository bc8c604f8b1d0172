/// The default data: the design doc's manga-shop chatbot (seed 004, sections A1–A7).
///
/// Provenance of every figure is in GoldenData/README.md; the short version is in the comments.
public enum ChatbotPreset {
    /// Seed of the committed GoldenData.
    public static let defaultSeed: UInt64 = 1

    /// Golden samples per cell (A7: 200 samples per intent's golden set).
    public static let defaultSamplesPerCell = 200

    /// A7's search space: 4 × 3 × 3 = 36 settings per model, 108 cells per intent.
    public static let grid = SettingsGrid(maxTokens: [150, 250, 400, 500], temperatures: [0.1, 0.3, 0.7],
                                          ragChunks: [0, 2, 5])

    /// Sonnet and Haiku at A1's prices; haiku-ft at Haiku's prices plus an assumed $2,000/month
    /// provisioned-throughput fee. Prompt-cache prices: reads 0.1× and writes 1.25× the input
    /// price (Anthropic's and Bedrock's 5-minute cache; seed 002's "$0.30/MTok for Sonnet").
    public static let models: [ModelProfile] = cached([
        ModelProfile(
            name: "sonnet", inputUSDPerMTok: 3.00, outputUSDPerMTok: 15.00,
            latency: LatencyProfile(firstTokenMS: 100, msPerInputToken: 0.25, msPerOutputToken: 4.8,
                                    spread: 0.04, tailProbability: 0.15, tailMaxExcess: 0.6),
            verbosity: 1.05, difficultySensitivity: 0.8),
        ModelProfile(
            name: "haiku", inputUSDPerMTok: 0.25, outputUSDPerMTok: 1.25,
            latency: LatencyProfile(firstTokenMS: 200, msPerInputToken: 0.08, msPerOutputToken: 2.6,
                                    spread: 0.04, tailProbability: 0.05, tailMaxExcess: 0.25),
            verbosity: 0.95, difficultySensitivity: 1.2),
        ModelProfile(
            name: "haiku-ft", inputUSDPerMTok: 0.25, outputUSDPerMTok: 1.25, monthlyFixedUSD: 2000,
            latency: LatencyProfile(firstTokenMS: 180, msPerInputToken: 0.08, msPerOutputToken: 2.5,
                                    spread: 0.03, tailProbability: 0.03, tailMaxExcess: 0.2),
            verbosity: 0.95, difficultySensitivity: 1.0),
    ])

    /// The cache prices: 0.1× the input price to read, 1.25× to write.
    private static func cached(_ profiles: [ModelProfile]) -> [ModelProfile] {
        profiles.map { profile in
            var copy = profile
            copy.cacheReadUSDPerMTok = profile.inputUSDPerMTok * 0.1
            copy.cacheWriteUSDPerMTok = profile.inputUSDPerMTok * 1.25
            return copy
        }
    }

    /// A12's cache-eligible intents: small, stable corpora whose chunks recur, so their chunks
    /// sit in the cached prefix after the system prompt.
    public static let chunkCachingIntents: Set<String> = ["faq", "promotion", "chitchat"]

    /// The ten intents: A4's volumes and tokens, A3's cache rates, A7's 5,000 ms P99 cap.
    public static let intents: [IntentProfile] = [
        intent("recommendation", volume: 67_000, cache: 0.05, floor: 0.88, prompt: 1200, answer: 450,
               quality: (haiku: 0.802, fineTuned: 0.840, sonnet: 0.905),
               retrieval: (0.070, 0.002), temperature: (0.45, 0.12), truncation: 0.5),
        intent("product_question", volume: 50_000, cache: 0.20, floor: 0.85, prompt: 900, answer: 400,
               quality: (haiku: 0.796, fineTuned: 0.826, sonnet: 0.882),
               retrieval: (0.080, 0.002), temperature: (0.1, 0.15), truncation: 0.5),
        intent("faq", volume: 100_000, cache: 0.45, floor: 0.82, prompt: 500, answer: 200,
               quality: (haiku: 0.832, fineTuned: 0.827, sonnet: 0.889),
               retrieval: (0.090, 0.009), temperature: (0.1, 0.2), truncation: 0.4),
        intent("order_tracking", volume: 83_000, cache: 0.30, floor: 0.82, prompt: 600, answer: 300,
               quality: (haiku: 0.866, fineTuned: 0.861, sonnet: 0.919),
               retrieval: (0.020, 0.002), temperature: (0.1, 0.2), truncation: 0.4),
        intent("return_request", volume: 27_000, cache: 0.15, floor: 0.83, prompt: 700, answer: 350,
               quality: (haiku: 0.829, fineTuned: 0.849, sonnet: 0.911),
               retrieval: (0.050, 0.003), temperature: (0.1, 0.15), truncation: 0.5),
        intent("promotion", volume: 40_000, cache: 0.35, floor: 0.80, prompt: 400, answer: 200,
               quality: (haiku: 0.855, fineTuned: 0.848, sonnet: 0.911),
               retrieval: (0.030, 0.006), temperature: (0.2, 0.1), truncation: 0.4),
        intent("checkout_help", volume: 33_000, cache: 0.20, floor: 0.84, prompt: 800, answer: 300,
               quality: (haiku: 0.830, fineTuned: 0.853, sonnet: 0.921),
               retrieval: (0.040, 0.003), temperature: (0.1, 0.15), truncation: 0.6),
        intent("chitchat", volume: 17_000, cache: 0.25, floor: 0.80, prompt: 300, answer: 150,
               quality: (haiku: 0.876, fineTuned: 0.870, sonnet: 0.915),
               retrieval: (0.0, 0.008), temperature: (0.6, 0.12), truncation: 0.3),
        intent("escalation", volume: 7_000, cache: 0.0, floor: 0.85, prompt: 600, answer: 400,
               quality: (haiku: 0.865, fineTuned: 0.860, sonnet: 0.956),
               retrieval: (0.020, 0.004), temperature: (0.1, 0.12), truncation: 0.7),
        intent("product_discovery", volume: 60_000, cache: 0.15, floor: 0.85, prompt: 1100, answer: 400,
               quality: (haiku: 0.802, fineTuned: 0.823, sonnet: 0.892),
               retrieval: (0.080, 0.002), temperature: (0.4, 0.1), truncation: 0.5),
    ]

    /// A8's routed intents: their queries run from simple lookups to multi-constraint requests,
    /// so their samples' difficulty spreads wider than the other intents' (0.10 against 0.04),
    /// and a complexity classifier scores them.
    public static let routedIntents = ["product_question", "product_discovery"]

    /// A8's complexity classifier: $100/month for its endpoint, < 10 ms. Its score reads the
    /// sample's difficulty through noise (``RouterProfile``); GoldenData/README.md gives its AUC.
    public static let complexityRouter = RouterProfile(name: "complexity", intents: routedIntents, noise: 0.7,
                                                       monthlyFixedUSD: 100, latencyMS: 10)

    /// The default data set's spec.
    public static func spec(seed: UInt64 = defaultSeed, samplesPerCell: Int = defaultSamplesPerCell) -> DataSetSpec {
        var spec = DataSetSpec(models: models, intents: intents.map { profile in
            var copy = profile
            if routedIntents.contains(profile.name) { copy.difficultySpread = 0.10 }
            return copy
        }, grid: grid, samplesPerCell: samplesPerCell, seed: seed)
        spec.routers = [complexityRouter]
        return spec
    }

    private static func intent(
        _ name: String, volume: Int, cache: Double, floor: Double, prompt: Double, answer: Double,
        quality: (haiku: Double, fineTuned: Double, sonnet: Double),
        retrieval: (gain: Double, noisePerChunk: Double), temperature: (best: Double, sensitivity: Double),
        truncation: Double
    ) -> IntentProfile {
        var profile = IntentProfile(
            name: name, dailyVolume: volume, responseCacheHitRate: cache, minQuality: floor, maxP99LatencyMS: 5000,
            promptTokens: prompt, answerTokens: answer,
            modelQuality: ["haiku": quality.haiku, "haiku-ft": quality.fineTuned, "sonnet": quality.sonnet],
            retrievalGain: retrieval.gain, retrievalNoisePerChunk: retrieval.noisePerChunk,
            bestTemperature: temperature.best, temperatureSensitivity: temperature.sensitivity,
            truncationSeverity: truncation)
        // A2: faq's system prompt is 200 of its 500 base prompt tokens; every intent's is 40 %.
        profile.systemPromptTokens = prompt * 0.4
        profile.cachesChunks = chunkCachingIntents.contains(name)
        // Production's read share: a system prompt alone stays warm (every intent makes ≥ 24 LLM
        // calls per 5-minute TTL, so a call finds it cold with probability e^-24 ≈ 0): 1. Where
        // chunks are cached too, seed 002's heavy users' 85 % hit rate: 0.85.
        profile.promptCacheReadShare = profile.cachesChunks ? 0.85 : 1
        return profile
    }
}
