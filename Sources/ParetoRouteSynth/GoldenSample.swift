/// One golden sample of an intent: the traits every cell of the intent shares for it.
///
/// The same golden conversation is hard (or long, or retrieves long chunks) whichever model and
/// setting answer it, so these are drawn once per intent, not once per cell.
struct GoldenSample: Sendable, Hashable {
    /// Quality offset of this sample (negative = harder than average).
    var difficulty: Double
    /// Prompt tokens of this sample without retrieved chunks.
    var promptTokens: Double
    /// `answerFactors[k]` = factor on the intent's natural answer length when `k` chunks are retrieved:
    /// the sample's own length times a little noise per chunk count, the same for every model and
    /// temperature (so those choices change quality, not cost).
    var answerFactors: [Double]
    /// `chunkTokens[k]` = tokens of the first `k` retrieved chunks (`chunkTokens[0] == 0`).
    var chunkTokens: [Double]

    /// Draws `count` samples for `intent`, with chunk sizes for up to `maxChunks` chunks.
    static func draw(
        for intent: IntentProfile, count: Int, maxChunks: Int, parameters: GenerativeParameters,
        seed: UInt64
    ) -> [GoldenSample] {
        var hasher = FNV1a64()
        hasher.combine(seed)
        hasher.combine("golden-samples")
        hasher.combine(intent.name)
        var noise = NoiseSource(seed: hasher.value)
        return (0..<count).map { _ in
            let difficulty = noise.normal(mean: 0, deviation: intent.difficultySpread ?? parameters.difficultySpread)
            let prompt = intent.promptTokens * noise.unitMeanLognormal(spread: parameters.promptSpread)
            let answer = noise.unitMeanLognormal(spread: parameters.answerSpread)
            var chunks = [0.0]
            var answers = [answer * noise.unitMeanLognormal(spread: parameters.answerNoise)]
            for _ in 0..<max(0, maxChunks) {
                let size = parameters.tokensPerChunk * noise.unitMeanLognormal(spread: parameters.chunkSpread)
                chunks.append((chunks.last ?? 0) + size)
                answers.append(answer * noise.unitMeanLognormal(spread: parameters.answerNoise))
            }
            return GoldenSample(difficulty: difficulty, promptTokens: prompt, answerFactors: answers, chunkTokens: chunks)
        }
    }
}
