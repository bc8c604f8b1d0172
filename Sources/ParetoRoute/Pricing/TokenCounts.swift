/// Tokens of one call (or the mean over a cell's samples) by how the provider bills them.
///
/// `input` excludes cached tokens (the contract's convention, Anthropic's and Inspect AI's):
/// the cached prefix is `cacheRead + cacheWrite`. Doubles, because a cell's figures are means.
public struct TokenCounts: Sendable, Hashable {
    /// Input tokens billed at the full input price.
    public var input: Double
    /// Input tokens read from the provider's prompt cache.
    public var cacheRead: Double
    /// Input tokens written to the provider's prompt cache.
    public var cacheWrite: Double
    /// Output tokens.
    public var output: Double

    /// Creates counts; no cached tokens by default.
    public init(input: Double, cacheRead: Double = 0, cacheWrite: Double = 0, output: Double) {
        self.input = input
        self.cacheRead = cacheRead
        self.cacheWrite = cacheWrite
        self.output = output
    }

    /// The counts with the cached prefix re-split by an intent's `prompt_cache_read_share`.
    ///
    /// An eval replays prompts back to back, so its cache is warmer than production's; the
    /// share says how much of the prefix production reads (the rest it writes). nil keeps the
    /// counts as measured. Linear, so it applies to a cell's means as to each sample.
    @inline(__always)
    public func applyingReadShare(_ share: Double?) -> TokenCounts {
        guard let share else { return self }
        let prefix = cacheRead + cacheWrite
        let read = share * prefix
        return TokenCounts(input: input, cacheRead: read, cacheWrite: prefix - read, output: output)
    }
}
