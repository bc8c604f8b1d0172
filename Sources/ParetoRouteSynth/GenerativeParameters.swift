/// The figures of the generative model that are shared by all intents and models.
///
/// Each golden sample has a difficulty, a prompt length, answer-length factors and chunk sizes,
/// drawn once per intent and shared by every cell (the same 200 golden samples are evaluated under
/// every setting). Each model adds its affinity to each sample; each cell adds quality and latency noise.
public struct GenerativeParameters: Sendable, Hashable {
    /// Mean tokens per retrieved chunk (A5: 300).
    public var tokensPerChunk: Double
    /// Log standard deviation of one chunk's size around `tokensPerChunk`.
    public var chunkSpread: Double
    /// Retrieval and re-ranking time per chunk, paid by every model.
    public var retrievalMSPerChunk: Double
    /// Standard deviation of a golden sample's difficulty (a quality offset shared by all cells).
    public var difficultySpread: Double
    /// Log standard deviation of a sample's prompt length around the intent's mean.
    public var promptSpread: Double
    /// Log standard deviation of a sample's natural answer length around the intent's mean.
    public var answerSpread: Double
    /// Log standard deviation of the sample's answer length per retrieved-chunk count (other context,
    /// other answer), around the sample's natural length.
    public var answerNoise: Double
    /// Standard deviation of how much better or worse one model does on one golden sample than
    /// the model's average; shared by all of that model's cells, so settings compare cleanly.
    public var affinitySpread: Double
    /// Standard deviation of one generation's quality score at temperature 0.
    public var qualityNoise: Double
    /// Extra standard deviation of quality per unit of temperature.
    public var qualityNoisePerTemperature: Double

    /// Creates the shared figures; the defaults are the ones the presets use.
    public init(
        tokensPerChunk: Double = 300, chunkSpread: Double = 0.12, retrievalMSPerChunk: Double = 150,
        difficultySpread: Double = 0.04, promptSpread: Double = 0.2, answerSpread: Double = 0.25,
        answerNoise: Double = 0.08, affinitySpread: Double = 0.05,
        qualityNoise: Double = 0.03, qualityNoisePerTemperature: Double = 0.05
    ) {
        self.tokensPerChunk = tokensPerChunk
        self.chunkSpread = chunkSpread
        self.retrievalMSPerChunk = retrievalMSPerChunk
        self.difficultySpread = difficultySpread
        self.promptSpread = promptSpread
        self.answerSpread = answerSpread
        self.answerNoise = answerNoise
        self.affinitySpread = affinitySpread
        self.qualityNoise = qualityNoise
        self.qualityNoisePerTemperature = qualityNoisePerTemperature
    }
}
