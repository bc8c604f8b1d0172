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

    /// Creates samples; `sortedLatencies` must be ascending and the token arrays equally long.
    public init(qualities: [Double], sortedLatencies: [Double], inputTokens: [Int] = [], outputTokens: [Int] = []) {
        self.qualities = qualities
        self.sortedLatencies = sortedLatencies
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }
}
