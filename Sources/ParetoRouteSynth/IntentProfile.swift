/// A chatbot intent: its row of intents.csv and how the settings move its quality.
///
/// Expected quality of a cell, before per-sample noise:
/// `modelQuality[model] + retrievalGain * (1 - exp(-chunks / 1.5)) - retrievalNoisePerChunk * chunks
/// - temperatureSensitivity * (temperature - bestTemperature)^2`, less a truncation penalty of
/// `truncationSeverity * cut^1.5` on each sample whose natural answer is cut, `cut = 1 - max_tokens / natural
/// length`: losing the last sentence costs little, losing half the answer costs much.
public struct IntentProfile: Sendable, Hashable {
    /// Intent name.
    public var name: String
    /// Conversations per day.
    public var dailyVolume: Int
    /// Share of conversations served from the response cache.
    public var responseCacheHitRate: Double
    /// Hard floor on the intent's mean quality.
    public var minQuality: Double
    /// Hard cap on the intent's P99 latency.
    public var maxP99LatencyMS: Double
    /// Weight in the overall quality; `nil` leaves the column empty (daily volume is used).
    public var qualityWeight: Double?
    /// Mean input tokens of the prompt without retrieved chunks.
    public var promptTokens: Double
    /// Tokens of the fixed system prompt at the head of every prompt (part of ``promptTokens``):
    /// the prefix a provider's prompt cache holds. 0: nothing is cached.
    public var systemPromptTokens: Double = 0
    /// Whether the retrieved chunks follow the system prompt inside the cached prefix (a small,
    /// stable corpus whose chunks recur).
    public var cachesChunks = false
    /// The intent's `prompt_cache_read_share` in intents.csv; nil leaves it empty.
    public var promptCacheReadShare: Double? = nil
    /// Mean length of the answer the task calls for, before any max_tokens cut.
    public var answerTokens: Double
    /// Expected quality of each model with no chunks, the best temperature and no truncation.
    public var modelQuality: [String: Double]
    /// Quality that retrieval adds at saturation; the first chunks help most.
    public var retrievalGain: Double
    /// Quality each chunk costs through irrelevant context; can make retrieval a net loss.
    public var retrievalNoisePerChunk: Double
    /// Temperature at which the intent's answers are best.
    public var bestTemperature: Double
    /// Quality lost per squared unit of distance from the best temperature.
    public var temperatureSensitivity: Double
    /// Quality lost when the whole answer is cut; a share `c` cut costs `truncationSeverity * c^1.5`.
    public var truncationSeverity: Double
    /// The spread of this intent's sample difficulties, when its queries range wider than the
    /// parameters' (A8: product questions run from "in stock?" to multi-constraint requests).
    public var difficultySpread: Double? = nil

    /// Creates an intent profile; see the properties for the meaning of each figure.
    public init(
        name: String, dailyVolume: Int, responseCacheHitRate: Double, minQuality: Double,
        maxP99LatencyMS: Double, qualityWeight: Double? = nil, promptTokens: Double,
        answerTokens: Double, modelQuality: [String: Double], retrievalGain: Double,
        retrievalNoisePerChunk: Double, bestTemperature: Double, temperatureSensitivity: Double,
        truncationSeverity: Double
    ) {
        self.name = name
        self.dailyVolume = dailyVolume
        self.responseCacheHitRate = responseCacheHitRate
        self.minQuality = minQuality
        self.maxP99LatencyMS = maxP99LatencyMS
        self.qualityWeight = qualityWeight
        self.promptTokens = promptTokens
        self.answerTokens = answerTokens
        self.modelQuality = modelQuality
        self.retrievalGain = retrievalGain
        self.retrievalNoisePerChunk = retrievalNoisePerChunk
        self.bestTemperature = bestTemperature
        self.temperatureSensitivity = temperatureSensitivity
        self.truncationSeverity = truncationSeverity
    }

    /// Expected quality change from `chunks` retrieved chunks: saturating gain less context noise.
    public func retrievalEffect(chunks: Int) -> Double {
        let count = Double(chunks)
        return retrievalGain * (1 - PortableMath.exp(-count / 1.5)) - retrievalNoisePerChunk * count
    }

    /// Expected quality lost by sampling at `temperature` instead of the best one.
    public func temperaturePenalty(_ temperature: Double) -> Double {
        let distance = temperature - bestTemperature
        return temperatureSensitivity * distance * distance
    }
}
