/// Simulates the evaluation of one cell: every golden sample answered by one model at one setting.
///
/// Per sample: the natural answer length is the intent's median times the sample's factor for the
/// chunk count and the model's verbosity; the output is that length cut at max_tokens; quality is
/// the cell's expected quality (see ``IntentProfile``) plus the sample's difficulty, the model's
/// affinity to the sample and the generation's noise, less the truncation penalty, clipped to
/// [0, 1]; latency follows ``LatencyProfile``.
struct CellSimulator: Sendable {
    /// One evaluated sample, in the units it is written with.
    struct Outcome: Sendable, Hashable {
        /// Quality in ten-thousandths (0...10_000).
        var qualityTenThousandths: Int
        /// Billed input tokens.
        var inputTokens: Int
        /// Input tokens read from the prompt cache (already excluded from ``inputTokens``).
        var cacheReadTokens = 0
        /// Input tokens written to the prompt cache (already excluded from ``inputTokens``).
        var cacheWriteTokens = 0
        /// Billed output tokens (<= max_tokens).
        var outputTokens: Int
        /// End-to-end latency in whole milliseconds.
        var latencyMS: Int
    }

    /// Bound on any written count, so absurd profiles cannot overflow `Int`.
    private static let largestCount = 1e15

    let intent: IntentProfile
    let model: ModelProfile
    let parameters: GenerativeParameters
    /// The intent's golden samples.
    let samples: [GoldenSample]
    /// The model's quality offset on each golden sample, the same under every setting.
    let affinities: [Double]

    /// Prepares the cells of `model` on `intent`, drawing the model's per-sample affinities from a
    /// stream fixed by `seed`.
    init(intent: IntentProfile, model: ModelProfile, parameters: GenerativeParameters,
         samples: [GoldenSample], seed: UInt64) {
        self.intent = intent
        self.model = model
        self.parameters = parameters
        self.samples = samples
        var noise = NoiseSource(seed: seed)
        affinities = samples.map { _ in noise.normal(mean: 0, deviation: parameters.affinitySpread) }
    }

    /// Evaluates every golden sample at `setting`, drawing noise from a stream fixed by `seed`.
    func simulate(_ setting: Setting, seed: UInt64) -> [Outcome] {
        var noise = NoiseSource(seed: seed)
        let temperature = setting.temperature
        let chunks = setting.ragChunks
        let cap = Double(setting.maxTokens)
        let expected = (intent.modelQuality[model.name] ?? 0) + intent.retrievalEffect(chunks: chunks)
            - intent.temperaturePenalty(temperature)
        let lengthScale = intent.answerTokens * model.verbosity
        let qualitySpread = parameters.qualityNoise + parameters.qualityNoisePerTemperature * temperature
        let latency = model.latency
        let retrievalMS = parameters.retrievalMSPerChunk * Double(chunks)

        return zip(samples, affinities).enumerated().map { index, pair in
            let (sample, affinity) = pair
            let factor = chunks < sample.answerFactors.count ? sample.answerFactors[chunks] : 1
            let natural = lengthScale * factor
            let output = min(max(1, natural.rounded()), cap)
            let cut = natural > cap ? 1 - cap / natural : 0
            let truncation = intent.truncationSeverity * cut * cut.squareRoot()
            let quality = expected - truncation + model.difficultySensitivity * sample.difficulty + affinity
                + noise.normal(mean: 0, deviation: qualitySpread)
            let chunkTokens = chunks < sample.chunkTokens.count ? sample.chunkTokens[chunks] : 0
            let input = min(max(1, (sample.promptTokens + chunkTokens).rounded()), Self.largestCount)
            var milliseconds = (retrievalMS + latency.firstTokenMS + latency.msPerInputToken * input
                + latency.msPerOutputToken * output) * noise.unitMeanLognormal(spread: latency.spread)
            if noise.chance(latency.tailProbability) {
                milliseconds *= 1 + latency.tailMaxExcess * noise.uniform()
            }
            // The cached prefix: the system prompt (never all of the prompt), then the chunks when
            // the intent caches them. The eval replays its samples back to back: the first call
            // writes the system prompt and every later one reads it; a sample's chunks are its own,
            // so they are written. Latency stays that of the whole input.
            let system = min(intent.systemPromptTokens, max(0, sample.promptTokens - 1)).rounded()
            let chunksCached = intent.cachesChunks ? chunkTokens.rounded() : 0
            let prefix = min(system + chunksCached, input)
            let systemPart = min(system, prefix)
            let read = index == 0 ? 0 : systemPart
            let write = prefix - read
            return Outcome(
                qualityTenThousandths: Int((min(1, max(0, quality)) * 10_000).rounded()),
                inputTokens: Int(input - prefix),
                cacheReadTokens: Int(read),
                cacheWriteTokens: Int(write),
                outputTokens: Int(output),
                latencyMS: Int(min(max(0, milliseconds), Self.largestCount).rounded())
            )
        }
    }
}
