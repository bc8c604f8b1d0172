/// A chatbot intent with its traffic and its hard constraints (a row of intents.csv).
public struct Intent: Sendable, Hashable, Codable {
    /// The intent's name.
    public var name: String
    /// Conversations per day.
    public var dailyVolume: Double
    /// Share of conversations answered from the application's response cache, in `[0, 1)`:
    /// those make no LLM call at all. Not the provider's prompt cache (see ``promptCacheReadShare``).
    public var responseCacheHitRate: Double
    /// The share of each call's cached prompt prefix that production reads from the provider's
    /// prompt cache (the rest it writes); nil bills the prefix as the evals measured it.
    public var promptCacheReadShare: Double?
    /// Hard floor on the intent's mean quality.
    public var minQuality: Double
    /// Hard cap on the intent's P99 latency in milliseconds.
    public var maxP99LatencyMs: Double
    /// Weight in the weighted-average quality (the daily volume unless given).
    public var qualityWeight: Double
    /// The line of intents.csv the intent was read from, so errors about it can point there
    /// (nil for an intent built in code).
    public var sourceLine: Int?

    /// Creates an intent; the quality weight defaults to the daily volume as in the contract.
    public init(name: String, dailyVolume: Double, responseCacheHitRate: Double, minQuality: Double,
                maxP99LatencyMs: Double, qualityWeight: Double? = nil, promptCacheReadShare: Double? = nil,
                sourceLine: Int? = nil) {
        self.name = name
        self.dailyVolume = dailyVolume
        self.responseCacheHitRate = responseCacheHitRate
        self.minQuality = minQuality
        self.maxP99LatencyMs = maxP99LatencyMs
        self.qualityWeight = qualityWeight ?? dailyVolume
        self.promptCacheReadShare = promptCacheReadShare
        self.sourceLine = sourceLine
    }

    /// LLM calls per month: 30 days of traffic that the response cache did not answer.
    public var monthlyCalls: Double {
        dailyVolume * 30 * (1 - responseCacheHitRate)
    }
}
