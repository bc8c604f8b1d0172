/// The per-sample figures of one cell, kept when the table is loaded with samples.
///
/// The bootstrap resamples qualities and latencies; the cost projection draws each
/// conversation's input and output tokens *together* from one golden sample, so the
/// token counts stay paired, aligned with ``qualities`` (file order).
public struct CellSamples: Sendable, Hashable {
    /// Quality scores in file order.
    public var qualities: [Double]
    /// Latencies sorted ascending.
    public var sortedLatencies: [Double]
    /// Billed input tokens per sample, in file order.
    public var inputTokens: [Int]
    /// Billed output tokens per sample, in file order (`outputTokens[k]` pairs with `inputTokens[k]`).
    public var outputTokens: [Int]

    /// Sample identifiers in file order, aligned with ``qualities``: what pairs two cells'
    /// answers to the same golden sample (paired comparisons, routes).
    public var sampleIDs: [String] = []
    /// FNV-1a 64 hashes of the sample ids in file order, aligned with ``qualities``: 8 bytes a
    /// sample to pair cells on (the loader's duplicate check already treats them as unique).
    public var sampleKeys: [UInt64] = []
    /// Latencies in file order, aligned with ``qualities`` (``sortedLatencies`` sorted).
    public var latencies: [Double] = []
    /// Prompt-cache reads per sample, paired with ``inputTokens``; empty when the data has none.
    public var cacheReadTokens: [Int]
    /// Prompt-cache writes per sample, paired with ``inputTokens``; empty when the data has none.
    public var cacheWriteTokens: [Int]

    /// Creates samples; `sortedLatencies` must be ascending and the token arrays equally long
    /// (the cache arrays may be empty: no cached tokens).
    public init(qualities: [Double], sortedLatencies: [Double], inputTokens: [Int] = [], outputTokens: [Int] = [],
                cacheReadTokens: [Int] = [], cacheWriteTokens: [Int] = []) {
        self.qualities = qualities
        self.sortedLatencies = sortedLatencies
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cacheReadTokens = cacheReadTokens
        self.cacheWriteTokens = cacheWriteTokens
    }

    /// Sample `k`'s tokens as billed (0 cached tokens when the data has none).
    public func tokens(at k: Int) -> TokenCounts {
        TokenCounts(input: Double(inputTokens[k]),
                    cacheRead: cacheReadTokens.isEmpty ? 0 : Double(cacheReadTokens[k]),
                    cacheWrite: cacheWriteTokens.isEmpty ? 0 : Double(cacheWriteTokens[k]),
                    output: Double(outputTokens[k]))
    }
}
