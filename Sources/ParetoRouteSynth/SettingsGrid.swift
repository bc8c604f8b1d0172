/// The settings evaluated for every (intent, model): the full product of three value lists.
public struct SettingsGrid: Sendable, Hashable {
    /// max_tokens values, in the order rows are written.
    public var maxTokens: [Int]
    /// Temperature values (at most two decimals), in the order rows are written.
    public var temperatures: [Double]
    /// rag_chunks values, in the order rows are written.
    public var ragChunks: [Int]

    /// Creates a grid from its three value lists.
    public init(maxTokens: [Int], temperatures: [Double], ragChunks: [Int]) {
        self.maxTokens = maxTokens
        self.temperatures = temperatures
        self.ragChunks = ragChunks
    }

    /// Every setting, max_tokens outermost and rag_chunks innermost.
    public var settings: [Setting] {
        maxTokens.flatMap { tokens in
            temperatures.flatMap { temperature in
                ragChunks.map { Setting(maxTokens: tokens, temperature: temperature, ragChunks: $0) }
            }
        }
    }

    /// Number of settings: the product of the three list lengths.
    public var count: Int {
        maxTokens.count * temperatures.count * ragChunks.count
    }
}
