/// The cost of one answered conversation of a cell at given prices: one value per golden
/// sample (its input and output tokens priced together), with the moments the normal
/// approximation needs.
public struct ConversationCosts: Sendable, Hashable {
    /// USD per sample, in the cell's sample order.
    public var values: [Double]
    /// Their mean: the expected cost of a conversation (the front's per-call cost).
    public var mean: Double
    /// Their population variance: a conversation draws one of the samples uniformly.
    public var variance: Double

    /// Prices every sample with ``PriceCard/cost(of:)``, its cached prefix re-split by
    /// `readShare` (an intent's `prompt_cache_read_share`; nil as measured), and a share
    /// `promptCacheShare` of its full-price input billed as cache reads (a scenario's prompt
    /// cache; at the model's cache-read price, which is the input price when it has none).
    ///
    /// - Precondition: `samples` has token counts, paired and not empty.
    public init(samples: CellSamples, prices: PriceCard, readShare: Double?, promptCacheShare: Double = 0) {
        precondition(!samples.inputTokens.isEmpty && samples.inputTokens.count == samples.outputTokens.count, "paired, non-empty token samples")
        values = samples.inputTokens.indices.map {
            var tokens = samples.tokens(at: $0).applyingReadShare(readShare)
            if promptCacheShare > 0 {
                let moved = tokens.input * promptCacheShare
                tokens.input -= moved
                tokens.cacheRead += moved
            }
            return prices.cost(of: tokens)
        }
        let n = Double(values.count)
        mean = values.reduce(0, +) / n
        let m = mean
        variance = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / n
    }
}
