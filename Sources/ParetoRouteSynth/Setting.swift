/// One deployment setting of a model for an intent: the three knobs besides the model.
public struct Setting: Sendable, Hashable {
    /// Output cap; answers longer than this are cut.
    public var maxTokens: Int
    /// Sampling temperature, written with at most two decimals.
    public var temperature: Double
    /// Retrieved chunks put into the prompt.
    public var ragChunks: Int

    /// Creates a setting.
    public init(maxTokens: Int, temperature: Double, ragChunks: Int) {
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.ragChunks = ragChunks
    }
}
