/// The token counts and latency of one imported sample, as a reader found them.
///
/// Kept by kind of token because the contract prices each kind apart: `input` is what
/// remains at the full input price once cache reads and writes are taken out.
struct SampleFigures: Sendable, Equatable {
    /// Input tokens at the full input price (cached tokens excluded).
    var input: Int
    /// Input tokens read from the prompt cache.
    var cacheRead: Int
    /// Input tokens written to the prompt cache.
    var cacheWrite: Int
    /// Output tokens.
    var output: Int
    /// Latency in ms, rounded to 0.001.
    var latencyMs: Double
}
